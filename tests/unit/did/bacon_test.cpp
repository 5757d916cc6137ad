// Goodman-Bacon decomposition against bacondecomp (tests/reference/did/bacon.R) on the castle data,
// and the exact identity: weighted 2x2 estimates sum to the TWFE coefficient.
#include "cbec/estimate/did/bacon.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

#include "cbec/core/error.hpp"
#include "cbec/estimate/did/event_study.hpp"
#include "cbec/io/csv_reader.hpp"
#include "staggered_fixture.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

TEST(Bacon, MatchesBacondecompOnCastle) {
  auto fx = reference_fixture("did_bacon_castle.json");
  Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/castle.csv");
  StaggeredSpec s;
  s.y = "l_homicide";
  s.unit = "state";
  s.time = "year";
  s.first_treat = "first_treat";
  BaconResult b = bacon_decomposition(f, s);
  EXPECT_NEAR(b.twfe, fx["twfe"].get<double>(), 1e-10);
  ASSERT_EQ(b.comparisons.size(), fx["two_by_twos"].size());
  for (const auto& ref : fx["two_by_twos"]) {
    auto it = std::find_if(b.comparisons.begin(), b.comparisons.end(), [&](const TwoByTwo& c) {
      return c.treated == ref["treated"].get<double>() && c.control == ref["untreated"].get<double>();
    });
    ASSERT_NE(it, b.comparisons.end()) << ref.dump();
    EXPECT_EQ(it->type, ref["type"].get<std::string>());
    EXPECT_NEAR(it->estimate, ref["estimate"].get<double>(), 1e-9) << ref.dump();
    EXPECT_NEAR(it->weight, ref["weight"].get<double>(), 1e-9) << ref.dump();
  }
}

TEST(Bacon, SumsToTwfeAndFlagsForbiddenComparisons) {
  // Dynamic effects: the later-vs-earlier comparisons are contaminated.
  Frame f = test::staggered_panel(100, 1.0, 0.8, 21, 0.3);
  StaggeredSpec s = test::staggered_spec({});
  BaconResult b = bacon_decomposition(f, s);
  double total = 0;
  for (const auto& c : b.comparisons) total += c.weight;
  EXPECT_NEAR(total, 1.0, 1e-12);
  EXPECT_NEAR(b.twfe, twfe_did(f, s).coef[0], 1e-10);
  EXPECT_GT(b.forbidden_weight, 0.1);
  ASSERT_FALSE(b.warnings.empty());
  s.controls = {"x"};
  EXPECT_THROW(bacon_decomposition(f, s), SpecError);
}
