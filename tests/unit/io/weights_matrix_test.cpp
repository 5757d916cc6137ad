// Dense CSV weight matrices: the layouts users write (with and without an id column, R's
// write.csv with its corner cell), asymmetric weights, round trips and the errors.
#include <gtest/gtest.h>

#include <fstream>

#include "cbec/core/error.hpp"
#include "cbec/io/weights_io.hpp"
#include "../scratch_folder.hpp"

using namespace cbec;

namespace {
std::string error_of(const std::string& path) {
  try {
    read_weights(path, true);
  } catch (const DataError& e) {
    return e.what();
  }
  return "no error";
}
}  // namespace

TEST(WeightMatrix, LayoutsAgreeAndKeepAsymmetry) {
  const cbec::testing::ScratchFolder scratch;
  // a -> b weight 2, b -> a weight 1, c -> a 0.5: not symmetric.
  const std::string plain = scratch.write("plain.csv", "a,b,c\n0,2,0\n1,0,0\n0.5,0,0\n");
  const std::string corner = scratch.write("corner.csv", "\"\",\"a\",\"b\",\"c\"\n\"b\",1,0,0\n\"a\",0,2,0\n\"c\",0.5,0,0\n");
  const std::string no_corner = scratch.write("nocorner.csv", "a,b,c\r\nc,0.5,0,0\r\na, 0 ,2,0\r\nb,1,0,0\r\n\r\n");
  for (const auto& path : {plain, corner, no_corner}) {
    SCOPED_TRACE(path);
    SpatialWeights w = read_weights(path, true);
    ASSERT_EQ(w.ids, (std::vector<std::string>{"a", "b", "c"}));
    EXPECT_EQ(w.W.nonZeros(), 3);
    EXPECT_EQ(w.W.coeff(0, 1), 2.0);
    EXPECT_EQ(w.W.coeff(1, 0), 1.0);
    EXPECT_EQ(w.W.coeff(2, 0), 0.5);
  }
}

TEST(WeightMatrix, RoundTripByExtension) {
  const cbec::testing::ScratchFolder scratch;
  SpatialWeights w = read_weights(scratch.write("in.csv", "x y,\"q,1\",z\n0,0.1,0.2\n0.3,0,1e-300\n0,0,0\n"), true);
  const std::string path = scratch.path("out.matrix.csv");
  write_weights(w, path);
  SpatialWeights back = read_weights(path);  // .matrix.csv: a dense matrix without the flag
  EXPECT_EQ(back.ids, w.ids);
  EXPECT_EQ((Eigen::MatrixXd(back.W) - Eigen::MatrixXd(w.W)).cwiseAbs().maxCoeff(), 0.0);
  EXPECT_EQ(back.W.coeff(1, 2), 1e-300);
}

TEST(WeightMatrix, ClearErrors) {
  const cbec::testing::ScratchFolder scratch;
  EXPECT_NE(error_of(scratch.write("rect.csv", "a,b,c\n0,1,0\n1,0,0\n")).find("not a square weight matrix: 2 rows of 3 cells"), std::string::npos);
  EXPECT_NE(error_of(scratch.write("ragged.csv", "a,b\n0,1\n1,0,0\n")).find("line 3: 3 cells, expected 2"), std::string::npos);
  EXPECT_NE(error_of(scratch.write("text.csv", "a,b\n0,1\n1,x\n")).find("line 3 column 2: 'x' is not a number"), std::string::npos);
  EXPECT_NE(error_of(scratch.write("empty.csv", "id,a,b\na,0,\nb,1,0\n")).find("line 2 column 3: '' is not a number"), std::string::npos);
  EXPECT_NE(error_of(scratch.write("ids.csv", "id,a,b\na,0,1\nc,1,0\n")).find("in the rows only: [c]; in the header only: [b]"), std::string::npos);
  EXPECT_NE(error_of(scratch.write("twice.csv", "id,a,b\na,0,1\na,1,0\n")).find("line 3: unit 'a' has a second row"), std::string::npos);
  EXPECT_NE(error_of(scratch.write("dup.csv", "a,a\n0,1\n1,0\n")).find("line 1: unit id 'a' appears twice"), std::string::npos);
  // The edge-list reader stays the default for .csv, and refuses a matrix given to it.
  try {
    read_weights(scratch.write("matrix_as_edges.csv", "id,a,b,c\na,0,1,0\nb,1,0,0\nc,0,0,0\n"));
    ADD_FAILURE() << "a matrix read as an edge list";
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("4 columns, but an edge list has from,to[,weight]"), std::string::npos);
  }
  SpatialWeights e = read_weights(scratch.write("edges.csv", "from,to,weight\na,b,2\nb,a,1\n"));
  EXPECT_EQ(e.W.coeff(0, 1), 2.0);
}

