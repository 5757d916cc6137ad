#include "cbec/report/ts_tables.hpp"

#include <fmt/format.h>

#include <cmath>

namespace cbec {

namespace {
std::string p_approx_note(PApprox a) {
  return a == PApprox::MacKinnon1996 ? "MacKinnon's (1996) method for the regression's N (cbec's simulated surfaces)"
         : a == PApprox::MacKinnon1996Asymptotic ? "MacKinnon's (1996) method, asymptotic (cbec's simulated surfaces)" : "MacKinnon (1994) asymptotic";
}
}  // namespace

Table unit_tests_table(const std::vector<UnitTests>& blocks) {
  Table t;
  if (blocks.empty()) return t;
  const UnitTests& first = blocks.front();
  const std::string name = first.test == "adf" ? "Augmented Dickey-Fuller" : first.test == "pp" ? "Phillips-Perron" : "KPSS";
  t.title = fmt::format("{} tests of {} by unit", name, first.variable);
  t.header = {"Series", "Unit", first.test == "adf" ? "Lags" : "Bartlett lag", "N", first.test == "adf" ? "tau" : first.test == "pp" ? "Z(tau)" : "eta",
              "p-value", "1%", "5%", "10%"};
  for (const auto& b : blocks) {
    if (!t.rows.empty()) t.rules_before.push_back(t.rows.size());
    for (size_t i = 0; i < b.units.size(); ++i) {
      const UnivariateTest& r = b.results[i];
      t.rows.push_back({i == 0 ? b.label : "", b.units[i], std::to_string(r.lags), std::to_string(r.nobs), format_fixed(r.stat),
                        format_fixed(r.p_value), format_fixed(r.critical[0]), format_fixed(r.critical[1]), format_fixed(r.critical[2])});
    }
  }
  if (first.test == "kpss")
    t.notes.push_back(fmt::format("Deterministic terms: {}; {}. H0: stationarity. Critical values: KPSS (1992) Table 1; p-values interpolated in it, "
                                  "bounded to [0.01, 0.10].", to_string(first.deterministic), first.lags));
  else
    t.notes.push_back(fmt::format("Deterministic terms: {}; lags: {}. H0: unit root. p-values: {}; critical values: MacKinnon (2010) for the regression's N.",
                                  to_string(first.deterministic), first.lags, p_approx_note(first.p_approx)));
  bool short_sample = false;
  for (const auto& b : blocks)
    for (const auto& r : b.results) short_sample = short_sample || r.nobs < 20;
  if (first.test != "kpss" && first.p_approx == PApprox::MacKinnon1996 && short_sample)
    t.notes.push_back("The response surfaces of the p-values are estimated for 20 or more observations; with fewer the p-values use them at 20.");
  return t;
}

}  // namespace cbec

