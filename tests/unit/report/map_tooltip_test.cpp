// Choropleth tooltips show a value only when the map has one per unit (the LISA and zone maps said
// "value: null" for every unit).
#include <gtest/gtest.h>

#include "cbec/report/maps.hpp"

using namespace cbec;

namespace {
nlohmann::json two_units() {
  return nlohmann::json::array({{{"type", "Feature"}, {"id", "a"}, {"properties", nlohmann::json::object()}, {"geometry", nullptr}},
                                {{"type", "Feature"}, {"id", "b"}, {"properties", nlohmann::json::object()}, {"geometry", nullptr}}});
}
}  // namespace

TEST(MapTooltip, ValueOnlyWhenTheMapHasValues) {
  const MapLegend legend{"cluster", {"HH", "ns"}, {"#d7191c", "#f4f4f4"}};
  const Figure plain = choropleth("t", two_units(), {{"a", "HH"}, {"b", "ns"}}, {}, legend, "c");
  EXPECT_EQ(plain.spec["encoding"]["tooltip"].size(), 2u);
  EXPECT_FALSE(plain.spec["data"]["values"][0]["properties"].contains("value"));
  const Figure valued = choropleth("t", two_units(), {{"a", "HH"}, {"b", "ns"}}, {{"a", 0.5}, {"b", -0.25}}, legend, "c", "local I");
  ASSERT_EQ(valued.spec["encoding"]["tooltip"].size(), 3u);
  EXPECT_EQ(valued.spec["encoding"]["tooltip"][2]["title"], "local I");
  EXPECT_EQ(valued.spec["data"]["values"][1]["properties"]["value"], -0.25);
}
