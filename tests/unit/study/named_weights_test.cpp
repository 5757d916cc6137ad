// Named weights matrices in a study file ([weights.<name>], a step's w and transform):
// tests/data/studies/spreg_weights.toml. Contiguity (with edits) and a weights file against the
// library's Moran's I on the same weights; inverse squared great-circle distance between centroids
// and kNN against an independent R computation (tests/reference/spreg/named_weights.R: sf
// centroids, haversine written out, spdep::moran.test) to 1e-6; the old [spatial] section stays the
// default; problems are named together.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>

#include "cbec/core/error.hpp"
#include "cbec/estimate/spatial/autocorrelation.hpp"
#include "cbec/estimate/spatial/centroids.hpp"
#include "cbec/estimate/spatial/contiguity.hpp"
#include "cbec/estimate/spatial/distance_weights.hpp"
#include "cbec/io/csv_reader.hpp"
#include "cbec/io/polygons_reader.hpp"
#include "cbec/io/weights_io.hpp"
#include "cbec/study/run_study.hpp"
#include "cbec/study/study_file.hpp"
#include "../scratch_folder.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

namespace {

std::string study(const std::string& name) { return std::string(CBEC_TEST_DATA) + "/studies/" + name; }
std::string absolute(const std::string& path) { return std::filesystem::absolute(path).string(); }

// Moran's I of x in `year` on w (aligned to the data's cities).
double moran_of(const SpatialWeights& w, double year) {
  const Frame f = read_csv(study("zhejiang_panel.csv"));
  std::map<std::string, double> x;
  for (size_t i = 0; i < f.nrows(); ++i)
    if (f.numeric("year")[i] == year) x[f.get("city").text(i)] = f.numeric("x")[i];
  std::vector<double> v;
  for (const auto& id : w.ids) v.push_back(x.at(id));
  return moran(v, w).I;
}

double period_I(const StudySection& sec, size_t period) { return sec.results["results"][period]["I"].get<double>(); }

}  // namespace

TEST(NamedWeights, EachStepUsesItsWeightsAndTransform) {
  const StudySpec s = read_study(study("spreg_weights.toml"));
  ASSERT_EQ(s.weights.size(), 4u);
  EXPECT_EQ(s.weights[1].name, "W2");
  EXPECT_EQ(s.analyses[2].weights, "W2");
  EXPECT_EQ(s.analyses[4].transform, "B");
  EXPECT_TRUE(s.analyses[0].weights.empty());
  const StudyReport rep = run_study(s, 1);
  ASSERT_EQ(rep.sections.size(), 7u);

  SpatialWeights queen = contiguity_weights(read_polygons(std::string(CBEC_TEST_DATA) + "/zhejiang_polygons.csv", "city"), true);
  apply_edits(queen, read_link_edits(std::string(CBEC_TEST_DATA) + "/zhejiang_water_edits.csv"));
  const nlohmann::json ref = reference_fixture("spreg_named_weights.json");
  for (size_t p = 0; p < 2; ++p) {
    const double year = 2019 + static_cast<double>(p);
    SCOPED_TRACE(year);
    // [spatial] (the default) and W1 are the same edited queen contiguity, row-standardized.
    EXPECT_NEAR(period_I(rep.sections[0], p), moran_of(row_standardize(queen), year), 1e-12);
    EXPECT_NEAR(period_I(rep.sections[1], p), moran_of(row_standardize(queen), year), 1e-12);
    // W1 with transform = "B" for that step only.
    EXPECT_NEAR(period_I(rep.sections[4], p), moran_of(queen, year), 1e-12);
    EXPECT_NE(period_I(rep.sections[4], p), period_I(rep.sections[1], p));
    // W2, W3 against R.
    const auto& r = ref[std::to_string(static_cast<int>(year))];
    EXPECT_NEAR(period_I(rep.sections[2], p), r["W2_I"].get<double>(), 1e-6 * std::abs(r["W2_I"].get<double>()));
    EXPECT_NEAR(period_I(rep.sections[3], p), r["W3_I"].get<double>(), 1e-6 * std::abs(r["W3_I"].get<double>()));
    // W4: the unedited queen contiguity from a GAL file, row-standardized.
    EXPECT_NEAR(period_I(rep.sections[6], p), moran_of(row_standardize(read_gal(std::string(CBEC_TEST_DATA) + "/zhejiang_queen.gal")), year), 1e-12);
  }
  EXPECT_EQ(rep.sections[3].results["transform"], "B");
  EXPECT_EQ(rep.sections[2].results["transform"], "R");
  // lmtests on W2: the panel LM tests, pooled, 11 cities x 2 years.
  EXPECT_EQ(rep.sections[5].results["nobs"], 22);
  EXPECT_EQ(rep.sections[5].results["periods"], 2);
  bool named = false;
  for (const auto& n : rep.sections[5].tables[0].notes) named = named || n.find("Weights W2: inverse distance") != std::string::npos;
  EXPECT_TRUE(named);
}