namespace cbec {

std::string unit_root_test_title(const std::string& test) {
  if (test == "llc") return "Levin-Lin-Chu";
  if (test == "ips") return "Im-Pesaran-Shin";
  if (test == "fisher_adf") return "Fisher ADF";
  if (test == "fisher_pp") return "Fisher PP";
  if (test == "hadri") return "Hadri LM";
  if (test == "ht") return "Harris-Tzavalis";
  if (test == "breitung") return "Breitung";
  return test;
}

std::vector<EstimateColumn> unit_root_columns(const std::vector<UnitRootBlock>& blocks) {
  std::vector<EstimateColumn> out;
  for (const auto& block : blocks)
    for (const auto& [label, tests] : block.series) {
      EstimateColumn& c = out.emplace_back();
      c.name = fmt::format("{}, {}", block.variable, label == "levels" ? "levels" : "first differences");
      for (const auto& r : tests)
        for (const auto& st : r.stats) {
          const std::string term = r.stats.size() > 1 ? fmt::format("{}: {}", unit_root_test_title(r.test), st.name) : unit_root_test_title(r.test);
          c.rows.push_back({term, st.value, std::nan(""), st.p_value, std::nan(""), std::nan("")});
        }
      if (!tests.empty()) {
        c.facts.emplace_back("Deterministic terms", to_string(tests.front().deterministic));
        c.facts.emplace_back("Units", std::to_string(tests.front().n_units));
      }
    }
  return out;
}

namespace {
std::string p_cell(double p) { return std::isnan(p) ? "" : format_fixed(p); }
}  // namespace

Table panel_unitroot_table(const std::vector<UnitRootBlock>& blocks) {
  Table t;
  if (blocks.empty() || blocks.front().series.empty() || blocks.front().series.front().second.empty()) return t;
  const bool several = blocks.size() > 1;
  const PanelUnitRootResult& first = blocks.front().series.front().second.front();
  std::vector<std::string> names;
  for (const auto& b : blocks) names.push_back(b.variable);
  t.title = fmt::format("Panel unit-root tests of {}", fmt::join(names, ", "));
  if (several) t.header.push_back("Variable");
  t.header.insert(t.header.end(), {"Test", "Statistic"});
  for (const auto& [label, _] : blocks.front().series) {
    t.header.push_back(label == "levels" ? "Levels" : "First differences");
    t.header.push_back("p-value");
  }
  for (const auto& block : blocks) {
    const auto& base = block.series.front().second;
    for (size_t k = 0; k < base.size(); ++k) {
      if (!t.rows.empty()) t.rules_before.push_back(t.rows.size());
      for (size_t s = 0; s < base[k].stats.size(); ++s) {
        std::vector<std::string> row;
        if (several) row.push_back(k == 0 && s == 0 ? block.variable : "");
        row.insert(row.end(), {s == 0 ? unit_root_test_title(base[k].test) : "", base[k].stats[s].name});
        for (const auto& [label, tests] : block.series) {
          const PanelUnitRootStat& st = tests[k].stats[s];
          row.push_back(format_fixed(st.value));
          row.push_back(p_cell(st.p_value));
        }
        t.rows.push_back(row);
      }
    }
  }
  t.notes.push_back(fmt::format("{} units, mean T = {:g}; deterministic terms: {}. H0: all series have a unit root (Hadri: all are stationary).",
                                first.n_units, first.mean_T, to_string(first.deterministic)));
  for (const auto& block : blocks)
    for (const auto& [label, tests] : block.series)
      for (const auto& r : tests) {
        const std::string which = several ? fmt::format("{}, {}", block.variable, label) : label;
        if (r.test != "hadri" && r.test != "ht") t.notes.push_back(fmt::format("{} ({}): mean lag order {:.2f}.", unit_root_test_title(r.test), which, r.mean_lags));
        for (const auto& n : r.notes) t.notes.push_back(fmt::format("{} ({}): {}", unit_root_test_title(r.test), which, n));
      }
  return t;
}

}  // namespace cbec

namespace cbec {

Table cross_dependence_table(const CrossDependenceResult& r) {
  Table t;
  t.title = fmt::format("Cross-section dependence of {}", r.residuals == "none" ? r.variable : "the residuals of " + r.variable);
  t.header = {"Test", "Statistic", "p-value", "Distribution"};
  const std::vector<std::string> names = {"Pesaran CD", "Breusch-Pagan LM", "Pesaran scaled LM", "Bias-corrected scaled LM"};
  for (size_t k = 0; k < r.stats.size(); ++k) t.rows.push_back({names[k], format_fixed(r.stats[k].value), format_fixed(r.stats[k].p_value), r.stats[k].distribution});
  t.notes.push_back(fmt::format("{} units, {} pairs; mean correlation {}, mean |correlation| {}. H0: no cross-section dependence.", r.n_units, r.pairs,
                                format_fixed(r.mean_rho), format_fixed(r.mean_abs_rho)));
  if (r.residuals != "none")
    t.notes.push_back(fmt::format("Residuals: {}.", r.residuals == "unit" ? "a regression per unit" : r.residuals == "within" ? "the within (fixed-effects) regression" : "pooled OLS"));
  if (r.pairs_dropped > 0) t.notes.push_back(fmt::format("{} pairs with fewer than two common periods are left out.", r.pairs_dropped));
  for (const auto& [why, n] : r.dropped) t.notes.push_back(fmt::format("{} observation{} dropped ({}).", n, n == 1 ? "" : "s", why));
  return t;
}

}  // namespace cbec

namespace cbec {

Table cips_table(const std::vector<std::pair<std::string, CipsResult>>& results) {
  Table t;
  if (results.empty()) return t;
  const CipsResult& first = results.front().second;
  t.title = fmt::format("Pesaran CIPS{} panel unit-root test of {}", first.truncated ? "*" : "", first.variable);
  t.header = {"Series", "CIPS", "1%", "5%", "10%", "p-value"};
  for (const auto& [label, r] : results)
    t.rows.push_back({label == "levels" ? "Levels" : "First differences", format_fixed(r.cips), format_fixed(r.critical[0]), format_fixed(r.critical[1]),
                      format_fixed(r.critical[2]), r.p_bound});
  t.notes.push_back(fmt::format("{} units; {} lags; deterministic terms: {}. H0: all series have a unit root. Critical values: Pesaran (2007) Table II{}, "
                                "interpolated in N and T (periods in the CADF regressions, {} in levels).",
                                first.n_units, first.lags, to_string(first.deterministic),
                                first.deterministic == Deterministic::None ? "(a)" : first.deterministic == Deterministic::Constant ? "(b)" : "(c)", first.T));
  return t;
}

}  // namespace cbec
