#include "cbec/estimate/ts/dols.hpp"

#include <fmt/format.h>

#include <Eigen/Cholesky>
#include <Eigen/QR>
#include <algorithm>
#include <cmath>
#include <limits>

#include "cbec/core/error.hpp"
#include "cbec/core/strings.hpp"
#include "cbec/estimate/ts/fm_pieces.hpp"

namespace cbec {

LeadLagRule parse_lead_lag_rule(const std::string& name) {
  if (name == "fixed") return LeadLagRule::Fixed;
  if (name == "aic") return LeadLagRule::Aic;
  if (name == "bic") return LeadLagRule::Bic;
  if (name == "hq") return LeadLagRule::Hq;
  throw SpecError(fmt::format("unknown lead/lag rule '{}'; use fixed, aic, bic or hq", name));
}

std::string to_string(LeadLagRule r) {
  switch (r) {
    case LeadLagRule::Fixed: return "fixed";
    case LeadLagRule::Aic: return "aic";
    case LeadLagRule::Bic: return "bic";
    case LeadLagRule::Hq: return "hq";
  }
  return "";
}

namespace {

// Rows t = first..last (0-based): W = [d_t, dx_{t+j}, j = -lags..leads], X_t, y_t.
struct DolsRows {
  Eigen::MatrixXd W, X;
  Eigen::VectorXd y;
};

DolsRows dols_rows(const Eigen::VectorXd& y, const Eigen::MatrixXd& X, bool trend, int leads, int lags, long first, long last) {
  const long n = last - first + 1, k = X.cols();
  DolsRows r;
  const Eigen::MatrixXd D = deterministics(n, first, trend);
  r.W.resize(n, D.cols() + k * (leads + lags + 1));
  r.W.leftCols(D.cols()) = D;
  long col = D.cols();
  for (int j = -lags; j <= leads; ++j, col += k)
    r.W.middleCols(col, k) = X.middleRows(first + j, n) - X.middleRows(first + j - 1, n);
  r.X = X.middleRows(first, n);
  r.y = y.segment(first, n);
  return r;
}

double criterion(LeadLagRule rule, double rss, long n, long K) {
  const double nn = static_cast<double>(n), pen = rule == LeadLagRule::Aic ? 2.0 : rule == LeadLagRule::Bic ? std::log(nn) : 2 * std::log(std::log(nn));
  return std::log(rss / nn) + static_cast<double>(K) * pen / nn;
}

long regressors(long k, bool trend, int leads, int lags) { return (trend ? 2 : 1) + k * (leads + lags + 2); }

int default_max(long T, long k, bool trend) {
  const double Td = static_cast<double>(T);
  int m = static_cast<int>(std::floor(std::min((Td - static_cast<double>(k)) / 3, 12.0) * std::pow(Td / 100, 0.25)));
  // the common sample (T - 1 - 2 max rows) at least twice the largest regression's regressors
  while (m > 0 && T - 1 - 2 * m < 2 * regressors(k, trend, m, m)) --m;
  return std::max(m, 0);
}

// The unit's leads and lags under the rule, and the largest compared (-1 when fixed).
struct Orders {
  int leads, lags, max;
};

Orders choose(const Eigen::VectorXd& y, const Eigen::MatrixXd& X, bool trend, const LeadLagChoice& c) {
  if (c.rule == LeadLagRule::Fixed) return {c.leads, c.lags, -1};
  const long T = y.size(), k = X.cols();
  const int m = c.max >= 0 ? c.max : default_max(T, k, trend);
  // Every pair is compared on the rows m + 1 .. T - 1 - m, which must hold the smallest fit.
  const long widest = (T - 1 - regressors(k, trend, 0, 0) - 2) / 2;
  if (m > widest)
    throw DataError(fmt::format("max_leads_lags = {} leaves too few rows to compare the leads and lags of a unit with {} periods: "
                                "give at most {} (or -1 for the default)", m, T, std::max(widest, 0L)));
  double best = std::numeric_limits<double>::infinity();
  Orders choice{0, 0, m};
  for (int p = 0; p <= m; ++p)
    for (int q = 0; q <= m; ++q) {
      const DolsRows r = dols_rows(y, X, trend, p, q, m + 1, T - 1 - m);
      // As default_max: K + 2 rows at least. A saturated fit has a residual sum of squares near 0
      // and would win any criterion (a maximum the user gave skipped that rule).
      if (r.y.size() < regressors(k, trend, p, q) + 2) continue;
      Eigen::MatrixXd Z(r.W.rows(), r.W.cols() + k);
      Z << r.X, r.W;
      const double rss = (r.y - Z * Z.colPivHouseholderQr().solve(r.y)).squaredNorm();
      const double ic = criterion(c.rule, rss, Z.rows(), Z.cols());
      if (ic < best) {
        best = ic;
        choice = {p, q, m};
      }
    }
  return choice;
}

// A unit's X and y with its deterministic and lead/lag terms partialled out.
struct Partialled {
  Eigen::MatrixXd Xt;
  Eigen::VectorXd yt;
  int leads = 0, lags = 0, max = -1;
};

Partialled partialled(const Eigen::VectorXd& y, const Eigen::MatrixXd& X, bool trend, const LeadLagChoice& c) {
  const auto [p, q, m] = choose(y, X, trend, c);
  const long T = y.size();
  const long first = q + 1, last = T - 1 - p;
  if (last - first + 1 < regressors(X.cols(), trend, p, q) + 1)
    throw DataError(fmt::format("DOLS with {} leads and {} lags needs more than {} periods", p, q, T));
  const DolsRows r = dols_rows(y, X, trend, p, q, first, last);
  return {partial_out(r.X, r.W), partial_out(r.y, r.W), p, q, m};
}

Eigen::MatrixXd inverse_spd(const Eigen::MatrixXd& A) {
  const Eigen::LDLT<Eigen::MatrixXd> f(A);
  if (f.info() != Eigen::Success || !(f.vectorD().array() > 0).all()) throw NumericError("the regressors are collinear");
  return f.solve(Eigen::MatrixXd::Identity(A.rows(), A.cols()));
}

double residual_lrv(const Eigen::VectorXd& v, const LongRunSpec& s, double* bw) {
  const LongRunCovariance l = long_run_covariance(Eigen::MatrixXd(v), s);
  if (bw) *bw = l.bandwidth;
  return l.omega(0, 0);
}

LongRunFit fit_partialled(const Partialled& u, const LongRunSpec& s) {
  LongRunFit f;
  const Eigen::MatrixXd Qi = inverse_spd(u.Xt.transpose() * u.Xt);
  f.beta = Qi * (u.Xt.transpose() * u.yt);
  f.resid = u.yt - u.Xt * f.beta;
  f.omega_12 = residual_lrv(f.resid, s, &f.bandwidth);
  f.vcov = f.omega_12 * Qi;
  f.nobs = static_cast<size_t>(u.yt.size());
  f.leads = u.leads;
  f.lags = u.lags;
  f.max_leads_lags = u.max;
  return f;
}

}  // namespace

LongRunFit dols_unit(const Eigen::VectorXd& y, const Eigen::MatrixXd& X, bool trend, const LeadLagChoice& c, const LongRunSpec& s) {
  return fit_partialled(partialled(y, X, trend, c), s);
}

PanelLongRun panel_dols(const CointegrationData& d, PanelEstimator e, const LeadLagChoice& c, const LongRunSpec& s) {
  PanelLongRun out = panel_long_run("dols", e, d);
  const size_t N = d.n_units();
  const long k = static_cast<long>(d.x.size());
  const double Nd = static_cast<double>(N);
  std::vector<Partialled> parts;
  std::vector<std::string> at_max;
  for (size_t i = 0; i < N; ++i) {
    try {
      parts.push_back(partialled(d.yi[i], d.xi[i], d.trend, c));
      out.unit_fits.push_back(fit_partialled(parts.back(), s));
    } catch (const Error&) {
      rethrow_naming_unit(d.units[i]);
    }
    const LongRunFit& f = out.unit_fits.back();
    if (f.max_leads_lags > 0 && (f.leads == f.max_leads_lags || f.lags == f.max_leads_lags)) at_max.push_back(d.units[i]);
  }
  if (!at_max.empty())
    out.warnings.push_back(fmt::format("{} of {} units ({}) chose the largest leads or lags compared: the criterion may be favouring a "
                                       "near-saturated regression; compare with a smaller max_leads_lags, select = bic, or fixed leads and lags",
                                       at_max.size(), N, first_names(at_max)));
  LongRunFit& p = out.panel;
  p.beta = Eigen::VectorXd::Zero(k);
  p.vcov = Eigen::MatrixXd::Zero(k, k);
  for (const auto& u : parts) p.nobs += static_cast<size_t>(u.yt.size());
  if (e == PanelEstimator::GroupMean) {
    group_mean_of_units(out);
  } else {
    Eigen::MatrixXd Q = Eigen::MatrixXd::Zero(k, k);
    Eigen::VectorXd rhs = Eigen::VectorXd::Zero(k);
    for (size_t i = 0; i < N; ++i) {
      const double w = e == PanelEstimator::Weighted ? out.unit_fits[i].omega_12 : 1.0;
      Q += parts[i].Xt.transpose() * parts[i].Xt / w;
      rhs += parts[i].Xt.transpose() * parts[i].yt / w;
    }
    const Eigen::MatrixXd Qi = inverse_spd(Q);
    p.beta = Qi * rhs;
    for (size_t i = 0; i < N; ++i) {
      double bw = 0;
      p.omega_12 += (e == PanelEstimator::Weighted ? out.unit_fits[i].omega_12 : residual_lrv(parts[i].yt - parts[i].Xt * p.beta, s, &bw)) / Nd;
      p.bandwidth += (e == PanelEstimator::Weighted ? out.unit_fits[i].bandwidth : bw) / Nd;
    }
    p.vcov = e == PanelEstimator::Weighted ? Qi : Eigen::MatrixXd(p.omega_12 * Qi);
  }
  Eigen::VectorXd resid(static_cast<long>(p.nobs));
  long at = 0;
  for (size_t i = 0; i < N; ++i) {
    const long n = parts[i].yt.size();
    resid.segment(at, n) = e == PanelEstimator::GroupMean ? out.unit_fits[i].resid : Eigen::VectorXd(parts[i].yt - parts[i].Xt * p.beta);
    at += n;
  }
  p.resid = resid;
  return out;
}

}  // namespace cbec
