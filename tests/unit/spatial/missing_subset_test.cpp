// Spatial statistics on the units with data: Columbus CRIME with POLYID 2 and 3 missing. W is
// subset to the 47 units with a value, unit 1 (neighbours 2 and 3 only) becomes an island, and the
// analyses report both (JSON and notes); Moran's I, Geary's C, local Moran and Getis-Ord Gi match
// spdep on the subset weights (tests/reference/spatial/missing_subset.R), n without the island.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

#include "cbec/analysis/registry.hpp"
#include "cbec/io/csv_reader.hpp"
#include "cbec/io/weights_io.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

namespace {

struct Subset {
  nlohmann::json ref;
  Frame f;
  SpatialSetup s;
  Subset() {
    ref = reference_fixture("spatial_missing_subset.json");
    f = read_csv(std::string(CBEC_TEST_DATA) + "/columbus.csv");
    std::vector<double> crime = f.numeric("CRIME");
    const auto& id = f.numeric("POLYID");
    for (size_t i = 0; i < crime.size(); ++i)
      if (id[i] == 2 || id[i] == 3) crime[i] = NAN;
    f.set(Column::numeric("CRIME", crime));
    s.w = read_gal(std::string(CBEC_TEST_DATA) + "/columbus.gal");
    s.key = "POLYID";
  }
  Outcome run(const std::string& name, const nlohmann::json& options) {
    const Analysis& a = find_analysis(name);
    std::vector<RawOption> raw;
    for (const auto& [k, v] : options.items()) raw.push_back({k, v, k, false});
    std::vector<std::string> problems;
    const Options o = validate_options(a.options, raw, name, problems);
    EXPECT_TRUE(problems.empty());
    AnalysisContext ctx;
    ctx.data = "columbus";
    ctx.spatial = [this](const Frame&) -> const SpatialSetup& { return s; };
    Frame g = f;
    return run_analysis(a, g, o, ctx);
  }
};

void near(double got, double want, const std::string& what) { EXPECT_NEAR(got, want, 1e-9 * std::max(1.0, std::abs(want))) << what; }

bool mentions(const Table& t, const std::string& text) {
  for (const auto& n : t.notes)
    if (n.find(text) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST(SpatialMissing, GlobalStatisticsOnTheSubsetMatchSpdep) {
  Subset c;
  const Outcome m = c.run("moran", {{"variable", "CRIME"}, {"permutations", 0}});
  const auto& r = m.json["results"][0];
  EXPECT_EQ(r["n"], 47);
  EXPECT_EQ(r["dropped_units"], (std::vector<std::string>{"2", "3"}));
  EXPECT_EQ(r["islands_created"], std::vector<std::string>{"1"});
  const auto& ref = c.ref["moran"];
  for (const char* k : {"I", "EI", "VI_rand", "z_rand", "p_rand", "VI_norm", "z_norm"}) near(r[k].get<double>(), ref[k].get<double>(), k);
  EXPECT_TRUE(mentions(m.tables[0], "2 units without a value left out of the weights: 2, 3."));
  EXPECT_TRUE(mentions(m.tables[0], "1 unit has no neighbour among the units analysed (islands, spatial lag 0): 1."));
  const Outcome g = c.run("geary", {{"variable", "CRIME"}, {"permutations", 0}});
  near(g.json["results"][0]["C"].get<double>(), c.ref["geary"]["C"].get<double>(), "C");
  near(g.json["results"][0]["z_rand"].get<double>(), c.ref["geary"]["z_rand"].get<double>(), "z_rand");
}

TEST(SpatialMissing, LocalStatisticsOnTheSubsetMatchSpdep) {
  Subset c;
  const Outcome l = c.run("lisa", {{"variable", "CRIME"}, {"permutations", 0}});
  EXPECT_EQ(l.json["islands_created"], std::vector<std::string>{"1"});
  EXPECT_EQ(l.json["dropped"], (std::vector<std::string>{"2", "3"}));
  const auto& units = l.json["units"];
  ASSERT_EQ(units.size(), 47u);
  const Outcome gi = c.run("gi", {{"variable", "CRIME"}});
  for (size_t i = 0; i < units.size(); ++i) {
    EXPECT_EQ(units[i]["id"], c.ref["ids"][i]);
    near(units[i]["Ii"].get<double>(), c.ref["local_moran"]["Ii"][i].get<double>(), "Ii " + units[i]["id"].get<std::string>());
    if (c.ref["local_moran"]["z"][i].is_null()) continue;   // the island: spdep gives no z
    near(units[i]["z"].get<double>(), c.ref["local_moran"]["z"][i].get<double>(), "z " + units[i]["id"].get<std::string>());
    near(gi.json["units"][i]["z"].get<double>(), c.ref["local_g"][i].get<double>(), "Gi " + units[i]["id"].get<std::string>());
  }
}
