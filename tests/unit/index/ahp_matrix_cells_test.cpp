// The AHP analysis's pairwise matrix as users write it: fractions (1/3) in a column the reader
// leaves as text or among decimals it reads as numbers, and only the upper triangle. Each gives the
// weights of the same matrix typed in full with decimals, and a note names the cells taken as
// reciprocals (the reader notes a column's cells it could not read); a text cell that is neither a
// number nor a fraction, or a pair of mirror cells both without a number, is refused naming the cell.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>

#include "cbec/analysis/registry.hpp"
#include "cbec/core/error.hpp"
#include "cbec/io/csv_reader.hpp"
#include "../analysis_options.hpp"

using namespace cbec;

namespace {

Outcome run_ahp(const std::string& csv) {
  Frame f = parse_csv(csv, "pairwise.csv");
  const Analysis& a = find_analysis("ahp");
  AnalysisContext ctx;
  ctx.data = "pairwise.csv";
  return run_analysis(a, f, cbec::testing::analysis_options(a, nlohmann::json::object()), ctx);
}

std::vector<double> weights(const Outcome& out) { return out.json["weights"].get<std::vector<double>>(); }

std::string notes(const Outcome& out) { return out.json["notes"].dump(); }

const std::string kDecimals =
    "a,b,c,d\n1,3,5,7\n0.33333333333333333,1,3,5\n0.2,0.33333333333333333,1,3\n0.14285714285714285,0.2,0.33333333333333333,1\n";

}  // namespace

TEST(AhpMatrixCells, FractionsAndTheUpperTriangleGiveTheMatrixTypedInFull) {
  const std::vector<double> full = weights(run_ahp(kDecimals));
  ASSERT_EQ(full.size(), 4u);
  EXPECT_GT(full[0], full[1]);
  EXPECT_EQ(notes(run_ahp(kDecimals)), "[]");
  // Every cell below the diagonal a fraction: column a is text (fractions), b and c numbers with
  // fractions the reader could not read (half their cells or fewer are text).
  const Outcome fractions = run_ahp("a,b,c,d\n1,3,5,7\n1/3,1,3,5\n1/5,1/3,1,3\n1/7,1/5,1/3,1\n");
  const Outcome upper = run_ahp("a,b,c,d\n1,3,5,7\n,1,3,5\n,,1,3\n,,,1\n");
  for (const Outcome* o : {&fractions, &upper})
    for (size_t j = 0; j < 4; ++j) EXPECT_NEAR(weights(*o)[j], full[j], 1e-14) << j;
  EXPECT_NE(notes(fractions).find("3 cells of the matrix had no number"), std::string::npos) << notes(fractions);
  EXPECT_NE(notes(fractions).find("column 'b', data line 4; column 'b', data line 5; column 'c', data line 5\""), std::string::npos) << notes(fractions);
  EXPECT_NE(notes(upper).find("6 cells of the matrix had no number"), std::string::npos) << notes(upper);
  // A fraction with spaces, and a diagonal left empty.
  const Outcome spaced = run_ahp("a,b\n,3\n1 / 3,1\n");
  EXPECT_NEAR(weights(spaced)[0], 0.75, 1e-15);
  EXPECT_NE(notes(spaced).find("column 'a', data line 2"), std::string::npos) << notes(spaced);
}

TEST(AhpMatrixCells, CellsWithoutAJudgementAreRefusedNamingThem) {
  try {
    run_ahp("a,b,c\n1,3,5\n1/3,1,2\none fifth,1/2,1\n");  // column a text: its cells are read here
    FAIL();
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("cell 'one fifth' (column 'a', data line 4) is neither a number nor a fraction"), std::string::npos) << e.what();
  }
  try {
    run_ahp("a,b,c\n1,3,5\n,1,\n1/5,,1\n");
    FAIL();
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("no number in column 'c', data line 3 nor in its mirror cell (column 'b', data line 4)"), std::string::npos)
        << e.what();
  }
  try {
    run_ahp("criterion,a,b\nA,1,3\nB,1/3,1\n");  // a label column: not square
    FAIL();
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("3 criteria but 2 rows; when the file has other columns"), std::string::npos) << e.what();
  }
  try {
    run_ahp("a,b\n1/1,3\n1/0,1\n");  // column a text, a[2,1] a division by zero
    FAIL();
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("cell '1/0' (column 'a', data line 3)"), std::string::npos) << e.what();
  }
}
