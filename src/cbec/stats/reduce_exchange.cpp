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

std::string ReduceExchange::all_to_all(std::string_view send, const std::vector<size_t>& send_lengths, std::vector<size_t>& recv_lengths) {
  const size_t P = static_cast<size_t>(size()), me = static_cast<size_t>(rank());
  if (send_lengths.size() != P) throw std::logic_error("all_to_all: one piece per process is needed");
  // This process's piece lengths, then its pieces.
  std::string mine;
  for (size_t n : send_lengths) {
    const uint64_t n64 = n;
    mine.append(reinterpret_cast<const char*>(&n64), sizeof n64);
  }
  mine.append(send);
  std::vector<size_t> lengths;
  const std::string all = all_gather(mine, lengths);
  std::string from;
  recv_lengths.assign(P, 0);
  for (size_t r = 0, at = 0; r < P; at += lengths[r], ++r) {
    size_t piece = at + P * sizeof(uint64_t);
    for (size_t d = 0; d < P; ++d) {
      uint64_t n = 0;
      std::memcpy(&n, all.data() + at + d * sizeof n, sizeof n);
      if (d == me) {
        recv_lengths[r] = n;
        from.append(all, piece, n);
      }
      piece += n;
    }
  }
  return from;
}

ReduceExchange* reduce_exchange() { return installed && installed->size() > 1 && omp_get_level() == 0 ? installed : nullptr; }

}  // namespace cbec
