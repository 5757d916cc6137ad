#include "cbec/estimate/did/mediation.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

#include "cbec/io/csv_reader.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

namespace {
// y_med on did through m, controlling for x, by unit (mediation_small.csv).
MediationSpec small_spec() {
  MediationSpec s;
  s.y = "y_med";
  s.treatment = "did";
  s.mediator = "m";
  s.unit = "id";
  s.controls = {"x"};
  return s;
}
}  // namespace

TEST(Mediation, ThreeStepsAndSobelMatchR) {
  auto ref = reference_fixture("did_mediation.json");
  Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/mediation_small.csv");
  MediationSpec s = small_spec();
  s.draws = 300;
  MediationResult r = mediation(f, s);
  for (auto [got, key] : {std::pair{r.c, "c"}, {r.a, "a"}, {r.b, "b"}, {r.c_prime, "c_prime"}, {r.sobel_z, "sobel_z"}, {r.sobel_p, "sobel_p"}})
    EXPECT_NEAR(got, ref[key].get<double>(), 1e-9 * std::max(1.0, std::fabs(ref[key].get<double>()))) << key;
  // The bootstrap interval covers the true indirect effect 0.6 x 0.8 and is reproducible.
  EXPECT_LT(r.boot_low, 0.48);
  EXPECT_GT(r.boot_high, 0.48);
  s.threads = 1;
  MediationResult again = mediation(f, s);
  EXPECT_EQ(again.boot_low, r.boot_low);
  EXPECT_EQ(again.boot_high, r.boot_high);
  // With unit and year fixed effects the three coefficients equal lm with dummies.
  s.fixed_effects = {"id", "year"};
  s.draws = 50;
  MediationResult fe = mediation(f, s);
  EXPECT_NEAR(fe.c, ref["fe"]["c"].get<double>(), 1e-9);
  EXPECT_NEAR(fe.a, ref["fe"]["a"].get<double>(), 1e-9);
  EXPECT_NEAR(fe.b, ref["fe"]["b"].get<double>(), 1e-9);
}

TEST(Mediation, StepsShareOneSampleWhenTheMediatorHasGaps) {
  // With the mediator missing in some rows (and the outcome in others) the three steps use the
  // rows complete for every variable, so c - c' = a b exactly (OLS on one sample, Baron and Kenny).
  Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/mediation_small.csv");
  std::vector<double> m = f.numeric("m"), y = f.numeric("y_med");
  for (size_t i = 0; i < m.size(); i += 7) m[i] = NAN;
  for (size_t i = 3; i < y.size(); i += 11) y[i] = NAN;
  f.set(Column::numeric("m", m));
  f.set(Column::numeric("y_med", y));
  MediationSpec s = small_spec();
  s.draws = 20;
  const MediationResult r = mediation(f, s);
  EXPECT_NEAR(r.c - r.c_prime, r.a * r.b, 1e-10 * std::fabs(r.a * r.b));
  EXPECT_EQ(r.total.nobs, r.direct.nobs);
  EXPECT_EQ(r.mediator.nobs, r.direct.nobs);
}
