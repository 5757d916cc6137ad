#include "cbec/estimate/did/mediation.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "cbec/core/error.hpp"
#include "cbec/formula/ast.hpp"
#include "cbec/estimate/ols/feols.hpp"
#include "cbec/formula/design.hpp"
#include "cbec/stats/distributions.hpp"
#include "cbec/stats/replicate.hpp"

namespace cbec {

namespace {
std::string formula(const std::string& lhs, std::vector<std::string> rhs, const std::vector<std::string>& controls, const std::vector<std::string>& fe) {
  rhs.insert(rhs.end(), controls.begin(), controls.end());
  std::string f = fmt::format("{} ~ {}", lhs, fmt::join(rhs, " + "));
  if (!fe.empty()) f += fmt::format(" | {}", fmt::join(fe, " + "));
  return f;
}
double coef_of(const RegressionResult& r, const std::string& term) {
  const long j = r.find(term);
  if (j < 0) throw NumericError(fmt::format("'{}' was dropped from '{}' (collinear); the mediation effect is not identified", term, r.formula));
  return r.coef[j];
}
// A treatment column with one value in every row (nobody, or everybody, treated) has no effect to
// mediate: said by name instead of the fixed effects absorbing it and the regression having no term.
void refuse_constant_treatment(const Frame& frame, const std::string& treatment) {
  if (!frame.has(treatment) || !frame.get(treatment).is_numeric()) return;
  const auto& d = frame.numeric(treatment);
  double first = std::numeric_limits<double>::quiet_NaN();
  for (double v : d) {
    if (std::isnan(v)) continue;
    if (std::isnan(first)) first = v;
    else if (v != first) return;
  }
  throw DataError(fmt::format("mediation: the treatment '{}' is {:g} in every row with a value: there is no treatment effect to mediate; "
                              "check the treatment variable (e.g. built for the wrong years or units)",
                              treatment, first));
}
}  // namespace

MediationResult mediation(const Frame& frame, const MediationSpec& s) {
  // The mediator must be a third variable: as the treatment it is collinear with it (a = 1, c = c'
  // and yet a "significant" indirect effect), as the outcome it fits it exactly (b = 1, SE 0).
  const std::string m = expression_text(s.mediator);
  if (m == expression_text(s.treatment) || m == expression_text(s.y))
    throw SpecError(fmt::format("mediation: the mediator '{}' is the {} itself; give a third variable through which the treatment may act on the outcome",
                                s.mediator, m == expression_text(s.y) ? "outcome" : "treatment"));
  refuse_constant_treatment(frame, s.treatment);
  const std::string f1 = formula(s.y, {s.treatment}, s.controls, s.fixed_effects);
  const std::string f2 = formula(s.mediator, {s.treatment}, s.controls, s.fixed_effects);
  const std::string f3 = formula(s.y, {s.treatment, s.mediator}, s.controls, s.fixed_effects);
  FeolsOptions o;
  o.vcov = VcovSpec::parse("cluster:" + s.unit);
  MediationResult r;
  // The three steps on one sample, the rows complete for every variable of the last (listwise, as
  // Stata's sem): on their own complete cases c - c' and a b would come from different rows.
  std::vector<size_t> common;
  FeolsOptions o3 = o;
  o3.sample_rows = &common;
  r.direct = feols(frame, f3, o3);
  const Frame sample = frame.take(common);
  r.total = feols(sample, f1, o);
  r.mediator = feols(sample, f2, o);
  r.total.dropped = r.mediator.dropped = r.direct.dropped;
  r.c = coef_of(r.total, s.treatment);
  r.a = coef_of(r.mediator, s.treatment);
  r.b = coef_of(r.direct, s.mediator);
  r.c_prime = coef_of(r.direct, s.treatment);
  r.indirect = r.a * r.b;
  const double sa = r.mediator.se()[r.mediator.find(s.treatment)], sb = r.direct.se()[r.direct.find(s.mediator)];
  r.sobel_z = r.indirect / std::sqrt(r.b * r.b * sa * sa + r.a * r.a * sb * sb);
  r.sobel_p = p_normal_two_sided(r.sobel_z);
  r.proportion = r.c != 0 ? r.indirect / r.c : std::numeric_limits<double>::quiet_NaN();
  // Cluster bootstrap: resample units with replacement; a unit drawn twice enters as two units.
  Factor units = make_factor(sample, {s.unit});
  std::vector<std::vector<size_t>> rows(units.n_levels);
  for (size_t i = 0; i < units.codes.size(); ++i)
    if (units.codes[i] >= 0) rows[static_cast<size_t>(units.codes[i])].push_back(i);
  std::vector<std::string> fe = s.fixed_effects;
  for (auto& v : fe)
    if (v == s.unit) v = "boot_unit__";
  const std::string b2 = formula(s.mediator, {s.treatment}, s.controls, fe), b3 = formula(s.y, {s.treatment, s.mediator}, s.controls, fe);
  auto draws = replicate(s.draws, s.seed, [&](size_t, Rng& rng) {
    std::vector<size_t> take;
    std::vector<double> id;
    for (size_t k = 0; k < rows.size(); ++k) {
      const size_t u = static_cast<size_t>(uniform01(rng) * static_cast<double>(rows.size()));
      for (size_t i : rows[u]) {
        take.push_back(i);
        id.push_back(static_cast<double>(k));
      }
    }
    Frame bf = sample.take(take);
    bf.set(Column::numeric("boot_unit__", id));
    try {
      FeolsOptions plain;
      const double a = coef_of(feols(bf, b2, plain), s.treatment), b = coef_of(feols(bf, b3, plain), s.mediator);
      return a * b;
    } catch (const Error&) {
      return std::numeric_limits<double>::quiet_NaN();  // a draw without variation in the treatment
    }
  }, s.threads);
  std::vector<double> ok;
  for (double d : draws)
    if (std::isfinite(d)) ok.push_back(d);
  if (ok.size() < 10) throw NumericError("too few usable bootstrap draws for the indirect effect");
  std::sort(ok.begin(), ok.end());
  auto pct = [&](double p) {
    const double h = (static_cast<double>(ok.size()) - 1) * p;
    const size_t lo = static_cast<size_t>(std::floor(h));
    return ok[lo] + (h - static_cast<double>(lo)) * (ok[std::min(lo + 1, ok.size() - 1)] - ok[lo]);
  };
  r.boot_low = pct((1 - s.level) / 2);
  r.boot_high = pct(1 - (1 - s.level) / 2);
  r.draws = ok.size();
  return r;
}

}  // namespace cbec
