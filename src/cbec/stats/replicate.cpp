#include "cbec/stats/replicate.hpp"

#include <omp.h>

namespace cbec {

int omp_default_threads() { return omp_get_max_threads(); }

}  // namespace cbec
