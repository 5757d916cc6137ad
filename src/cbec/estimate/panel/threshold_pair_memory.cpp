#include "cbec/estimate/panel/threshold_pair_memory.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <string>

#include "cbec/core/error.hpp"
#include "cbec/core/memory.hpp"

namespace cbec::detail {

namespace {

constexpr size_t kNoSize = std::numeric_limits<size_t>::max();   // beyond size_t
constexpr size_t kGiB = size_t{1} << 30;

size_t times(size_t a, size_t b) {
  size_t r = 0;
  return __builtin_mul_overflow(a, b, &r) ? kNoSize : r;
}

size_t plus(size_t a, size_t b) {
  size_t r = 0;
  return __builtin_add_overflow(a, b, &r) ? kNoSize : r;
}

std::string memory(size_t bytes) {
  if (bytes == kNoSize) return "more than the address space";
  const double b = static_cast<double>(bytes);
  if (bytes >= kGiB) return fmt::format("{:.1f} GiB", b / static_cast<double>(kGiB));
  return fmt::format("{:.1f} MiB", b / static_cast<double>(size_t{1} << 20));
}

}  // namespace

size_t default_pair_budget() {
  const size_t memory = physical_memory_bytes();
  if (memory == 0) return 2 * kGiB;
  return std::min(2 * kGiB, memory / 4);
}

PairTablePlan plan_pair_table(size_t grid, size_t m, size_t threads, size_t budget, int quantiles) {
  PairTablePlan plan;
  plan.row_bytes = times(times(grid, times(m, m)), sizeof(double));
  plan.bytes = times(grid, plan.row_bytes);
  if (plan.bytes <= budget) return plan;
  const size_t working = times(2, std::max<size_t>(threads, 1));
  const size_t rows = plan.row_bytes == 0 ? 0 : budget / plan.row_bytes;
  if (rows <= working)
    throw SpecError(fmt::format(
        "threshold: the bootstrap of the second and third threshold tests needs at least {} for its table of grid-point pairs "
        "({} grid points, {} regime-dependent variable{}, {} thread{}), more than its budget of {}; use fewer grid quantiles "
        "(--quantiles, now {}), fewer regime-dependent variables (--regime) or one threshold (--thresholds 1)",
        memory(times(plus(1, working), plan.row_bytes)), grid, m, m == 1 ? "" : "s", threads, threads == 1 ? "" : "s", memory(budget),
        quantiles));
  const size_t slots = rows - working;   // stored rows that fit beside the working rows
  plan.stride = (grid + slots - 1) / slots;
  plan.bytes = times(plus((grid + plan.stride - 1) / plan.stride, working), plan.row_bytes);
  return plan;
}

}  // namespace cbec::detail
