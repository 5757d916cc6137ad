// Regression core against R (lm + sandwich + clubSandwich, fixest, AER): every model of the
// fixtures tests/reference/fixtures/core_*.json, produced by tests/reference/core/*.R.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "cbec/estimate/ols/feols.hpp"
#include "cbec/io/csv_reader.hpp"

using namespace cbec;
using nlohmann::json;

namespace {

bool close(double a, double b, double rel = 1e-6) { return std::fabs(a - b) <= rel * std::max(std::fabs(b), 1e-8) + 1e-12; }

std::string cbec_term(const std::string& r_name) {
  return r_name.rfind("fit_", 0) == 0 ? r_name.substr(4) : r_name;
}

VcovSpec vcov_of(const json& v) {
  VcovSpec s;
  std::string type = v.at("type");
  if (type == "iid" || type == "HC0" || type == "HC1" || type == "HC2" || type == "HC3" || type == "CR1" || type == "CR2") {
    s.type = type;
  } else if (type == "DK") {
    s.type = type;
    s.time = v.at("time");
    s.lag = v.at("lag");
  } else {
    ADD_FAILURE() << "unknown vcov type in fixture: " << type;
  }
  if (v.contains("cluster")) {
    const json& c = v.at("cluster");
    s.cluster = c.is_string() ? std::vector<std::string>{c.get<std::string>()} : c.get<std::vector<std::string>>();
  }
  if (v.contains("multiway_df")) s.multiway_df = v.at("multiway_df");
  return s;
}

void check_model(const Frame& frame, const json& m) {
  SCOPED_TRACE(m.at("id").get<std::string>() + ": " + m.at("formula").get<std::string>());
  FeolsOptions o;
  o.vcov = vcov_of(m.at("vcov"));
  DesignOptions d;
  if (m.contains("weights") && m.at("weights").is_string()) d.weights = m.at("weights");
  if (m.contains("drop_singletons")) d.drop_singletons = m.at("drop_singletons");
  if (m.contains("panel")) {
    d.panel_unit = m.at("panel")[0];
    d.panel_time = m.at("panel")[1];
  }
  RegressionResult r = feols(frame, m.at("formula"), o, d);
  EXPECT_EQ(r.nobs, m.at("nobs").get<size_t>());
  const Eigen::VectorXd se = r.se(), p = r.p_value();
  for (const auto& [name, value] : m.at("coef").items()) {
    long j = r.find(cbec_term(name));
    ASSERT_GE(j, 0) << "missing term " << name;
    EXPECT_TRUE(close(r.coef[j], value.get<double>())) << name << " coef " << r.coef[j] << " vs " << value;
    EXPECT_TRUE(close(se[j], m.at("se").at(name).get<double>())) << name << " se " << se[j] << " vs " << m.at("se").at(name);
    if (m.contains("p_value") && m.at("p_value").contains(name))
      EXPECT_TRUE(close(p[j], m.at("p_value").at(name).get<double>(), 1e-5)) << name << " p " << p[j] << " vs " << m.at("p_value").at(name);
    if (m.contains("df") && m.at("df").contains(name))
      EXPECT_TRUE(close(r.df_for(static_cast<size_t>(j)), m.at("df").at(name).get<double>())) << name << " df " << r.df_for(static_cast<size_t>(j));
  }
  if (m.contains("fit")) {
    for (const char* key : {"r2", "adj_r2", "r2_within", "rss"})
      if (m.at("fit").contains(key) && m.at("fit").at(key).is_number() && r.fit.count(key))
        EXPECT_TRUE(close(r.fit.at(key), m.at("fit").at(key).get<double>())) << key << " " << r.fit.at(key) << " vs " << m.at("fit").at(key);
  }
  if (m.contains("tests") && m.at("tests").contains("first_stage_f"))
    EXPECT_TRUE(close(r.tests.at("first_stage_f:xe").stat, m.at("tests").at("first_stage_f").get<double>()))
        << "first-stage F " << r.tests.at("first_stage_f:xe").stat;
  if (m.contains("collinear")) EXPECT_EQ(r.collinear, m.at("collinear").get<std::vector<std::string>>());
}

}  // namespace

TEST(ReferenceCore, EveryRegressionModelMatchesR) {
  size_t checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(CBEC_FIXTURES)) {
    const std::string file = entry.path().filename().string();
    if (file.rfind("core_", 0) != 0 || entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path());
    json fx = json::parse(in);
    const std::string data = std::string(CBEC_TEST_DATA) + "/" + fx.at("dataset").get<std::string>() + ".csv";
    Frame frame = read_csv(data);
    for (const auto& m : fx.at("models")) {
      const std::string est = m.value("estimator", "");
      if (est != "ols" && est != "feols" && est != "iv") continue;
      check_model(frame, m);
      ++checked;
    }
  }
  EXPECT_GE(checked, 30u) << "too few reference models were checked";
}
