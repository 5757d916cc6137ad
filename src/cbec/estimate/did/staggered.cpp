#include "cbec/estimate/did/staggered.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <unordered_map>

#include "cbec/core/error.hpp"

namespace cbec {

VcovSpec StaggeredSpec::vcov_spec() const {
  return VcovSpec::parse(vcov.empty() ? "cluster:" + unit : vcov, time);
}

std::string StaggeredSpec::formula(const std::vector<std::string>& treatment_terms) const {
  std::vector<std::string> rhs;
  for (const auto& t : treatment_terms) rhs.push_back("`" + t + "`");
  rhs.insert(rhs.end(), controls.begin(), controls.end());
  std::vector<std::string> fe = {unit, time};
  fe.insert(fe.end(), extra_fe.begin(), extra_fe.end());
  return fmt::format("{} ~ {} | {}", y, fmt::join(rhs, " + "), fmt::join(fe, " + "));
}

Design covariate_design(const Frame& frame, const StaggeredSpec& spec, bool intercept,
                        const std::vector<std::string>& extra_groups, const std::string& estimator) {
  ModelSpec ms = parse_formula(fmt::format("`{}` ~ {}", spec.y, spec.controls.empty() ? "1" : fmt::format("{}", fmt::join(spec.controls, " + "))));
  ms.intercept = intercept;
  DesignOptions dopt;
  dopt.weights = spec.weights;
  dopt.panel_unit = spec.unit;
  dopt.panel_time = spec.time;
  dopt.groups = {spec.unit, spec.time};
  for (const auto& g : extra_groups)
    if (!g.empty() && g != spec.unit && g != spec.time) dopt.groups.push_back(g);
  Design d = build_design(frame, ms, dopt);
  if (d.x_names.size() != spec.controls.size() + (intercept ? 1 : 0))
    throw SpecError(fmt::format("covariates of the {} estimator must be numeric terms (expand factors into indicator columns first)", estimator));
  return d;
}

namespace {
double last_period(const Frame& frame, const StaggeredSpec& spec) {
  double last = -std::numeric_limits<double>::infinity();
  for (double v : frame.numeric(spec.time))
    if (!std::isnan(v)) last = std::max(last, v);
  return last;
}
}  // namespace

std::vector<double> first_treatment(const Frame& frame, const StaggeredSpec& spec) {
  std::vector<double> g = frame.numeric(spec.first_treat);
  // One first treatment period per unit (cells left empty aside): a unit treated from 2015 in some
  // rows and never in another was taken row by row (the TWFE estimate moved from 1.951 to 1.912).
  if (!spec.unit.empty() && frame.has(spec.unit)) {
    const Column& unit = frame.get(spec.unit);
    std::unordered_map<int64_t, size_t> first_row;   // unit key -> first row with a value
    for (size_t i = 0; i < g.size(); ++i) {
      if (std::isnan(g[i]) || unit.is_missing(i)) continue;
      const auto [at, fresh] = first_row.emplace(unit.row_key(i), i);
      if (!fresh && g[at->second] != g[i])
        throw DataError(fmt::format("'{}' changes within unit '{}' ({:g} on data line {}, {:g} on line {}): the first treatment period must be one value "
                                    "per unit (0 or empty: never treated)",
                                    spec.first_treat, unit.text(i), g[at->second], frame.line(at->second), g[i], frame.line(i)));
    }
  }
  const double last = last_period(frame, spec);
  // Treated after the last observed period (e.g. fixest's 10000 code) = never treated in the sample.
  for (size_t i = 0; i < g.size(); ++i) {
    double& v = g[i];
    if (std::isfinite(v) && v != std::round(v))
      throw DataError(fmt::format("'{}' is {:g} on data line {}: a first treatment period is a whole period of '{}' (or 0: never treated)",
                                  spec.first_treat, v, frame.line(i), spec.time));
    if (std::isnan(v) || v == 0 || std::isinf(v) || v > last) v = std::numeric_limits<double>::quiet_NaN();
  }
  return g;
}

TreatedAfterSample treated_after_sample(const Frame& frame, const StaggeredSpec& spec) {
  TreatedAfterSample out;
  out.last_period = last_period(frame, spec);
  const auto& g = frame.numeric(spec.first_treat);
  std::set<std::string> seen;
  for (size_t i = 0; i < g.size(); ++i)
    if (std::isfinite(g[i]) && g[i] > out.last_period) {
      std::string unit = frame.get(spec.unit).text(i);
      if (seen.insert(unit).second) out.units.push_back(std::move(unit));
    }
  return out;
}

Frame with_did(const Frame& frame, const StaggeredSpec& spec, const std::string& name) {
  const auto g = first_treatment(frame, spec);
  const auto& t = frame.numeric(spec.time);
  std::vector<double> d(frame.nrows());
  for (size_t i = 0; i < d.size(); ++i)
    d[i] = std::isnan(t[i]) ? t[i] : (!std::isnan(g[i]) && t[i] >= g[i]) ? 1.0 : 0.0;
  Frame out = frame;
  out.set(Column::numeric(name, std::move(d)));
  return out;
}

void refuse_empty_reference(const std::map<int, size_t>& treated_per_period, int ref, const std::string& method) {
  const auto at = treated_per_period.find(ref);
  if (at != treated_per_period.end() && at->second > 0) return;
  std::vector<int> observed;
  for (const auto& [r, n] : treated_per_period)
    if (n > 0) observed.push_back(r);
  if (observed.empty()) return;   // no treated observation at all: said elsewhere
  int nearest = observed.front();
  for (int r : observed)
    if (r < 0 && (nearest >= 0 || r > nearest)) nearest = r;
  std::string list;
  for (size_t k = 0; k < observed.size() && k < 20; ++k) list += (k ? ", " : "") + std::to_string(observed[k]);
  if (observed.size() > 20) list += ", ...";
  throw SpecError(fmt::format("{}: the reference period {} (relative to treatment) has no treated observation, so the estimates would be relative to "
                              "whichever period the regression drops instead; the periods observed are {}: give --ref {} (ref = {} in a study)",
                              method, ref, list, nearest, nearest));
}

}  // namespace cbec
