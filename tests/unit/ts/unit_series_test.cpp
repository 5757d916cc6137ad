// A unit's series for the unit-root tests: what is left out is counted (units without a value,
// missing values at a unit's ends), a constant unit and a gap inside a span are refused by name.
#include "cbec/estimate/ts/unit_series.hpp"

#include <gtest/gtest.h>

#include "cbec/io/csv_reader.hpp"

using namespace cbec;

TEST(UnitSeries, CountsWhatItLeavesOutAndRefusesConstantUnits) {
  const Frame f = parse_csv("id,t,x\n1,1,\n1,2,1.5\n1,3,2.5\n1,4,2\n2,1,\n2,2,\n2,3,\n2,4,\n3,1,3\n3,2,1\n3,3,4\n3,4,\n", "u.csv");
  const Panel p = declare_panel(f, "id", "t");
  const UnitSeries s = unit_series(f, p, "x");
  EXPECT_EQ(s.units, (std::vector<std::string>{"1", "3"}));
  EXPECT_EQ(s.units_without_values, (std::vector<std::string>{"2"}));
  EXPECT_EQ(s.missing_at_ends, 2u);
  const Frame c = parse_csv("id,t,x\n1,1,2\n1,2,1\n1,3,4\n2,1,7\n2,2,7\n2,3,7\n", "c.csv");
  try {
    unit_series(c, declare_panel(c, "id", "t"), "x");
    FAIL() << "expected a DataError";
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("unit '2': x is constant over its periods"), std::string::npos) << e.what();
  }
  // A linear series: its differences are constant.
  const Frame l = parse_csv("id,t,x\n1,1,2\n1,2,1\n1,3,4\n2,1,1\n2,2,3\n2,3,5\n", "l.csv");
  EXPECT_NO_THROW(unit_series(l, declare_panel(l, "id", "t"), "x"));
  EXPECT_THROW(unit_series(l, declare_panel(l, "id", "t"), "x", false, true), DataError);
}
