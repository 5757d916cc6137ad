// Transforms against R (tests/reference/transforms/transforms.R): plm lags, approx, quantile type 2, scale.
#include "cbec/frame/transforms.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

#include "cbec/core/error.hpp"
#include "cbec/formula/design.hpp"
#include "cbec/frame/transform_specs.hpp"
#include "cbec/io/csv_reader.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

namespace {
struct Fixture {
  Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/transforms_panel.csv");
  Panel p = declare_panel(f, "id", "year");
  nlohmann::json ref = [] {
    return reference_fixture("transforms.json");
  }();
};

void expect_same(const std::vector<double>& got, const nlohmann::json& want, const std::string& what) {
  ASSERT_EQ(got.size(), want.size()) << what;
  for (size_t i = 0; i < got.size(); ++i) {
    if (want[i].is_null()) {
      EXPECT_TRUE(std::isnan(got[i])) << what << " row " << i << ": " << got[i] << " vs NA";
    } else {
      const double w = want[i].get<double>();
      EXPECT_NEAR(got[i], w, 1e-9 * std::max(1.0, std::fabs(w))) << what << " row " << i;
    }
  }
}
}  // namespace

TEST(Transforms, MatchR) {
  Fixture fx;
  const auto& x = fx.f.numeric("x");
  TransformReport rep;
  expect_same(panel_shift(fx.p, x, 1), fx.ref["lag1"], "lag");
  expect_same(panel_shift(fx.p, x, -1), fx.ref["lead1"], "lead");
  expect_same(difference(x, panel_shift(fx.p, x, 1), rep), fx.ref["diff1"], "diff");
  expect_same(panel_growth(fx.p, x, rep), fx.ref["growth"], "growth");
  TransformReport lr;
  expect_same(log_values(x, lr), fx.ref["log"], "log");
  EXPECT_EQ(lr.invalid, 1u);
  EXPECT_EQ(lr.missing_input, 5u);
  TransformReport ir;
  expect_same(interpolate(fx.p, x, false, ir), fx.ref["interpolate"], "interpolate");
  EXPECT_GT(ir.changed, 0u);
  EXPECT_EQ(ir.computed + ir.missing_input + ir.invalid, x.size());   // each row counted once (a filled row was also "missing input")
  expect_same(interpolate(fx.p, x, true, rep), fx.ref["extrapolate"], "extrapolate");
  expect_same(winsorize(x, 5, 95, nullptr, rep), fx.ref["winsor_5_95"], "winsor pooled");
  Factor g = make_factor(fx.f, {"g"});
  expect_same(winsorize(x, 10, 90, &g.codes, rep), fx.ref["winsor_10_90_by_g"], "winsor by group");
  expect_same(standardize(x, "z", nullptr, rep), fx.ref["z"], "z");
  Factor year = make_factor(fx.f, {"year"});
  expect_same(standardize(x, "z", &year.codes, rep), fx.ref["z_by_year"], "z by year");
  expect_same(standardize(x, "minmax", nullptr, rep), fx.ref["minmax"], "minmax");
  expect_same(standardize(x, "minmax_neg", nullptr, rep), fx.ref["minmax_neg"], "minmax_neg");
  std::vector<double> v;
  for (double a : x)
    if (!std::isnan(a)) v.push_back(a);
  for (auto [key, p] : {std::pair{"p25", 25.0}, {"p50", 50.0}, {"p1", 1.0}})
    EXPECT_DOUBLE_EQ(percentile_stata(v, p), fx.ref["p_quantiles"][key].get<double>()) << key;
  EXPECT_THROW(winsorize(x, 50, 10, nullptr, rep), SpecError);
  EXPECT_THROW(standardize(x, "rank", nullptr, rep), SpecError);
}

TEST(Transforms, AvailableInFormulas) {
  Fixture fx;
  DesignOptions d;
  d.panel_unit = "id";
  d.panel_time = "year";
  Design des = build_design(fx.f, parse_formula("growth(x) ~ winsor(x, 5, 95) + scale(x)"), d);
  // Row by row, the formula columns equal the transform functions on the kept rows.
  const auto& ref = fx.ref;
  for (size_t r = 0; r < des.rows.size(); ++r) {
    const size_t row = des.rows[r];
    EXPECT_NEAR(des.y[static_cast<long>(r)], ref["growth"][row].get<double>(), 1e-9);
    EXPECT_NEAR(des.X(static_cast<long>(r), 1), ref["winsor_5_95"][row].get<double>(), 1e-9);
    EXPECT_NEAR(des.X(static_cast<long>(r), 2), ref["z"][row].get<double>(), 1e-9);
  }
  EXPECT_GT(des.dropped.at("lag_unavailable"), 0u);
  EXPECT_THROW(build_design(fx.f, parse_formula("x ~ winsor(x, 90, 10)"), d), FormulaError);
}

// A lag's counts: computed, the source period observed but its value missing, the source period
// not observed; they add up to the rows (the current value's missingness was counted, and every
// missing output again). Two transforms creating one column are refused (the second overwrote the first).
TEST(ApplyTransforms, LagCountsAddUpAndDuplicateOutputsAreRefused) {
  // unit 1: years 1-4, x missing in year 2; unit 2: years 1, 3 (year 2 not observed)
  Frame f = parse_csv("id,year,x\n1,1,1\n1,2,\n1,3,3\n1,4,4\n2,1,5\n2,3,7\n", "t.csv");
  TransformSpecs o;
  o.unit = "id";
  o.time = "year";
  o.lag = {"x:1"};
  const std::vector<TransformReport> r = apply_transforms(f, o);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].computed, 2u);       // (1,2) from year 1 and (1,4) from year 3
  EXPECT_EQ(r[0].missing_input, 1u);  // (1,3): year 2 observed, x missing
  EXPECT_EQ(r[0].invalid, 3u);        // (1,1), (2,1), (2,3): no previous year observed
  TransformSpecs twice;
  twice.winsor = {"x:1:99", "x:25:75"};
  EXPECT_THROW(transform_outputs(twice), SpecError);
}
