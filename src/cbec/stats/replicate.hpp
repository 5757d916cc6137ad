// The one replication driver for permutations, placebo draws and bootstraps.
// Draw b always uses its own random stream (pcg32 seeded by `seed`, stream b), so results are
// identical for any number of threads; draws run in parallel with OpenMP.
#pragma once
#include <pcg_random.hpp>

#include "cbec/core/progress.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace cbec {

using Rng = pcg32;

// The random stream of draw `draw` for a given seed.
inline Rng draw_stream(uint64_t seed, uint64_t draw) { return Rng(seed, draw); }

// The number of threads parallel loops use by default (OpenMP's setting).
int omp_default_threads();

// Runs fn(draw, rng) for draw = 0..n_draws-1 and returns the results in draw order.
// fn must only read shared state. threads = 0 uses the OpenMP default.
template <class Fn>
auto replicate(size_t n_draws, uint64_t seed, Fn&& fn, int threads = 0) {
  using R = decltype(fn(size_t{0}, std::declval<Rng&>()));
  std::vector<R> out(n_draws);
  const long n = static_cast<long>(n_draws);
  progress_expect(n_draws);
#pragma omp parallel for schedule(dynamic, 8) num_threads(threads > 0 ? threads : omp_default_threads())
  for (long b = 0; b < n; ++b) {
    Rng rng = draw_stream(seed, static_cast<uint64_t>(b));
    out[static_cast<size_t>(b)] = fn(static_cast<size_t>(b), rng);
    progress_advance(1);
  }
  return out;
}

// Runs fn(first_draw, count) over consecutive blocks of at most `block` draws, in parallel, for
// work that is cheaper done a block at a time (a matrix product per block of multiplier draws).
// Each draw inside a block must still use draw_stream(seed, draw) so results do not depend on
// the thread count.
template <class Fn>
void replicate_blocks(size_t n_draws, size_t block, Fn&& fn, int threads = 0) {
  const long n_blocks = static_cast<long>((n_draws + block - 1) / block);
  progress_expect(n_draws);
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads > 0 ? threads : omp_default_threads())
  for (long k = 0; k < n_blocks; ++k) {
    const size_t first = static_cast<size_t>(k) * block;
    fn(first, std::min(block, n_draws - first));
    progress_advance(std::min(block, n_draws - first));
  }
}

// Uniform double in [0, 1) from a stream.
inline double uniform01(Rng& rng) {
  const double a = static_cast<double>(rng() >> 5), b = static_cast<double>(rng() >> 6);  // 27 + 26 bits
  return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}


}  // namespace cbec
