#include "cbec/estimate/did/subgroup.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

#include "cbec/core/error.hpp"
#include "cbec/io/csv_reader.hpp"
#include "staggered_fixture.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

namespace {
Frame with_odd_group(Frame f, const std::string& unit) {
  std::vector<double> odd;
  for (double id : f.numeric(unit)) odd.push_back(std::fmod(id, 2.0));
  f.set(Column::numeric("odd", odd));
  return f;
}
}  // namespace

TEST(Subgroup, SeparateFitsAndZTestMatchR) {
  const auto ref = reference_fixture("did_subgroup.json");
  SubgroupSpec s;
  s.formula = "y_med ~ did + x";
  s.group = "odd";
  s.term = "did";
  s.unit = "id";
  s.vcov = VcovSpec::parse("cluster:id");
  s.draws = 0;
  const SubgroupResult r = subgroup_difference(with_odd_group(read_csv(std::string(CBEC_TEST_DATA) + "/mediation_small.csv"), "id"), s);
  ASSERT_EQ(r.models.size(), 2u);
  EXPECT_NEAR(r.models[0].coef[r.models[0].find("did")], ref["b0"].get<double>(), 1e-9);
  EXPECT_NEAR(r.models[1].coef[r.models[1].find("did")], ref["b1"].get<double>(), 1e-9);
  EXPECT_NEAR(r.difference, ref["difference"].get<double>(), 1e-9);
  EXPECT_NEAR(r.z, ref["z"].get<double>(), 1e-7 * std::fabs(ref["z"].get<double>()));
  EXPECT_NEAR(r.p_z, ref["p"].get<double>(), 1e-7);
}

TEST(Subgroup, PermutationTestFindsARealDifferenceAndIsReproducible) {
  // Effect 1 in every unit: no difference between odd and even units.
  Frame same = with_odd_group(test::staggered_panel(60, 1.0, 0.0, 5, 0.3), "id");
  Frame f = same;
  // Effect 2 in odd units only.
  std::vector<double> y = f.numeric("y");
  const auto& g = f.numeric("first_treat");
  const auto& yr = f.numeric("year");
  const auto& odd = f.numeric("odd");
  for (size_t i = 0; i < y.size(); ++i)
    if (odd[i] == 1 && g[i] > 0 && yr[i] >= g[i]) y[i] += 1.0;
  f.set(Column::numeric("y", y));
  SubgroupSpec s;
  s.formula = "y ~ did + x | id + year";
  s.group = "odd";
  s.term = "did";
  s.unit = "id";
  s.vcov = VcovSpec::parse("cluster:id");
  s.draws = 200;
  auto add_did = [](Frame fr) {
    std::vector<double> did;
    const auto& gg = fr.numeric("first_treat");
    const auto& t = fr.numeric("year");
    for (size_t i = 0; i < gg.size(); ++i) did.push_back(gg[i] > 0 && t[i] >= gg[i] ? 1.0 : 0.0);
    fr.set(Column::numeric("did", did));
    return fr;
  };
  const SubgroupResult differ = subgroup_difference(add_did(f), s);
  EXPECT_NEAR(differ.difference, -1.0, 0.4);
  EXPECT_LT(differ.p_two_sided, 0.02);
  EXPECT_LT(differ.p_z, 0.02);
  const SubgroupResult equal = subgroup_difference(add_did(same), s);
  EXPECT_GT(equal.p_two_sided, 0.05);
  s.threads = 1;
  const SubgroupResult again = subgroup_difference(add_did(f), s);
  EXPECT_EQ(again.p_two_sided, differ.p_two_sided);
  EXPECT_EQ(again.p_one_sided, differ.p_one_sided);
}

TEST(Subgroup, GroupsMustBeTwoAndConstantWithinUnits) {
  Frame f = test::staggered_panel(20, 1.0, 0.0, 5);
  SubgroupSpec s;
  s.formula = "y ~ x";
  s.term = "x";
  s.unit = "id";
  s.group = "year";
  EXPECT_THROW(subgroup_difference(f, s), SpecError);
  std::vector<double> flip;
  for (double t : f.numeric("year")) flip.push_back(t > 2015 ? 1 : 0);
  f.set(Column::numeric("late", flip));
  s.group = "late";
  try {
    subgroup_difference(f, s);
    FAIL();
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("constant within each unit"), std::string::npos) << e.what();
  }
}
