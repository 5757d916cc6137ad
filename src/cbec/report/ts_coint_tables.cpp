#include "cbec/report/ts_coint_tables.hpp"

#include <fmt/format.h>

#include <cctype>
#include <cmath>

#include "cbec/estimate/ts/hansen_lc.hpp"
#include "cbec/stats/distributions.hpp"

namespace cbec {

namespace {
std::string upper(const std::string& s) {
  std::string u = s;
  for (char& c : u) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return u;
}
}  // namespace

std::vector<Table> long_run_tables(const PanelLongRun& r, const std::string& long_run) {
  Table t;
  t.title = fmt::format("Panel {} ({}) of {}", upper(r.method), to_string(r.estimator), r.y);
  t.header = {"", "Coef.", "Std. err.", "z", "P>|z|"};
  for (size_t j = 0; j < r.x.size(); ++j) {
    const long i = static_cast<long>(j);
    const double se = std::sqrt(r.panel.vcov(i, i)), z = r.panel.beta[i] / se;
    t.rows.push_back({r.x[j], format_fixed(r.panel.beta[i]), format_fixed(se), format_fixed(z), format_fixed(p_normal_two_sided(z))});
  }
  t.notes.push_back(fmt::format("{} units, {} observations; unit intercepts{}; long run: {}", r.units.size(), r.panel.nobs, r.trend ? " and trends" : "", long_run));
  for (long i = 0; i < r.t_group_mean.size(); ++i)
    t.notes.push_back(fmt::format("Pedroni's group-mean t of {}: {}", r.x[static_cast<size_t>(i)], format_fixed(r.t_group_mean[i])));
  for (const auto& w : r.warnings) t.notes.push_back("Warning: " + w);
  Table u;
  u.title = fmt::format("{} of each unit", upper(r.method));
  u.header = {"unit", "obs"};
  for (const auto& x : r.x) {
    u.header.push_back(x);
    u.header.push_back("se(" + x + ")");
  }
  if (r.method == "dols") {
    u.header.push_back("leads");
    u.header.push_back("lags");
  } else {
    u.header.push_back("Hansen Lc");
  }
  for (size_t k = 0; k < r.units.size(); ++k) {
    const LongRunFit& f = r.unit_fits[k];
    std::vector<std::string> row = {r.units[k], std::to_string(f.nobs)};
    for (long i = 0; i < f.beta.size(); ++i) {
      row.push_back(format_fixed(f.beta[i]));
      row.push_back(format_fixed(std::sqrt(f.vcov(i, i))));
    }
    if (r.method == "dols") {
      row.push_back(std::to_string(f.leads));
      row.push_back(std::to_string(f.lags));
    } else {
      row.push_back(format_fixed(f.hansen_lc));
    }
    u.rows.push_back(row);
  }
  return {t, u};
}

Table kao_table(const KaoResult& r, const std::string& long_run) {
  Table t;
  t.title = "Kao (1999) residual-based panel cointegration tests";
  t.header = {"statistic", "value", "p-value"};
  for (const auto& s : r.statistics) t.rows.push_back({s.name, format_fixed(s.stat), format_fixed(s.p_value)});
  t.notes.push_back(fmt::format("H0: no cointegration; N(0,1), left tail. {} units x {} periods; ADF lags {}; long run: {}", r.units, r.periods, r.lags, long_run));
  t.notes.push_back(fmt::format("residual variance {:.6g}, long-run variance {:.6g}", r.sigma2_v, r.sigma2_0v));
  return t;
}

namespace {
std::string deterministic_note(bool intercept, bool trend) {
  return !intercept ? "no deterministic terms" : trend ? "unit intercepts and trends" : "unit intercepts";
}
}  // namespace

Table pedroni_table(const PedroniResult& r, const std::string& lags, const std::string& long_run) {
  Table t;
  t.title = "Pedroni (1999, 2004) residual-based panel cointegration tests";
  t.header = {"statistic", "raw", "standardized", "p-value"};
  for (const auto& s : r.statistics) t.rows.push_back({s.name, format_fixed(s.raw), format_fixed(s.stat), format_fixed(s.p_value)});
  t.notes.push_back(fmt::format("H0: no cointegration; standardized (stat - mu sqrt(N)) / sqrt(v), N(0,1); panel_v right tail, the others left. "
                                "{} units x {} periods, {} regressors, {}", r.units.size(), r.periods, r.regressors, deterministic_note(r.intercept, r.trend)));
  t.notes.push_back(fmt::format("moments: {}; ADF lags {}; long run: {}",
                                r.simulated_moments ? "simulated by cbec (one regressor with trends or without intercepts is not in Pedroni 1999 Table 2)" : "Pedroni (1999, Table 2)",
                                lags, long_run));
  return t;
}

Table westerlund_table(const WesterlundResult& r, const std::string& lags, const std::string& long_run) {
  Table t;
  t.title = "Westerlund (2007) error-correction panel cointegration tests";
  t.header = {"statistic", "value", "z", "p-value"};
  if (r.bootstrap > 0) t.header.push_back("bootstrap p");
  for (const auto& s : r.statistics) {
    std::vector<std::string> row = {s.name, format_fixed(s.raw), format_fixed(s.stat), format_fixed(s.p_value)};
    if (r.bootstrap > 0) row.push_back(format_fixed(s.boot_p_value));
    t.rows.push_back(row);
  }
  t.notes.push_back(fmt::format("H0: no cointegration; z N(0,1), left tail (moments simulated by cbec, Westerlund 2007 Table 1's method). "
                                "Gt, Ga: some units cointegrated under H1; Pt, Pa: the panel. {} units x {} periods, {} regressors, {}",
                                r.units.size(), r.periods, r.regressors, deterministic_note(r.intercept, r.trend)));
  t.notes.push_back(fmt::format("ECM {}; long run: {}{}", lags, long_run,
                                r.bootstrap > 0 ? fmt::format("; sieve bootstrap with {} draws, periods drawn jointly across units", r.bootstrap) : ""));
  return t;
}

Table hansen_lc_table(const PanelLongRun& r, const std::string& long_run) {
  Table t;
  t.title = fmt::format("Hansen (1992) Lc parameter instability of each unit's FMOLS of {}", r.y);
  t.header = {"unit", "obs", "Lc"};
  const auto crit = hansen_lc_critical(static_cast<int>(r.x.size()), r.trend);
  auto stars = [&](double lc) { return std::string(lc > crit[3] ? "***" : lc > crit[1] ? "**" : lc > crit[0] ? "*" : ""); };
  for (size_t k = 0; k < r.units.size(); ++k)
    t.rows.push_back({r.units[k], std::to_string(r.unit_fits[k].nobs), format_fixed(r.unit_fits[k].hansen_lc) + stars(r.unit_fits[k].hansen_lc)});
  t.notes.push_back("H0: cointegration with stable coefficients; large Lc rejects");
  if (!std::isnan(crit[1]))
    t.notes.push_back(fmt::format("critical values 10% {:.4f}, 5% {:.4f}, 1% {:.4f} (* ** ***; simulated null distribution, as Hansen 1992 Table 1)", crit[0], crit[1], crit[3]));
  else
    t.notes.push_back("no critical values for more than four regressors");
  t.notes.push_back("long run: " + long_run);
  return t;
}

Table jarque_bera_table(const std::vector<std::pair<std::string, JarqueBera>>& rows, const std::string& variable) {
  Table t;
  t.title = "Jarque-Bera normality test of " + variable;
  t.header = {"sample", "n", "skewness", "kurtosis", "JB", "p-value"};
  for (const auto& [label, r] : rows)
    t.rows.push_back({label, std::to_string(r.n), format_fixed(r.skewness), format_fixed(r.kurtosis), format_fixed(r.stat), format_fixed(r.p_value)});
  t.notes.push_back("H0: normal; chi-squared with 2 degrees of freedom");
  return t;
}

}  // namespace cbec
