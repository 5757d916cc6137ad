#include "cbec/report/regression_json.hpp"

#include <cmath>

namespace cbec {

nlohmann::json json_number(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr); }

nlohmann::json to_json(const TestResult& t) {
  nlohmann::json j{{"stat", json_number(t.stat)}, {"p_value", json_number(t.p_value)}, {"distribution", t.distribution}};
  if (t.df2 > 0) j["df"] = {json_number(t.df1), json_number(t.df2)};
  else j["df"] = json_number(t.df1);
  if (!t.note.empty()) j["note"] = t.note;
  for (const auto& [k, v] : t.values) j[k] = json_number(v);
  for (const auto& [k, v] : t.flags) j[k] = v;
  if (!t.warnings.empty()) j["warnings"] = t.warnings;
  return j;
}

nlohmann::json to_json(const RegressionResult& r) {
  using nlohmann::json;
  json j;
  j["estimator"] = r.estimator;
  j["formula"] = r.formula;
  j["depvar"] = r.depvar;
  j["nobs"] = r.nobs;
  j["df_resid"] = json_number(r.df_resid);
  j["dropped"] = r.dropped;
  j["collinear"] = r.collinear;
  Eigen::VectorXd se = r.se(), st = r.stat(), p = r.p_value();
  Eigen::MatrixXd ci = r.conf_int();
  json coef = json::object(), jse = json::object(), jst = json::object(), jp = json::object(), jci = json::object(),
       jdf = json::object();
  for (size_t k = 0; k < r.terms.size(); ++k) {
    const long i = static_cast<long>(k);
    coef[r.terms[k]] = json_number(r.coef[i]);
    jse[r.terms[k]] = json_number(se[i]);
    jst[r.terms[k]] = json_number(st[i]);
    jp[r.terms[k]] = json_number(p[i]);
    jci[r.terms[k]] = {json_number(ci(i, 0)), json_number(ci(i, 1))};
    jdf[r.terms[k]] = json_number(r.df_for(k));
  }
  j["coef"] = coef;
  j["se"] = jse;
  j["stat"] = jst;
  j["p_value"] = jp;
  j["conf_int"] = jci;
  json matrix = json::array();
  for (long a = 0; a < r.vcov.rows(); ++a) {
    json row = json::array();
    for (long b = 0; b < r.vcov.cols(); ++b) row.push_back(json_number(r.vcov(a, b)));
    matrix.push_back(row);
  }
  json vc{{"type", r.vcov_info.type}, {"terms", r.terms}, {"matrix", matrix}, {"df", jdf}};
  if (!r.vcov_info.cluster.empty()) {
    vc["cluster"] = r.vcov_info.cluster;
    vc["n_clusters"] = r.vcov_info.n_clusters;
  }
  if (!r.vcov_info.small_sample.empty()) vc["small_sample"] = r.vcov_info.small_sample;
  if (r.vcov_info.lag >= 0) vc["lag"] = r.vcov_info.lag;
  j["vcov"] = vc;
  json fit = json::object();
  for (const auto& [k, v] : r.fit) fit[k] = json_number(v);
  j["fit"] = fit;
  json fe = json::object();
  for (const auto& [k, v] : r.fixed_effects) fe[k] = v;
  j["fixed_effects"] = fe;
  json tests = json::object();
  for (const auto& [k, v] : r.tests) tests[k] = to_json(v);
  j["tests"] = tests;
  j["warnings"] = r.warnings;
  if (!r.info.empty()) j["info"] = r.info;
  return j;
}

}  // namespace cbec
