// The entropy outputs beside the weights against independent R code
// (tests/reference/index/entropy_outputs.R): the min and max each indicator's standardization used,
// k = 1/ln n, every row's score (shift in the shares only, and with --shift-scores in the scores
// too), and their JSON.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

#include "cbec/estimate/index/entropy_by_group.hpp"
#include "cbec/estimate/index/entropy_weights.hpp"
#include "cbec/io/csv_reader.hpp"
#include "cbec/report/index_json.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

namespace {
void expect_rel(double a, double b, const std::string& what) { EXPECT_NEAR(a, b, 1e-9 * std::max(1.0, std::fabs(b))) << what; }

struct Data {
  nlohmann::json fx;
  Frame f;
  Eigen::MatrixXd X;
  std::vector<std::string> names;
  EntropyOptions o;
};

Data load() {
  Data d;
  d.fx = reference_fixture("index_entropy_outputs.json");
  d.f = read_csv(std::string(CBEC_TEST_DATA) + "/scitech_2011_2019.csv");
  d.names = d.fx["indicators"].get<std::vector<std::string>>();
  d.X.resize(static_cast<long>(d.f.nrows()), static_cast<long>(d.names.size()));
  for (size_t j = 0; j < d.names.size(); ++j)
    for (size_t i = 0; i < d.f.nrows(); ++i) d.X(static_cast<long>(i), static_cast<long>(j)) = d.f.numeric(d.names[j])[i];
  d.o.negative = d.fx["negative"].get<std::vector<bool>>();
  d.o.shift = d.fx["shift"].get<double>();
  return d;
}
}  // namespace

TEST(EntropyOutputs, RangesScoresAndKMatchR) {
  Data d = load();
  const auto& ref = d.fx["pooled"];
  const EntropyResult r = entropy_weights(d.X, d.names, d.o);
  ASSERT_EQ(r.scores.size(), static_cast<long>(ref["scores"].size()));
  for (size_t j = 0; j < d.names.size(); ++j) {
    expect_rel(r.min[static_cast<long>(j)], ref["min"][j].get<double>(), "min " + d.names[j]);
    expect_rel(r.max[static_cast<long>(j)], ref["max"][j].get<double>(), "max " + d.names[j]);
    expect_rel(r.w[static_cast<long>(j)], ref["w"][j].get<double>(), "w " + d.names[j]);
  }
  for (long i = 0; i < r.scores.size(); ++i) expect_rel(r.scores[i], ref["scores"][static_cast<size_t>(i)].get<double>(), "score");
  const nlohmann::json j = to_json(r);
  expect_rel(j["k"].get<double>(), ref["k"].get<double>(), "k = 1/ln n");
  EXPECT_EQ(j["scores"].size(), ref["scores"].size());
  expect_rel(j["indicators"]["rd_intensity"]["min"].get<double>(), ref["min"][3].get<double>(), "JSON min");
  EXPECT_NE(j["shift_convention"].get<std::string>().find("shares only"), std::string::npos);

  EntropyOptions shifted = d.o;
  shifted.score_shifted = true;
  const EntropyResult s = entropy_weights(d.X, d.names, shifted);
  for (long i = 0; i < s.scores.size(); ++i) {
    expect_rel(s.scores[i], ref["scores_shifted"][static_cast<size_t>(i)].get<double>(), "shifted score");
    EXPECT_NEAR(s.scores[i] - r.scores[i], d.o.shift, 1e-12);  // the weights sum to one
  }
  for (long j2 = 0; j2 < s.w.size(); ++j2) EXPECT_EQ(s.w[j2], r.w[j2]) << "the weights do not depend on where the scores take the shift";
}

TEST(EntropyOutputs, PerYearRangesAndK) {
  Data d = load();
  const auto& ref = d.fx["per_year_2015"];
  const GroupedEntropyResult r = entropy_weights_by_group(d.X, d.names, d.f.get("year"), "per-year", d.o);
  size_t g = 0;
  while (g < r.levels.size() && r.levels[g] != "2015") ++g;
  ASSERT_LT(g, r.levels.size());
  EXPECT_EQ(r.results[g].n, ref["n"].get<size_t>());
  for (size_t j = 0; j < d.names.size(); ++j) {
    expect_rel(r.results[g].min[static_cast<long>(j)], ref["min"][j].get<double>(), "2015 min " + d.names[j]);
    expect_rel(r.results[g].max[static_cast<long>(j)], ref["max"][j].get<double>(), "2015 max " + d.names[j]);
    expect_rel(r.results[g].w[static_cast<long>(j)], ref["w"][j].get<double>(), "2015 w " + d.names[j]);
  }
  const nlohmann::json j = to_json(r, "year");
  expect_rel(j["by_group"]["2015"]["k"].get<double>(), ref["k"].get<double>(), "k of 2015");
  EXPECT_EQ(j["scores"].size(), d.f.nrows());
  EXPECT_FALSE(j["by_group"]["2015"].contains("scores"));
}
