#include "cbec/estimate/did/placebo.hpp"

#include <fmt/format.h>

#include <Eigen/Cholesky>
#include <algorithm>
#include <cmath>
#include <limits>

#include "cbec/core/error.hpp"
#include "cbec/estimate/ols/demean.hpp"
#include "cbec/formula/design.hpp"
#include "cbec/stats/replicate.hpp"

namespace cbec {

namespace {

// y and the controls partialled off the fixed effects, and the tools to residualize a new column.
struct Partialled {
  Eigen::VectorXd y;                  // M_C y~
  Eigen::MatrixXd C;                  // demeaned controls
  Eigen::MatrixXd CtC_inv_Ct;         // (C'WC)^-1 C'W
  Eigen::VectorXd w;
};

double fwl_coefficient(const Partialled& p, const Demeaner& dm, Eigen::VectorXd d) {
  dm.demean(d);
  if (p.C.cols()) d -= p.C * (p.CtC_inv_Ct * d);
  const double dd = p.w.size() ? d.dot(d.cwiseProduct(p.w)) : d.squaredNorm();
  if (dd <= 1e-12) return std::numeric_limits<double>::quiet_NaN();  // treatment absorbed by the fixed effects
  return (p.w.size() ? d.dot(p.y.cwiseProduct(p.w)) : d.dot(p.y)) / dd;
}

}  // namespace

PlaceboResult placebo_did(const Frame& frame, const StaggeredSpec& spec, const PlaceboOptions& o) {
  StageLap lap(o.timer);
  if (o.mode != "units" && o.mode != "timing" && o.mode != "both")
    throw SpecError(fmt::format("placebo mode '{}' is unknown; use units, timing or both", o.mode));
  if (o.draws == 0) throw SpecError("placebo draws must be at least 1");
  Frame f = with_did(frame, spec);
  DesignOptions dopt;
  dopt.weights = spec.weights;
  dopt.groups = {spec.unit, spec.time};
  Design d = build_design(f, parse_formula(spec.formula({"did"})), dopt);
  // Column 0 of X is the DID indicator; the rest are controls.
  Partialled p;
  p.w = d.weights;
  Demeaner dm(d.fixed_effects, d.weights);
  Eigen::MatrixXd yc(d.y.size(), d.X.cols());
  yc << d.y, d.X.rightCols(d.X.cols() - 1);
  dm.demean(yc);
  p.C = yc.rightCols(yc.cols() - 1);
  p.y = yc.col(0);
  if (p.C.cols()) {
    Eigen::MatrixXd CtW = p.w.size() ? Eigen::MatrixXd(p.C.transpose() * p.w.asDiagonal()) : Eigen::MatrixXd(p.C.transpose());
    p.CtC_inv_Ct = (CtW * p.C).ldlt().solve(CtW);
    p.y -= p.C * (p.CtC_inv_Ct * p.y);
  }
  // Units and their first-treatment periods in the estimation sample.
  const Factor& unit = d.groups.at(spec.unit);
  const auto g_all = first_treatment(frame, spec);
  const auto& t_all = frame.numeric(spec.time);
  std::vector<double> g_unit(unit.n_levels, std::numeric_limits<double>::quiet_NaN());
  std::vector<bool> seen(unit.n_levels, false);
  std::vector<double> t(d.rows.size());
  for (size_t r = 0; r < d.rows.size(); ++r) {
    const size_t row = d.rows[r], u = static_cast<size_t>(unit.codes[r]);
    t[r] = t_all[row];
    const double g = g_all[row];
    if (!seen[u]) {
      g_unit[u] = g;
      seen[u] = true;
    } else if (!(std::isnan(g) && std::isnan(g_unit[u])) && g != g_unit[u]) {
      throw DataError(fmt::format("'{}' changes within unit '{}' of '{}'; the first treatment period must be constant within a unit",
                                  spec.first_treat, unit.labels[u], spec.unit));
    }
  }
  std::vector<double> periods;
  size_t n_treated = 0;
  for (double g : g_unit)
    if (!std::isnan(g)) {
      ++n_treated;
      periods.push_back(g);
    }
  std::sort(periods.begin(), periods.end());
  periods.erase(std::unique(periods.begin(), periods.end()), periods.end());
  if (n_treated == 0) throw DataError(fmt::format("no treated unit in the sample ('{}' is 0 or missing everywhere)", spec.first_treat));
  auto did_column = [&](const std::vector<double>& gu) {
    Eigen::VectorXd col(static_cast<long>(t.size()));
    for (size_t r = 0; r < t.size(); ++r) {
      const double g = gu[static_cast<size_t>(unit.codes[r])];
      col[static_cast<long>(r)] = (!std::isnan(g) && t[r] >= g) ? 1.0 : 0.0;
    }
    return col;
  };
  PlaceboResult out;
  out.mode = o.mode;
  out.seed = o.seed;
  out.n_units = unit.n_levels;
  out.n_treated_units = n_treated;
  out.nobs = d.rows.size();
  out.dropped = d.dropped;
  if (o.mode == "timing" && periods.size() < 2)
    out.warnings.push_back(fmt::format("every treated unit has the same first treatment period ({:g}): reassigning the timing only gives the real "
                                       "assignment back in every draw, so the test says nothing; use mode units or both", periods.front()));
  out.estimate = fwl_coefficient(p, dm, did_column(g_unit));
  auto random_index = [](Rng& rng, size_t n) { return static_cast<size_t>(uniform01(rng) * static_cast<double>(n)); };
  lap.lap(Stage::Solve);
  out.draws = replicate(o.draws, o.seed, [&](size_t, Rng& rng) {
    std::vector<double> gu = g_unit;
    if (o.mode == "units") {
      for (size_t i = gu.size() - 1; i > 0; --i) std::swap(gu[i], gu[random_index(rng, i + 1)]);  // Fisher-Yates
    } else if (o.mode == "timing") {
      for (double& g : gu)
        if (!std::isnan(g)) g = periods[random_index(rng, periods.size())];
    } else {
      std::vector<size_t> idx(gu.size());
      for (size_t i = 0; i < idx.size(); ++i) idx[i] = i;
      for (size_t i = idx.size() - 1; i > 0; --i) std::swap(idx[i], idx[random_index(rng, i + 1)]);
      std::fill(gu.begin(), gu.end(), std::numeric_limits<double>::quiet_NaN());
      for (size_t k = 0; k < n_treated; ++k) gu[idx[k]] = periods[random_index(rng, periods.size())];
    }
    return fwl_coefficient(p, dm, did_column(gu));
  }, o.threads);
  lap.lap(Stage::Replications);
  size_t valid = 0, two = 0, left = 0, right = 0;
  double sum = 0, sum2 = 0;
  for (double b : out.draws) {
    if (std::isnan(b)) continue;
    ++valid;
    sum += b;
    sum2 += b * b;
    two += std::fabs(b) >= std::fabs(out.estimate);
    left += b <= out.estimate;
    right += b >= out.estimate;
  }
  if (valid == 0) throw NumericError("every placebo draw was absorbed by the fixed effects");
  const double nv = static_cast<double>(valid);
  out.mean = sum / nv;
  out.sd = valid > 1 ? std::sqrt((sum2 - nv * out.mean * out.mean) / (nv - 1)) : 0.0;
  out.p_two_sided = static_cast<double>(two) / nv;
  out.p_left = static_cast<double>(left) / nv;
  out.p_right = static_cast<double>(right) / nv;
  return out;
}

}  // namespace cbec
