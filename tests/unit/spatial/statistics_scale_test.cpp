// Spatial statistics are invariant to the variable's scale, and computed so at any scale: by 2^±600
// (beyond the squares a double holds) the same bits as the data's own, and at 1e-12 not taken for a
// constant (the check was absolute: "the variable is constant" for values of 1e-12, NaN or
// "constant" at 1e160 and 1e-300).
#include <gtest/gtest.h>

#include <cmath>

#include "cbec/core/error.hpp"
#include "cbec/estimate/spatial/autocorrelation.hpp"
#include "cbec/io/csv_reader.hpp"
#include "cbec/io/weights_io.hpp"

using namespace cbec;

namespace {

std::vector<double> scaled(std::vector<double> x, double by) {
  for (double& v : x) v *= by;
  return x;
}

}  // namespace

TEST(SpatialStatisticsScale, SameBitsAtAnyPowerOfTwoAndNoFalseConstant) {
  const Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/columbus.csv");
  const std::vector<double>& crime = f.numeric("CRIME");
  const SpatialWeights w = row_standardize(read_weights(std::string(CBEC_TEST_DATA) + "/columbus.gal"));
  const MoranResult m = moran(crime, w);
  const GearyResult c = geary(crime, w);
  const GeneralGResult g = general_g(crime, read_weights(std::string(CBEC_TEST_DATA) + "/columbus.gal"));
  const GetisOrdResult gi = getis_ord(crime, w, true);
  const LocalMoranResult l = local_moran(crime, w);
  for (double by : {std::ldexp(1.0, 600), std::ldexp(1.0, -600)}) {
    const std::vector<double> x = scaled(crime, by);
    EXPECT_EQ(moran(x, w).I, m.I);
    EXPECT_EQ(moran(x, w).z_rand, m.z_rand);
    EXPECT_EQ(geary(x, w).C, c.C);
    EXPECT_EQ(general_g(x, read_weights(std::string(CBEC_TEST_DATA) + "/columbus.gal")).z, g.z);
    EXPECT_EQ(getis_ord(x, w, true).z, gi.z);
    EXPECT_EQ(local_moran(x, w).Is, l.Is);
  }
  EXPECT_NEAR(moran(scaled(crime, 1e-12), w).I, m.I, 1e-12);
  EXPECT_NEAR(getis_ord(scaled(crime, 1e-12), w, true).z[0], gi.z[0], 1e-9);
  EXPECT_THROW(moran(std::vector<double>(crime.size(), 3.0), w), DataError);
}