TEST(WeightMatrix, ReadsRWriteCsvOfSpdepWeights) {
  // tests/reference/spatial/weight_matrix.R: spdep::nb2mat(style = "W") written by write.csv.
  SpatialWeights m = read_weights(std::string(CBEC_FIXTURES) + "/spatial_columbus_W.matrix.csv");
  SpatialWeights gal = row_standardize(align_weights(read_gal(std::string(CBEC_TEST_DATA) + "/columbus.gal"), m.ids, "columbus.gal"));
  ASSERT_EQ(m.n(), 49u);
  const Eigen::MatrixXd a(m.W), b(gal.W);
  EXPECT_LE((a - b).cwiseAbs().maxCoeff(), 1e-6 * b.cwiseAbs().maxCoeff());
  EXPECT_EQ(m.W.nonZeros(), gal.W.nonZeros());
}

// A unit without neighbours survives a saved .gal and .csv edge list (the edge list dropped it, so
// the weights no longer covered the data); a .gwt cannot list it: writing names it, reading a file
// whose header counts more units than its lines fails. The header is GeoDa's four fields, which
// spdep's read.gal and libpysal require.
TEST(WeightsFiles, UnitsWithoutNeighboursAndTheHeader) {
  const cbec::testing::ScratchFolder scratch;
  SpatialWeights w;
  w.ids = {"a", "b", "c"};
  w.W.resize(3, 3);
  std::vector<Eigen::Triplet<double>> t = {{0, 1, 1.0}, {1, 0, 1.0}};
  w.W.setFromTriplets(t.begin(), t.end());
  const std::string dir = scratch.dir().string();
  for (const std::string name : {"islands_test.gal", "islands_test_edges.csv"}) {
    EXPECT_TRUE(write_weights(w, dir + "/" + name).empty()) << name;
    const SpatialWeights back = read_weights(dir + "/" + name);
    EXPECT_EQ(back.ids.size(), 3u) << name;
    EXPECT_EQ(back.W.nonZeros(), 2) << name;
  }
  std::ifstream gal(dir + "/islands_test.gal");
  std::string header;
  std::getline(gal, header);
  EXPECT_EQ(header, "0 3 cbec id");
  const std::vector<std::string> warnings = write_weights(w, dir + "/islands_test.gwt");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("not in the file: c"), std::string::npos) << warnings[0];
  try {
    read_weights(dir + "/islands_test.gwt");
    FAIL();
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("header counts 3 units but the lines name 2"), std::string::npos) << e.what();
  }
}

// A GAL header whose unit count is not a whole number is refused (std::stoul read "12abc" as 12
// and "-1" as 2^64 - 1 before); a GWT header may leave the count out.
TEST(WeightsFiles, HeaderUnitCountIsAWholeNumber) {
  const cbec::testing::ScratchFolder scratch;
  const std::string dir = scratch.dir().string();
  for (const std::string header : {"12abc", "0 -1 cbec id", ""}) {
    std::ofstream(dir + "/bad_header.gal") << header << "\na 1\nb\nb 1\na\n";
    try {
      read_weights(dir + "/bad_header.gal");
      FAIL() << header;
    } catch (const DataError& e) {
      EXPECT_NE(std::string(e.what()).find("line 1: the GAL header must give the number of units"), std::string::npos) << e.what();
    }
  }
  std::ofstream(dir + "/two.gal") << "2\na 1\nb\nb 1\na\n";
  EXPECT_EQ(read_weights(dir + "/two.gal").W.nonZeros(), 2);
  std::ofstream(dir + "/no_count.gwt") << "cbec\na b 1\nb a 1\n";
  EXPECT_EQ(read_weights(dir + "/no_count.gwt").W.nonZeros(), 2);
}

// Ids with spaces, commas or quotes ("Inner Mongolia"): an edge list quotes them and reads them
// back; GAL and GWT, which separate fields by spaces, refuse them by name (a .gwt was written that
// could not be read back).
TEST(WeightsFiles, IdsWithSpacesCommasAndQuotes) {
  const cbec::testing::ScratchFolder scratch;
  SpatialWeights w;
  w.ids = {"Inner Mongolia", "A, B", "say \"hi\"", "alone"};
  w.W.resize(4, 4);
  std::vector<Eigen::Triplet<double>> t = {{0, 1, 0.5}, {1, 0, 0.5}, {1, 2, 0.25}, {2, 1, 0.25}};
  w.W.setFromTriplets(t.begin(), t.end());
  const std::string dir = scratch.dir().string();
  write_weights(w, dir + "/spaced_ids.csv");
  const SpatialWeights back = read_weights(dir + "/spaced_ids.csv");
  EXPECT_EQ(back.ids, w.ids);
  EXPECT_EQ(back.W.coeff(1, 2), 0.25);
  EXPECT_EQ(back.W.nonZeros(), 4);
  for (const std::string name : {"spaced_ids.gal", "spaced_ids.gwt"}) {
    try {
      write_weights(w, dir + "/" + name);
      FAIL() << name;
    } catch (const DataError& e) {
      EXPECT_NE(std::string(e.what()).find("unit id 'Inner Mongolia' has a space"), std::string::npos) << e.what();
    }
  }
}
