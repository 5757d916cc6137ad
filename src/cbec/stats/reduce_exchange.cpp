#include "cbec/stats/reduce_exchange.hpp"

#include <omp.h>

#include <cstdint>
#include <cstring>
#include <stdexcept>

namespace cbec {

namespace {
ReduceExchange* installed = nullptr;
}  // namespace

void install_reduce_exchange(ReduceExchange* exchange) { installed = exchange; }

std::vector<std::string> ReduceExchange::all_to_all(const std::vector<std::string>& to) {
  const size_t P = static_cast<size_t>(size()), me = static_cast<size_t>(rank());
  if (to.size() != P) throw std::logic_error("all_to_all: one piece per process is needed");
  // This process's pieces, each after its length.
  std::string mine;
  for (const auto& piece : to) {
    const uint64_t n = piece.size();
    mine.append(reinterpret_cast<const char*>(&n), sizeof n).append(piece);
  }
  std::vector<size_t> lengths;
  const std::string all = all_gather(mine, lengths);
  std::vector<std::string> from(P);
  for (size_t r = 0, at = 0; r < P; at += lengths[r], ++r)
    for (size_t d = 0, p = at; d < P; ++d) {
      uint64_t n = 0;
      std::memcpy(&n, all.data() + p, sizeof n);
      p += sizeof n;
      if (d == me) from[r] = all.substr(p, n);
      p += n;
    }
  return from;
}

ReduceExchange* reduce_exchange() { return installed && installed->size() > 1 && omp_get_level() == 0 ? installed : nullptr; }

}  // namespace cbec
