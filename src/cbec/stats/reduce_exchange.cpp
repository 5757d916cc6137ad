#include "cbec/stats/reduce_exchange.hpp"

#include <omp.h>

namespace cbec {

namespace {
ReduceExchange* installed = nullptr;
}  // namespace

void install_reduce_exchange(ReduceExchange* exchange) { installed = exchange; }

ReduceExchange* reduce_exchange() { return installed && installed->size() > 1 && omp_get_level() == 0 ? installed : nullptr; }

}  // namespace cbec
