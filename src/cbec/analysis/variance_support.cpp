#include "cbec/analysis/variance_support.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "cbec/core/error.hpp"
#include "cbec/core/strings.hpp"

namespace cbec {

namespace {
const std::vector<std::string> kAll = {"iid", "hc0", "hc1", "hc2", "hc3", "cluster", "cr2", "dk"};
const char* kConditions = "hc2/hc3 not with absorbed fixed effects; cr2 not with observation weights";
}  // namespace

const std::vector<std::string>& variance_names() { return kAll; }

const std::vector<VarianceSupport>& variance_support() {
  static const std::vector<VarianceSupport> table = {
      {"feols", kAll, kConditions},
      {"pooled", kAll, kConditions},
      {"fe", kAll, kConditions},
      {"fe_time", kAll, kConditions},
      {"twoways", kAll, kConditions},
      {"fd", kAll, "on the first differences"},
      {"re", kAll, "on the quasi-demeaned data, as plm's vcovHC and vcovSCC"},
      {"be", {"iid"}, "OLS on unit means, as plm"},
      {"twfe", kAll, kConditions},
      {"event", kAll, kConditions},
      {"sunab", kAll, kConditions},
      {"subgroup", kAll, kConditions},
      {"psm_did", kAll, kConditions},
      {"beta_convergence", kAll, kConditions},
      {"threshold", {"iid"}, "iid as Hansen 1999; White HC0 standard errors are reported beside"},
  };
  return table;
}

const VarianceSupport& variance_support(const std::string& estimator) {
  for (const auto& r : variance_support())
    if (r.estimator == estimator) return r;
  throw SpecError(fmt::format("internal: no variance support listed for '{}'", estimator));
}

std::string variance_name(const VcovSpec& v) {
  if (v.type == "CR1") return "cluster";
  return lower_ascii(v.type);
}

void check_vcov(const std::string& analysis, const std::string& estimator, const VcovSpec& v, VarianceCase c) {
  const VarianceSupport& row = variance_support(estimator);
  std::vector<std::string> ok = row.supported;
  auto drop = [&](const char* name) { ok.erase(std::remove(ok.begin(), ok.end(), name), ok.end()); };
  const bool conditional = row.note == kConditions;
  if (conditional && c.fixed_effects) drop("hc2"), drop("hc3");
  if (conditional && c.weights) drop("cr2");
  const std::string name = variance_name(v);
  if (std::find(ok.begin(), ok.end(), name) != ok.end()) return;
  std::string why;
  if (conditional && c.fixed_effects && (name == "hc2" || name == "hc3")) why = " with absorbed fixed effects (use hc1, or cr2 clustered by the fixed effect)";
  if (conditional && c.weights && name == "cr2") why = " with observation weights (use cluster)";
  throw SpecError(fmt::format("'{}' supports vcov {}; not {}{}", analysis, fmt::join(ok, ", "), name, why));
}

void check_vcov(const std::string& analysis, const std::string& estimator, const std::string& vcov, VarianceCase c, const std::string& panel_time) {
  if (vcov.empty()) return;
  check_vcov(analysis, estimator, VcovSpec::parse(vcov, panel_time.empty() ? "time" : panel_time), c);
}

nlohmann::json variance_support_json() {
  nlohmann::json j = nlohmann::json::array();
  for (const auto& r : variance_support()) j.push_back({{"estimator", r.estimator}, {"supported", r.supported}, {"note", r.note}});
  return j;
}

}  // namespace cbec
