#include "cbec/estimate/spatial/classify.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "cbec/core/error.hpp"
#include "cbec/estimate/spatial/autocorrelation_common.hpp"

namespace cbec {

namespace {

// Fisher's (1958) exact optimal partition of sorted values into k contiguous classes (Hartigan
// 1975, pp. 130-142), in classInt's arithmetic (its fish1.f, behind classIntervals(style =
// "fisher")) so that ties between optimal partitions, common with whole-number data, break as
// there: for each end i the last class grows from i downwards, its sum of squares accumulated as
// ss - s^2 / n, and a later candidate of equal cost wins (.GE.), i.e. the longest last class. The
// values are first scaled by a power of two, which changes no rounding, so that their squares stay
// finite whatever their scale (1e160, 1e-300); where their level is large against their spread
// (1e9 + 0.1, 1e9 + 0.2, ...), whose ss - s^2 / n would cancel to noise (in classInt too), they are
// taken as (x - lo) / (hi - lo) instead: the same optimum, exact sums. Returns the index of the first
// value of classes 2..k of the sorted x.
std::vector<size_t> fisher_jenks(const std::vector<double>& x, int k) {
  const size_t n = x.size(), K = static_cast<size_t>(k);
  const double lo = x.front(), hi = x.back();
  std::vector<double> z;
  if (std::max(std::fabs(lo), std::fabs(hi)) > 100 * (hi - lo)) {
    for (double v : x) z.push_back((v - lo) / (hi - lo));
  } else {
    z = detail::scaled_by_power_of_two(x, "natural breaks");
  }
  const double inf = std::numeric_limits<double>::infinity();
  // work[j * n + i]: the least cost of values 0..i in j + 1 classes; start: its last class's first value.
  std::vector<double> work(K * n, inf);
  std::vector<size_t> start(K * n, 0);
  for (size_t i = 0; i < n; ++i) {
    double ss = 0, s = 0;
    for (size_t first = i + 1; first-- > 0;) {   // the last class: values first..i
      ss += z[first] * z[first];
      s += z[first];
      const double var = ss - s * s / static_cast<double>(i - first + 1);
      if (first > 0)
        for (size_t j = 1; j < K; ++j)
          if (work[j * n + i] >= var + work[(j - 1) * n + first - 1]) {
            start[j * n + i] = first;
            work[j * n + i] = var + work[(j - 1) * n + first - 1];
          }
      if (first == 0) work[i] = var;
    }
  }
  std::vector<size_t> starts(K - 1);
  size_t end = n - 1;
  for (size_t j = K - 1; j > 0; --j) {
    starts[j - 1] = start[j * n + end];
    end = starts[j - 1] - 1;
  }
  return starts;
}

double quantile7(const std::vector<double>& sorted, double p) {
  const double h = (static_cast<double>(sorted.size()) - 1) * p;
  const size_t lo = static_cast<size_t>(std::floor(h));
  const size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

}  // namespace

Classification classify(const std::vector<double>& values, const std::string& method, int k) {
  std::vector<double> x;
  for (double v : values)
    if (std::isfinite(v)) x.push_back(v);
  std::sort(x.begin(), x.end());
  if (x.size() < 2) throw DataError("classification needs at least two values");
  Classification c;
  c.method = method;
  const double lo = x.front(), hi = x.back();
  std::vector<double> u = x;
  const auto distinct = static_cast<size_t>(std::unique(u.begin(), u.end()) - u.begin());
  if (lo == hi) throw DataError(fmt::format("classification needs at least two distinct values; all {} are {:g}", x.size(), lo));
  if (!std::isfinite(hi - lo)) throw DataError(fmt::format("the values span {:g} to {:g}, beyond double precision; rescale them", lo, hi));
  const bool natural = method == "fisher" || method == "jenks";
  if (!natural && method != "quantile" && method != "equal" && method != "sd")
    throw SpecError(fmt::format("unknown classification '{}'; use fisher, quantile, equal or sd", method));
  if (k < (natural ? 2 : 1)) throw SpecError(fmt::format("{} breaks need at least {} classes, not {}", method, natural ? 2 : 1, k));
  if (method != "sd" && static_cast<size_t>(k) >= distinct) {
    // As classInt's classIntervals: n reset to the number of distinct values (said when more were
    // asked), each value its own class, the breaks midway between them and half the mean gap
    // beyond the ends.
    if (static_cast<size_t>(k) > distinct) c.note = fmt::format("{} classes were asked of {} distinct values: {} classes, one per value", k, distinct, distinct);
    const double half_gap = (hi - lo) / static_cast<double>(distinct - 1) / 2;
    c.breaks.push_back(lo - half_gap);
    for (size_t i = 0; i + 1 < distinct; ++i) c.breaks.push_back(0.5 * (u[i] + u[i + 1]));
    c.breaks.push_back(hi + half_gap);
  } else if (natural) {
    c.breaks.push_back(lo);
    for (size_t s : fisher_jenks(x, k)) c.breaks.push_back(0.5 * (x[s - 1] + x[s]));
    c.breaks.push_back(hi);
  } else if (method == "quantile") {
    for (int i = 0; i <= k; ++i) c.breaks.push_back(quantile7(x, static_cast<double>(i) / k));
  } else if (method == "equal") {
    for (int i = 0; i <= k; ++i) c.breaks.push_back(lo + (hi - lo) * i / k);
  } else {  // sd
    double mean = 0, ss = 0;
    for (double v : x) mean += v / static_cast<double>(x.size());
    for (double v : x) ss += (v - mean) * (v - mean);
    const double sd = std::sqrt(ss / static_cast<double>(x.size() - 1));
    c.breaks.push_back(lo);
    for (int m = -3; m <= 3; ++m)
      if (mean + m * sd > lo && mean + m * sd < hi) c.breaks.push_back(mean + m * sd);
    c.breaks.push_back(hi);
  }
  const int classes = static_cast<int>(c.breaks.size()) - 1;
  for (double v : values) {
    if (!std::isfinite(v)) {
      c.cls.push_back(-1);
      continue;
    }
    int cl = static_cast<int>(std::upper_bound(c.breaks.begin(), c.breaks.end(), v) - c.breaks.begin()) - 1;
    c.cls.push_back(std::clamp(cl, 0, classes - 1));
  }
  return c;
}

}  // namespace cbec
