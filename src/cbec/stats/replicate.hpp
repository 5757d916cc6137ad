// The one replication driver for permutations, placebo draws and bootstraps.
// Draw b always uses its own random stream (pcg32 seeded by `seed`, stream b), so results are
// identical for any number of threads; draws run in parallel with OpenMP. When the program runs
// as several processes (draw_exchange.hpp: the CLI under mpirun), each runs its share of the draws
// and all of them receive every result, so results are also identical for any number of processes.
#pragma once
#include <pcg_random.hpp>

#include "cbec/core/progress.hpp"
#include "cbec/stats/draw_codec.hpp"
#include "cbec/stats/draw_exchange.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <type_traits>
#include <vector>

namespace cbec {

using Rng = pcg32;

// The random stream of draw `draw` for a given seed.
inline Rng draw_stream(uint64_t seed, uint64_t draw) { return Rng(seed, draw); }

// The number of threads parallel loops use by default (OpenMP's setting).
int omp_default_threads();

// The exchange to split draws with results of type R over, or nullptr to compute all of them
// here (one process, or a result type draw_codec cannot ship).
template <class R>
DrawExchange* exchange_for() {
  if constexpr (draw_codec::shippable<R>) return draw_exchange();
  return nullptr;
}

// Gives every process the results the others computed: out[mine] holds this process's share;
// the other entries are filled from the exchange, in draw order.
template <class R>
void gather_draws(DrawExchange& ex, std::vector<R>& out, DrawRange mine) {
  std::string bytes;
  for (size_t b = mine.first; b < mine.last; ++b) draw_codec::encode<R>(out[b], bytes);
  std::vector<size_t> lengths;
  const std::string all = ex.all_gather(bytes, lengths);
  const char* p = all.data();
  for (int r = 0; r < ex.size(); ++r) {
    const char* end = p + lengths[static_cast<size_t>(r)];
    if (r != ex.rank()) {
      const DrawRange theirs = draw_share(out.size(), r, ex.size());
      for (size_t b = theirs.first; b < theirs.last; ++b) {
        R value;  // out[b] may be a proxy (std::vector<bool>)
        draw_codec::decode(p, end, value);
        out[b] = std::move(value);
      }
      if (p != end) throw Error("internal error: the draws received from another process are longer than announced");
    }
    p = end;
  }
}

// Runs fn(draw, rng) for draw = 0..n_draws-1 and returns the results in draw order.
// fn must only read shared state. threads = 0 uses the OpenMP default.
template <class Fn>
auto replicate(size_t n_draws, uint64_t seed, Fn&& fn, int threads = 0) {
  using R = decltype(fn(size_t{0}, std::declval<Rng&>()));
  std::vector<R> out(n_draws);
  DrawExchange* ex = exchange_for<R>();
  const DrawRange mine = ex ? draw_share(n_draws, ex->rank(), ex->size()) : DrawRange{0, n_draws};
  const long first = static_cast<long>(mine.first), last = static_cast<long>(mine.last);
  progress_expect(mine.last - mine.first);
#pragma omp parallel for schedule(dynamic, 8) num_threads(threads > 0 ? threads : omp_default_threads())
  for (long b = first; b < last; ++b) {
    Rng rng = draw_stream(seed, static_cast<uint64_t>(b));
    out[static_cast<size_t>(b)] = fn(static_cast<size_t>(b), rng);
    progress_advance(1);
  }
  if constexpr (draw_codec::shippable<R>) {
    if (ex) gather_draws(*ex, out, mine);
  }
  return out;
}

// Runs fn(first_draw, count) over consecutive blocks of at most `block` draws, in parallel, for
// work that is cheaper done a block at a time (a matrix product per block of multiplier draws).
// Each draw inside a block must still use draw_stream(seed, draw) so results do not depend on
// the thread count. A block that returns its result (e.g. its draws' rows as an Eigen matrix)
// gets the blocks' results back in order and can be split across processes; a block that
// returns nothing writes shared state, so every block then runs in this process.
template <class Fn>
auto replicate_blocks(size_t n_draws, size_t block, Fn&& fn, int threads = 0) {
  using R = decltype(fn(size_t{0}, size_t{0}));
  const size_t n_blocks = (n_draws + block - 1) / block;
  DrawExchange* ex = nullptr;
  if constexpr (!std::is_void_v<R>) ex = exchange_for<R>();
  const DrawRange mine = ex ? draw_share(n_blocks, ex->rank(), ex->size()) : DrawRange{0, n_blocks};
  const auto count_of = [&](size_t k) { return std::min(block, n_draws - k * block); };
  progress_expect(mine.last > mine.first ? (mine.last - mine.first - 1) * block + count_of(mine.last - 1) : 0);
  const long first = static_cast<long>(mine.first), last = static_cast<long>(mine.last);
  const int n_threads = threads > 0 ? threads : omp_default_threads();
  if constexpr (std::is_void_v<R>) {
#pragma omp parallel for schedule(dynamic, 1) num_threads(n_threads)
    for (long k = first; k < last; ++k) {
      fn(static_cast<size_t>(k) * block, count_of(static_cast<size_t>(k)));
      progress_advance(count_of(static_cast<size_t>(k)));
    }
  } else {
    std::vector<R> out(n_blocks);
#pragma omp parallel for schedule(dynamic, 1) num_threads(n_threads)
    for (long k = first; k < last; ++k) {
      out[static_cast<size_t>(k)] = fn(static_cast<size_t>(k) * block, count_of(static_cast<size_t>(k)));
      progress_advance(count_of(static_cast<size_t>(k)));
    }
    if constexpr (draw_codec::shippable<R>) {
      if (ex) gather_draws(*ex, out, mine);
    }
    return out;
  }
}

// Uniform double in [0, 1) from a stream.
inline double uniform01(Rng& rng) {
  const double a = static_cast<double>(rng() >> 5), b = static_cast<double>(rng() >> 6);  // 27 + 26 bits
  return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}


}  // namespace cbec