TEST(NamedWeights, ProblemsAreNamedTogether) {
  std::string m;
  try {
    read_study(study("spreg_weights_bad.toml"));
  } catch (const DataError& e) {
    m = e.what();
  }
  EXPECT_NE(m.find("w = \"W9\" is not defined; define [weights.W9] or use one of [W1, W2, W3]"), std::string::npos) << m;
  EXPECT_NE(m.find("'moran' needs w = one of [W1, W2, W3] (there is no [spatial] default)"), std::string::npos) << m;
  EXPECT_NE(m.find("[weights.W2] transform must be B, R or S, not 'W'"), std::string::npos) << m;
  EXPECT_NE(m.find("[weights.W2] idw needs either points"), std::string::npos) << m;
  EXPECT_NE(m.find("[weights.W3] type must be one of"), std::string::npos) << m;
  EXPECT_NE(m.find("transform must be B, R or S, not 'Q'"), std::string::npos) << m;
  EXPECT_NE(m.find("'describe' takes no option 'w'"), std::string::npos) << m;   // not a spatial step
}

TEST(NamedWeights, TheOnlyNamedWeightsAreTheDefault) {
  // Without [spatial], a step without w uses the one named matrix.
  const cbec::testing::ScratchFolder scratch;
  const std::string path = scratch.path("one_named_weights.toml");
  std::ofstream(path) << "[data]\npath = \"" << absolute(study("zhejiang_panel.csv")) << "\"\nunit = \"city\"\ntime = \"year\"\n"
                      << "[weights.G]\ntype = \"file\"\nfile = \"" << absolute(std::string(CBEC_TEST_DATA) + "/zhejiang_queen.gal") << "\"\n"
                      << "[[analysis]]\ntype = \"moran\"\nvariable = \"x\"\npermutations = 0\n";
  const StudyReport rep = run_study(read_study(path), 1);
  EXPECT_NEAR(period_I(rep.sections[0], 1), moran_of(row_standardize(read_gal(std::string(CBEC_TEST_DATA) + "/zhejiang_queen.gal")), 2020), 1e-12);
}

// `ellipsoid = true`: the centroids' inverse distances on the WGS-84 ellipsoid, the same Moran's I
// as the library's weights built that way, and not the sphere's.
TEST(NamedWeights, EllipsoidDistancesBetweenCentroids) {
  const cbec::testing::ScratchFolder scratch;
  auto run = [&](const std::string& extra) {
    const std::string path = scratch.path("ellipsoid_weights.toml");
    std::ofstream(path) << "[data]\npath = \"" << absolute(study("zhejiang_panel.csv")) << "\"\nunit = \"city\"\ntime = \"year\"\n"
                        << "[weights.E]\ntype = \"idw\"\npolygons = \"" << absolute(std::string(CBEC_TEST_DATA) + "/zhejiang_polygons.csv")
                        << "\"\nid = \"city\"\n" << extra << "[[analysis]]\ntype = \"moran\"\nvariable = \"x\"\npermutations = 0\n";
    return run_study(read_study(path), 1);
  };
  const StudyReport ellipsoid = run("ellipsoid = true\n"), sphere = run("");
  const Polygons polygons = read_polygons(std::string(CBEC_TEST_DATA) + "/zhejiang_polygons.csv", "city", "wkt");
  const SpatialWeights w = row_standardize(inverse_distance_weights(polygon_centroids(polygons, true, true), 1));
  EXPECT_NEAR(period_I(ellipsoid.sections[0], 1), moran_of(w, 2020), 1e-12);
  EXPECT_GT(std::fabs(period_I(ellipsoid.sections[0], 1) - period_I(sphere.sections[0], 1)), 1e-7);
  bool noted = false;
  for (const auto& n : ellipsoid.sections[0].tables[0].notes) noted = noted || n.find("WGS-84 ellipsoid") != std::string::npos;
  EXPECT_TRUE(noted);
  EXPECT_THROW(run("ellipsoid = \"yes\"\n"), DataError);
}
