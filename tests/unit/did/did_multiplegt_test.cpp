// de Chaisemartin-D'Haultfoeuille DID_M against DIDmultiplegt 0.1.4
// (tests/reference/did/did_multiplegt.R) on mpdta and on a panel whose treatment switches on and
// off; bootstrap SE in distribution; reproducibility; a simulation where TWFE is biased.
#include "cbec/estimate/did/did_multiplegt.hpp"

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

namespace {

nlohmann::json fixture() {
  return reference_fixture("did_multiplegt.json");
}

StaggeredSpec mpdta_spec() { return test::spec_of("lemp", "countyreal", "year", "first.treat"); }

const DidMultiplegtEffect& find(const DidMultiplegtResult& r, const std::string& name) {
  for (const auto& e : r.effects)
    if (e.name == name) return e;
  throw std::runtime_error("no effect " + name);
}

}  // namespace

TEST(DidMultiplegt, MatchesDIDmultiplegt) {
  const nlohmann::json fx = fixture();   // held here: a range-for over fixture()["cases"] would dangle
  ASSERT_GE(fx["cases"].size(), 2u);
  for (const auto& c : fx["cases"]) {
    SCOPED_TRACE(c["name"].get<std::string>());
    const bool mp = c["name"] == "mpdta";
    const Frame f = read_csv(std::string(CBEC_TEST_DATA) + (mp ? "/mpdta.csv" : "/didm_switching.csv"));
    const StaggeredSpec s = mp ? mpdta_spec() : test::spec_of("y", "id", "t");
    DidMultiplegtOptions o;
    o.placebo = 2;
    o.dynamic = 2;
    if (!mp) o.treatment = "D";
    const auto r = did_multiplegt(f, s, o);
    for (const auto& [name, v] : c["coef"].items()) {
      const double b = v.get<double>();
      EXPECT_NEAR(find(r, name).estimate, b, 1e-6 * std::max(1.0, std::abs(b))) << name;
      EXPECT_EQ(find(r, name).n_obs, c["n_obs"][name].get<double>()) << name;
    }
    for (const auto& [name, v] : c["n_switchers"].items()) EXPECT_EQ(find(r, name).n_switchers, v.get<double>()) << name;
    EXPECT_TRUE(std::isnan(r.effects[0].se));
  }
}

TEST(DidMultiplegt, BootstrapSeAgreesWithPackageAndIgnoresThreads) {
  const auto fx = fixture()["bootstrap"];
  const Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/mpdta.csv");
  DidMultiplegtOptions o;
  o.draws = 4000;
  o.threads = 1;
  const auto one = did_multiplegt(f, mpdta_spec(), o);
  o.threads = 2;
  const auto two = did_multiplegt(f, mpdta_spec(), o);
  EXPECT_EQ(one.effects[0].se, two.effects[0].se);
  // Both SEs are Monte Carlo estimates: relative SD about sqrt(1 / 2B) each.
  const double pkg = fx["se_effect"].get<double>(), B = fx["draws"].get<double>();
  const double mc = std::sqrt(1 / (2 * B) + 1 / (2.0 * o.draws));
  EXPECT_NEAR(one.effects[0].se / pkg, 1.0, 4 * mc);
  o.seed = 99;
  EXPECT_NE(did_multiplegt(f, mpdta_spec(), o).effects[0].se, one.effects[0].se);
}

TEST(DidMultiplegt, RecoversSwitchingEffectWhereTwfeIsBiased) {
  // Effects 1 at adoption, growing by 0.5 a period: DID_M estimates the effect of switching (1),
  // DID_l the effect l periods later (1 + 0.5 l), placebos 0; TWFE is pulled away by the growth.
  const Frame f = test::staggered_panel(2000, 1.0, 0.5, 11, 0.5);
  const StaggeredSpec s = test::staggered_spec({});
  DidMultiplegtOptions o;
  o.dynamic = 3;
  o.placebo = 2;
  o.draws = 200;
  const auto r = did_multiplegt(f, s, o);
  for (const auto& e : r.effects) {
    const double truth = e.horizon >= 0 ? 1.0 + 0.5 * e.horizon : 0.0;
    EXPECT_NEAR(e.estimate, truth, 4 * e.se) << e.name;
    EXPECT_LT(e.se, 0.1) << e.name;
  }
  const double twfe = twfe_did(f, s).coef[0];
  EXPECT_GT(std::abs(twfe - 1.0), 10 * r.effects[0].se);
}

TEST(DidMultiplegt, BadInputIsReported) {
  const Frame f = test::staggered_panel(40, 1.0, 0.0, 3);
  StaggeredSpec s = test::staggered_spec({"x"});
  EXPECT_THROW(did_multiplegt(f, s), SpecError);   // controls
  s.controls.clear();
  DidMultiplegtOptions o;
  o.treatment = "x";                                // not 0/1
  try {
    did_multiplegt(f, s, o);
    FAIL();
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("'x'"), std::string::npos);
  }
  o.treatment.clear();
  StaggeredSpec never = s;
  Frame g = f;
  g.set(Column::numeric("first_treat", std::vector<double>(f.nrows(), 0.0)));
  EXPECT_THROW(did_multiplegt(g, never, o), DataError);   // nobody switches
}
