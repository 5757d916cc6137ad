// The alternative hypothesis of global Moran's I against spdep::moran.test and moran.mc
// (tests/reference/spatial/moran_alternative.R): analytic p-values to 1e-9; permutation p-values
// within Monte Carlo error (9999 draws each side, different random streams: 0.02), plus the
// two-sided convention min(1, 2 min(greater, less)) which differs from spdep's by <= 2/(R+1).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

#include "cbec/core/error.hpp"
#include "cbec/estimate/spatial/autocorrelation.hpp"
#include "cbec/io/csv_reader.hpp"
#include "cbec/io/weights_io.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

TEST(MoranAlternative, AnalyticAndPermutationPValuesMatchSpdep) {
  const Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/columbus.csv");
  std::vector<std::string> ids;
  for (size_t i = 0; i < f.nrows(); ++i) ids.push_back(f.get("POLYID").text(i));
  const SpatialWeights w = row_standardize(align_weights(read_gal(std::string(CBEC_TEST_DATA) + "/columbus.gal"), ids, "columbus"));
  const nlohmann::json ref = reference_fixture("spatial_moran_alternative.json");
  const auto& crime = f.numeric("CRIME");
  const auto& polyid = f.numeric("POLYID");
  std::map<std::string, std::vector<double>> vars;
  for (size_t i = 0; i < crime.size(); ++i) {
    vars["CRIME"].push_back(crime[i]);
    vars["alternating"].push_back(crime[i] * (static_cast<long>(polyid[i]) % 2 ? -1.0 : 1.0));
    vars["sin_id"].push_back(std::sin(polyid[i]));
  }
  for (const auto& [name, x] : vars)
    for (const char* alt : {"greater", "less", "two_sided"}) {
      SCOPED_TRACE(name + " " + alt);
      const auto& r = ref[name][alt];
      const MoranResult m = moran(x, w, 9999, 7, 0, parse_alternative(alt));
      EXPECT_NEAR(m.I, r["I"].get<double>(), 1e-9);
      EXPECT_NEAR(m.z_rand, r["z_rand"].get<double>(), 1e-9);
      EXPECT_NEAR(m.p_rand, r["p_rand"].get<double>(), 1e-9);
      EXPECT_NEAR(m.z_norm, r["z_norm"].get<double>(), 1e-9);
      EXPECT_NEAR(m.p_norm, r["p_norm"].get<double>(), 1e-9);
      EXPECT_NEAR(m.p_sim, r["p_sim"].get<double>(), 0.02);
      EXPECT_EQ(alternative_name(m.alternative), alt);
    }
  // The default is spdep's: greater, the numbers of the earlier one-sided test unchanged.
  const MoranResult d = moran(vars["CRIME"], w, 99, 7), g = moran(vars["CRIME"], w, 99, 7, 0, Alternative::Greater);
  EXPECT_EQ(d.p_rand, g.p_rand);
  EXPECT_EQ(d.p_sim, g.p_sim);
  EXPECT_THROW(parse_alternative("two.sided"), SpecError);
}
