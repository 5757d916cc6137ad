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
    EXPECT_EQ(p.n_gaps, 0u) << ids;   // gaps count periods that some unit has (2002 is nobody's)
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
