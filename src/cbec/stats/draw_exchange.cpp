#include "cbec/stats/draw_exchange.hpp"

#include <omp.h>

namespace cbec {

namespace {
DrawExchange* installed = nullptr;
}  // namespace

void install_draw_exchange(DrawExchange* exchange) { installed = exchange; }

// Inside a parallel region (even a one-thread team, hence the level, not omp_in_parallel) the
// processes would reach the exchange a different number of times, from worker threads.
DrawExchange* draw_exchange() { return installed && installed->size() > 1 && omp_get_level() == 0 ? installed : nullptr; }

DrawRange draw_share(size_t n_draws, int rank, int size) {
  const size_t r = static_cast<size_t>(rank), s = static_cast<size_t>(size);
  const size_t base = n_draws / s, extra = n_draws % s;  // the first `extra` processes take one more
  const size_t first = r * base + (r < extra ? r : extra);
  return {first, first + base + (r < extra ? 1 : 0)};
}

}  // namespace cbec
