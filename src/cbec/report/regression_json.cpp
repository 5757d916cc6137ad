#include "cbec/report/regression_json.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "cbec/core/error.hpp"
#include "cbec/formula/ast.hpp"

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

namespace {
// JSON null stands for NaN or infinity (json_number); a degrees-of-freedom null is infinite.
double number_or(const nlohmann::json& v, double otherwise) { return v.is_number() ? v.get<double>() : otherwise; }
}  // namespace

TestResult test_result_of(const nlohmann::json& v) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  TestResult t;
  t.stat = number_or(v.value("stat", nlohmann::json()), nan);
  t.p_value = number_or(v.value("p_value", nlohmann::json()), nan);
  t.distribution = v.value("distribution", "");
  const nlohmann::json df = v.value("df", nlohmann::json());
  t.df1 = number_or(df.is_array() && !df.empty() ? df[0] : df, 0);
  if (df.is_array() && df.size() > 1) t.df2 = number_or(df[1], 0);
  return t;
}

RegressionResult regression_from_json(const nlohmann::json& j) {
  constexpr double nan = std::numeric_limits<double>::quiet_NaN(), inf = std::numeric_limits<double>::infinity();
  for (const char* key : {"depvar", "coef", "vcov", "nobs"})
    if (!j.is_object() || !j.contains(key)) throw DataError(std::string("not a model's JSON: no '") + key + "'");
  RegressionResult r;
  r.estimator = j.value("estimator", "");
  r.formula = j.value("formula", "");
  r.depvar = j.at("depvar").get<std::string>();
  r.nobs = j.at("nobs").get<size_t>();
  r.df_resid = number_or(j.value("df_resid", nlohmann::json()), inf);
  const auto& vc = j.at("vcov");
  r.terms = vc.at("terms").get<std::vector<std::string>>();
  const long k = static_cast<long>(r.terms.size());
  r.coef.resize(k);
  r.vcov.resize(k, k);
  r.vcov_info.df_coef.resize(k);
  for (long a = 0; a < k; ++a) {
    const std::string& term = r.terms[static_cast<size_t>(a)];
    r.coef[a] = number_or(j.at("coef").at(term), nan);
    r.vcov_info.df_coef[a] = vc.contains("df") ? number_or(vc.at("df").at(term), inf) : inf;
    for (long b = 0; b < k; ++b) r.vcov(a, b) = number_or(vc.at("matrix").at(static_cast<size_t>(a)).at(static_cast<size_t>(b)), nan);
  }
  r.vcov_info.type = vc.value("type", "");
  r.vcov_info.df = k > 0 ? r.vcov_info.df_coef[0] : r.df_resid;
  if (vc.contains("cluster")) r.vcov_info.cluster = vc.at("cluster").get<std::vector<std::string>>();
  if (vc.contains("n_clusters")) r.vcov_info.n_clusters = vc.at("n_clusters").get<std::vector<size_t>>();
  r.vcov_info.small_sample = vc.value("small_sample", "");
  r.vcov_info.lag = vc.value("lag", -1);
  if (j.contains("dropped")) r.dropped = j.at("dropped").get<std::map<std::string, size_t>>();
  if (j.contains("collinear")) r.collinear = j.at("collinear").get<std::vector<std::string>>();
  if (j.contains("fit"))
    for (const auto& [key, v] : j.at("fit").items()) r.fit[key] = number_or(v, nan);
  if (j.contains("fixed_effects")) {
    for (const auto& [key, v] : j.at("fixed_effects").items()) r.fixed_effects.emplace_back(key, v.get<size_t>());
    // JSON objects keep no order: the formula's order is restored; names it does not hold (xtreg's
    // unit and time) keep theirs, after it.
    std::vector<std::string> declared;
    try {
      for (const auto& fe : parse_formula(r.formula).fixed_effects) declared.push_back(fmt::format("{}", fmt::join(fe, "^")));
    } catch (const Error&) {
    }
    auto place = [&](const std::string& name) { return std::find(declared.begin(), declared.end(), name) - declared.begin(); };
    std::stable_sort(r.fixed_effects.begin(), r.fixed_effects.end(), [&](const auto& a, const auto& b) { return place(a.first) < place(b.first); });
  }
  if (j.contains("tests") && j.at("tests").is_object())
    for (const auto& [key, v] : j.at("tests").items())
      if (v.is_object() && v.contains("stat")) r.tests[key] = test_result_of(v);
  if (j.contains("warnings")) r.warnings = j.at("warnings").get<std::vector<std::string>>();
  if (j.contains("info")) r.info = j.at("info").get<std::map<std::string, std::string>>();
  return r;
}

std::vector<RegressionResult> regression_models_of(const nlohmann::json& j) {
  std::vector<RegressionResult> out;
  try {
    if (j.is_object() && j.contains("models") && j.at("models").is_array())
      for (const auto& m : j.at("models")) out.push_back(regression_from_json(m));
    else if (j.is_object() && j.contains("coef") && j.contains("vcov"))
      out.push_back(regression_from_json(j));
  } catch (const Error&) {
    out.clear();
  }
  return out;
}

}  // namespace cbec
