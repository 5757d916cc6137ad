#include <gtest/gtest.h>

#include "cbec/core/error.hpp"
#include "cbec/frame/panel.hpp"
#include "cbec/io/csv_reader.hpp"

using namespace cbec;

namespace {

// Rows by (unit, time), units in order of first appearance, ties (duplicates) in row order.
void expect_layout(const Panel& p, const std::vector<std::string>& labels, const std::vector<size_t>& order,
                   const std::vector<int64_t>& times) {
  EXPECT_EQ(p.unit_labels, labels);
  EXPECT_EQ(p.order, order);
  EXPECT_EQ(p.times, times);
}

}  // namespace

// Every way declare_panel codes units (text codes, dense integer table, sparse integer hash,
// double ids by their text) gives the same layout for the same unsorted data.
TEST(DeclarePanel, EveryUnitCodingGivesTheSameLayout) {
  const char* body = "2001,a\n2003,b\n1999,a\n2001,b\n2000,a\n";
  for (const std::string& ids : {std::string("b,a,b,a,b"), std::string("7,5,7,5,7"),
                                 std::string("900000000007,5,900000000007,5,900000000007"), std::string("7.5,5.5,7.5,5.5,7.5")}) {
    std::string csv = "id,year,g\n";
    std::vector<std::string> id;
    for (size_t s = 0, e; s <= ids.size(); s = e + 1) {
      e = ids.find(',', s);
      if (e == std::string::npos) e = ids.size();
      id.push_back(ids.substr(s, e - s));
    }
    for (size_t i = 0, s = 0; i < id.size(); ++i) {
      const size_t e = std::string(body).find('\n', s);
      csv += id[i] + "," + std::string(body).substr(s, e - s) + "\n";
      s = e + 1;
    }
    const Frame f = parse_csv(csv, "t.csv");
    const Panel p = declare_panel(f, "id", "year");
    expect_layout(p, {id[0], id[1]}, {2, 4, 0, 3, 1}, {1999, 2000, 2001, 2003});
    // Gaps are counted on the calendar step, as lags see them: 2002, nobody's year, lies inside a's
    // span 2001..2003 (the lag of a's 2003 value is missing); it was not counted.
    EXPECT_EQ(p.step, 1) << ids;
    EXPECT_EQ(p.n_gaps, 1u) << ids;
    EXPECT_EQ(p.units_with_gaps, 1u) << ids;
    EXPECT_EQ(p.absent_times, std::vector<int64_t>{2002}) << ids;
    EXPECT_FALSE(p.balanced) << ids;
  }
}

TEST(DeclarePanel, DuplicatesAndMissingIds) {
  const Frame f = parse_csv("id,year\n1,2000\n2,2000\n1,2000\n,2001\n2,\n", "d.csv");
  try {
    declare_panel(f, "id", "year");
    FAIL();
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("1 duplicate (id, year) pairs, e.g. id=1 year=2000 (data lines 2 and 4)"), std::string::npos) << e.what();
  }
  const Panel p = declare_panel(f, "id", "year", true);
  EXPECT_EQ(p.rows_missing_id, 2u);
  EXPECT_EQ(p.order, (std::vector<size_t>{0, 2, 1}));
}

// Periods every fifth year: the step is 5, and a unit missing 2005 between 2000 and 2010 has one gap.
TEST(DeclarePanel, GapsOnThePeriodsStep) {
  const Frame f = parse_csv("id,year\n1,2000\n1,2005\n1,2010\n2,2000\n2,2010\n", "t.csv");
  const Panel p = declare_panel(f, "id", "year");
  EXPECT_EQ(p.step, 5);
  EXPECT_EQ(p.n_gaps, 1u);
  EXPECT_EQ(p.n_absent_times, 0u);
  EXPECT_NE(p.summary().find("1 gaps in 1 units"), std::string::npos) << p.summary();
}
