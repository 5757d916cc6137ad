#include "cbec/stats/draw_exchange.hpp"

namespace cbec {

namespace {
DrawExchange* installed = nullptr;
}  // namespace

void install_draw_exchange(DrawExchange* exchange) { installed = exchange; }

DrawExchange* draw_exchange() { return installed && installed->size() > 1 ? installed : nullptr; }

DrawRange draw_share(size_t n_draws, int rank, int size) {
  const size_t r = static_cast<size_t>(rank), s = static_cast<size_t>(size);
  const size_t base = n_draws / s, extra = n_draws % s;  // the first `extra` processes take one more
  const size_t first = r * base + (r < extra ? r : extra);
  return {first, first + base + (r < extra ? 1 : 0)};
}

}  // namespace cbec
