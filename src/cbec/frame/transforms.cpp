#include "cbec/frame/transforms.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <span>
#include <limits>

#include "cbec/core/error.hpp"

namespace cbec {

namespace {
const double kNaN = std::numeric_limits<double>::quiet_NaN();

void tally(const std::vector<double>& in, const std::vector<double>& out, TransformReport& rep) {
  for (size_t i = 0; i < in.size(); ++i) {
    if (std::isnan(in[i])) ++rep.missing_input;
    else if (std::isnan(out[i])) ++rep.invalid;
    if (!std::isnan(out[i])) ++rep.computed;
  }
}

// Row indices per group (a single group when `groups` is null); rows with a missing group are left out.
std::vector<std::vector<size_t>> members(size_t n, const std::vector<int32_t>* groups) {
  if (!groups) {
    std::vector<std::vector<size_t>> one(1, std::vector<size_t>(n));
    for (size_t i = 0; i < n; ++i) one[0][i] = i;
    return one;
  }
  int32_t G = 0;
  for (int32_t g : *groups) G = std::max(G, g + 1);
  std::vector<std::vector<size_t>> out(static_cast<size_t>(G));
  for (size_t i = 0; i < n; ++i)
    if ((*groups)[i] >= 0) out[static_cast<size_t>((*groups)[i])].push_back(i);
  return out;
}
}  // namespace

std::vector<double> log_values(const std::vector<double>& x, TransformReport& rep) {
  std::vector<double> out(x.size());
  for (size_t i = 0; i < x.size(); ++i) out[i] = x[i] > 0 ? std::log(x[i]) : kNaN;
  tally(x, out, rep);
  return out;
}

std::vector<double> difference(const std::vector<double>& x, const std::vector<double>& lagged, TransformReport& rep) {
  std::vector<double> out(x.size());
  for (size_t i = 0; i < x.size(); ++i) out[i] = x[i] - lagged[i];
  tally(x, out, rep);
  return out;
}

std::vector<double> growth(const std::vector<double>& x, const std::vector<double>& lagged, TransformReport& rep) {
  std::vector<double> out(x.size());
  for (size_t i = 0; i < x.size(); ++i) out[i] = lagged[i] != 0 ? x[i] / lagged[i] - 1 : kNaN;
  tally(x, out, rep);
  return out;
}

std::vector<double> panel_growth(const Panel& p, const std::vector<double>& x, TransformReport& rep) { return growth(x, panel_shift(p, x, 1), rep); }

std::vector<double> interpolate(const Panel& p, const std::vector<double>& x, bool extrapolate, TransformReport& rep) {
  std::vector<double> out = x;
  for (size_t g = 0; g < p.n_units; ++g) {
    std::vector<size_t> obs;  // positions (rows, in time order) with a value
    const std::span<const size_t> rows(p.order.data() + p.unit_start[g], p.unit_start[g + 1] - p.unit_start[g]);
    for (size_t r : rows)
      if (!std::isnan(x[r])) obs.push_back(r);
    if (obs.empty()) continue;
    auto t = [&](size_t r) { return static_cast<double>(p.time_value[r]); };
    auto line = [&](size_t a, size_t b, double at) { return x[a] + (x[b] - x[a]) * (at - t(a)) / (t(b) - t(a)); };
    size_t k = 0;  // obs[k] is the first observation at or after the current row
    for (size_t r : rows) {
      while (k < obs.size() && t(obs[k]) < t(r)) ++k;
      if (!std::isnan(x[r])) continue;
      double v = kNaN;
      if (k > 0 && k < obs.size()) v = line(obs[k - 1], obs[k], t(r));
      else if (extrapolate && obs.size() >= 2) v = k == 0 ? line(obs[0], obs[1], t(r)) : line(obs[obs.size() - 2], obs.back(), t(r));
      if (!std::isnan(v)) {
        out[r] = v;
        ++rep.changed;
      }
    }
  }
  // Each row counted once: computed (observed, or filled: `changed`) or missing input (missing and
  // not filled); a filled row was counted in both, so the counts passed the rows.
  for (double v : out) {
    rep.computed += !std::isnan(v);
    rep.missing_input += std::isnan(v);
  }
  return out;
}

double percentile_stata(std::vector<double> v, double pct) {
  if (v.empty()) return kNaN;
  std::sort(v.begin(), v.end());
  const double np = static_cast<double>(v.size()) * pct / 100.0;
  const double fl = std::floor(np);
  if (np <= 0) return v.front();
  if (np >= static_cast<double>(v.size())) return v.back();
  const size_t i = static_cast<size_t>(fl);  // 1-based order statistic i = floor(np)
  if (np == fl) return 0.5 * (v[i - 1] + v[i]);
  return v[i];                               // order statistic floor(np) + 1
}

std::vector<double> winsorize(const std::vector<double>& x, double lower, double upper, const std::vector<int32_t>* groups,
                              TransformReport& rep) {
  if (!(lower >= 0 && upper <= 100 && lower < upper))
    throw SpecError(fmt::format("winsorizing percentiles must satisfy 0 <= lower < upper <= 100 (got {} and {})", lower, upper));
  std::vector<double> out(x.size(), kNaN);
  for (const auto& rows : members(x.size(), groups)) {
    std::vector<double> v;
    for (size_t r : rows)
      if (!std::isnan(x[r])) v.push_back(x[r]);
    const double lo = percentile_stata(v, lower), hi = percentile_stata(v, upper);
    for (size_t r : rows) {
      if (std::isnan(x[r])) continue;
      out[r] = std::clamp(x[r], lo, hi);
      rep.changed += out[r] != x[r];
    }
  }
  tally(x, out, rep);
  return out;
}

std::vector<double> standardize(const std::vector<double>& x, const std::string& method, const std::vector<int32_t>* groups,
                                TransformReport& rep) {
  if (method != "z" && method != "minmax" && method != "minmax_neg")
    throw SpecError(fmt::format("unknown standardization '{}'; use z, minmax or minmax_neg", method));
  std::vector<double> out(x.size(), kNaN);
  for (const auto& rows : members(x.size(), groups)) {
    double n = 0, mean = 0, m2 = 0, lo = INFINITY, hi = -INFINITY;
    for (size_t r : rows) {
      const double v = x[r];
      if (std::isnan(v)) continue;
      n += 1;
      const double d = v - mean;
      mean += d / n;
      m2 += d * (v - mean);
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
    const double sd = n > 1 ? std::sqrt(m2 / (n - 1)) : kNaN;
    for (size_t r : rows) {
      if (std::isnan(x[r])) continue;
      if (method == "z") out[r] = sd > 0 ? (x[r] - mean) / sd : kNaN;
      else if (hi > lo) out[r] = method == "minmax" ? (x[r] - lo) / (hi - lo) : (hi - x[r]) / (hi - lo);
    }
  }
  tally(x, out, rep);
  return out;
}

}  // namespace cbec
