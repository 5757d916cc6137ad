#include "cbec/estimate/spatial/classify.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "cbec/core/error.hpp"

namespace cbec {

namespace {

// Fisher's exact optimal partition of sorted values into k contiguous classes; returns the index
// of the first value of each class 1..k-1.
std::vector<size_t> fisher_jenks(const std::vector<double>& x, int k) {
  const size_t n = x.size(), K = static_cast<size_t>(k);
  std::vector<double> s1(n + 1, 0), s2(n + 1, 0);
  for (size_t i = 0; i < n; ++i) {
    s1[i + 1] = s1[i] + x[i];
    s2[i + 1] = s2[i] + x[i] * x[i];
  }
  auto ssd = [&](size_t a, size_t b) {  // values a..b-1
    const double m = static_cast<double>(b - a), s = s1[b] - s1[a];
    return (s2[b] - s2[a]) - s * s / m;
  };
  const double inf = std::numeric_limits<double>::infinity();
  // D[c][j]: best cost of the first j values in c classes; from[c][j]: start of the last class.
  std::vector<std::vector<double>> D(K + 1, std::vector<double>(n + 1, inf));
  std::vector<std::vector<size_t>> from(K + 1, std::vector<size_t>(n + 1, 0));
  D[0][0] = 0;
  for (size_t c = 1; c <= K; ++c)
    for (size_t j = c; j <= n; ++j)
      for (size_t i = c - 1; i < j; ++i) {
        const double v = D[c - 1][i] + ssd(i, j);
        if (v < D[c][j]) {
          D[c][j] = v;
          from[c][j] = i;
        }
      }
  std::vector<size_t> starts(K - 1);
  size_t j = n;
  for (size_t c = K; c > 1; --c) {
    j = from[c][j];
    starts[c - 2] = j;
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
    // On (x - lo) / (hi - lo): the same classes (an affine map keeps every within-class sum of
    // squares' order), with squares a double holds whatever the data's scale (1e160, 1e-300).
    std::vector<double> z(x.size());
    for (size_t i = 0; i < x.size(); ++i) z[i] = (x[i] - lo) / (hi - lo);
    c.breaks.push_back(lo);
    for (size_t s : fisher_jenks(z, k)) c.breaks.push_back(0.5 * (x[s - 1] + x[s]));
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
