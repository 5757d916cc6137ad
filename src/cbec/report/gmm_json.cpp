#include "cbec/report/gmm_json.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "cbec/report/regression_json.hpp"
#include "cbec/report/regression_table.hpp"

namespace cbec {

namespace {

std::string model_name(const GmmSpec& s) {
  return fmt::format("{} GMM, {}", s.layout.model == GmmModel::System ? "system" : "difference", s.steps == 2 ? "two-step" : "one-step");
}

}  // namespace

nlohmann::json to_json(const GmmResult& r) {
  nlohmann::json j = to_json(r.model);
  nlohmann::json g{{"model", r.spec.layout.model == GmmModel::System ? "system" : "difference"},
                   {"steps", r.spec.steps},
                   {"collapse", r.spec.layout.collapse},
                   {"effect", r.spec.layout.time_effects ? "twoways" : "individual"},
                   {"level_lag", r.spec.layout.level_lag == LevelLag::Pgmm ? "pgmm" : "xtabond2"},
                   {"n_units", r.n_units},
                   {"periods", r.periods},
                   {"n_instruments", r.n_instruments},
                   {"nobs_diff", r.nobs_diff},
                   {"nobs_level", r.nobs_level},
                   {"time_terms", r.time_terms}};
  if (r.coef_onestep.size() > 0) {
    nlohmann::json one = nlohmann::json::object();
    for (size_t k = 0; k < r.model.terms.size(); ++k) one[r.model.terms[k]] = json_number(r.coef_onestep[static_cast<long>(k)]);
    g["coef_onestep"] = one;
  }
  j["gmm"] = g;
  return j;
}

Table gmm_table(const GmmResult& r, bool time_effects) {
  RegressionTableOptions o;
  o.model_names = {model_name(r.spec)};
  for (const auto& t : r.model.terms)
    if (time_effects || std::find(r.time_terms.begin(), r.time_terms.end(), t) == r.time_terms.end()) o.keep.push_back(t);
  Table t = regression_table({r.model}, o);
  const auto& tests = r.model.tests;
  t.notes.push_back(fmt::format("{} units, {} periods; {} instruments; rows used: {} differenced{}.", r.n_units, r.periods, r.n_instruments,
                                r.nobs_diff, r.spec.layout.model == GmmModel::System ? fmt::format(", {} in levels", r.nobs_level) : ""));
  if (tests.count("hansen")) {
    const TestResult& h = tests.at("hansen");
    t.notes.push_back(h.df1 > 0 ? fmt::format("Hansen J (pgmm's Sargan): {}.", chi2_test_text(h))
                                : std::string("Hansen J: not defined, the model is exactly identified (as many instruments as parameters)."));
  }
  for (const char* k : {"ar1", "ar2"})
    if (tests.count(k)) {
      const TestResult& a = tests.at(k);
      t.notes.push_back(std::isfinite(a.stat) ? fmt::format("Arellano-Bond AR({}) in differences: z = {:.3f}, p = {:.4f}.", k[2], a.stat, a.p_value)
                                              : "Arellano-Bond " + a.note + ".");
    }
  for (const auto& [k, label] : {std::pair<const char*, const char*>{"wald_coef", "regressors"}, {"wald_time", "time effects"}})
    if (tests.count(k)) {
      const TestResult& w = tests.at(k);
      t.notes.push_back(fmt::format("Wald test of the {}: chi2({:g}) = {:.3f}, p = {:.4g}.", label, w.df1, w.stat, w.p_value));
    }
  t.notes.push_back(fmt::format("Standard errors: {}; z tests.", r.model.vcov_info.type == "Windmeijer" ? "Windmeijer (2005) corrected two-step"
                                                             : r.model.vcov_info.type == "robust"   ? "robust one-step (clustered by unit)"
                                                                                                    : "classic (pgmm's vcov)"));
  for (const auto& w : r.model.warnings) t.notes.push_back(w);
  return t;
}

}  // namespace cbec
