// xtreg --hausman through the analysis layer: the classic test takes both models' conventional
// variances whatever --vcov says, so with clustered errors it is still plm's phtest (Grunfeld,
// tests/reference/panel/plm_panel.R); the cluster-robust form is --hausman-robust.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

#include "cbec/analysis/registry.hpp"
#include "cbec/core/error.hpp"
#include "cbec/io/read_table.hpp"
#include "../analysis_options.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

namespace {
nlohmann::json hausman_of(const std::string& vcov) {
  const Analysis& a = find_analysis("xtreg");
  const Options o = cbec::testing::analysis_options(a, {{"formula", "inv ~ value + capital"}, {"hausman", true}, {"vcov", vcov}});
  Frame f = read_table(std::string(CBEC_TEST_DATA) + "/grunfeld.csv");
  AnalysisContext ctx;
  ctx.unit = "firm";
  ctx.time = "year";
  return run_analysis(a, f, o, ctx).json.at("hausman");
}
}  // namespace

TEST(HausmanClassic, UsesConventionalVariancesWhateverTheChosenVcov) {
  const auto ref = reference_fixture("panel_plm.json")["grunfeld"]["hausman"];
  for (const char* vcov : {"iid", "cluster:firm", "hc1"}) {
    SCOPED_TRACE(vcov);
    const nlohmann::json h = hausman_of(vcov);
    EXPECT_NEAR(h.at("stat").get<double>(), ref["stat"].get<double>(), 1e-6 * ref["stat"].get<double>());
    EXPECT_EQ(h.at("df").get<double>(), ref["df"].get<double>());
  }
}
