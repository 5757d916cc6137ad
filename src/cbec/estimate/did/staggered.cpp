#include "cbec/estimate/did/staggered.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

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

std::vector<double> first_treatment(const Frame& frame, const StaggeredSpec& spec) {
  std::vector<double> g = frame.numeric(spec.first_treat);
  const auto& t = frame.numeric(spec.time);
  double last = -std::numeric_limits<double>::infinity();
  for (double v : t)
    if (!std::isnan(v)) last = std::max(last, v);
  // Treated after the last observed period (e.g. fixest's 10000 code) = never treated in the sample.
  for (double& v : g)
    if (std::isnan(v) || v == 0 || std::isinf(v) || v > last) v = std::numeric_limits<double>::quiet_NaN();
  return g;
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

}  // namespace cbec
