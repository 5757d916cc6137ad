// The registry summary against the counts documented in data/cbec_pilot_zones.md (batches 1, 12,
// 22, 24, 46, 27, 33; 165 zones; 30 provinces after batch 5 and all 31 after batch 7; every
// prefecture of Guangdong, Jiangsu and Zhejiang a zone after batch 6), and the monitoring trends.
#include <gtest/gtest.h>

#include <cmath>

#include "cbec/core/error.hpp"
#include "cbec/domain/zone_summary.hpp"
#include "cbec/estimate/describe/group_trends.hpp"
#include "cbec/io/csv_reader.hpp"

using namespace cbec;

namespace {
const ZoneProvince& province(const ZoneSummary& s, const std::string& name) {
  for (const auto& p : s.provinces)
    if (p.name_en == name) return p;
  throw std::runtime_error(name);
}
}  // namespace

TEST(ZoneSummary, CountsMatchTheRegistryDocumentation) {
  const auto zones = load_pilot_zones(std::string(CBEC_SOURCE_DIR) + "/data/cbec_pilot_zones.csv");
  const ZoneSummary s = summarize_zones(zones, {});
  EXPECT_EQ(s.zones, 165u);
  EXPECT_EQ(s.batches, (std::vector<int>{1, 2, 3, 4, 5, 6, 7}));
  EXPECT_EQ(s.batch_years, (std::vector<int>{2015, 2016, 2018, 2019, 2020, 2022, 2022}));
  std::vector<size_t> per_batch;
  for (const auto& row : s.by_batch_region) {
    size_t n = 0;
    for (size_t c : row) n += c;
    per_batch.push_back(n);
  }
  EXPECT_EQ(per_batch, (std::vector<size_t>{1, 12, 22, 24, 46, 27, 33}));
  EXPECT_EQ(s.regions.size(), 7u);
  EXPECT_EQ(s.provinces_total, 31u);
  ASSERT_EQ(s.years.front().year, 2015);
  ASSERT_EQ(s.years.back().year, 2022);
  const auto year = [&](int y) { return s.years[static_cast<size_t>(y - 2015)]; };
  EXPECT_EQ(year(2017).new_zones, 0u);
  EXPECT_EQ(year(2017).zones, 13u);
  EXPECT_EQ(year(2020).zones, 105u);
  EXPECT_EQ(year(2020).provinces, 30u);   // "105 in 30 provincial-level regions"
  EXPECT_EQ(year(2022).zones, 165u);
  EXPECT_EQ(year(2022).provinces, 31u);   // Lhasa in batch 7
  for (const char* p : {"Guangdong", "Jiangsu", "Zhejiang"}) EXPECT_EQ(province(s, p).cities_covered, province(s, p).cities) << p;
  EXPECT_EQ(province(s, "Zhejiang").zones, 12u);   // 11 prefectures and Yiwu
  EXPECT_EQ(province(s, "Tibet").first_year, 2022);
  // Shares of the 337 prefecture-level units: Hainan has 4 (海口, 三亚, 三沙, 儋州), not its 15 counties
  // too; 162 of 337 covered in 2022 (48.1%, was 162 of 367).
  EXPECT_EQ(s.cities_total, 337u);
  EXPECT_EQ(province(s, "Hainan").cities, 4u);
  EXPECT_EQ(province(s, "Hainan").cities_covered, 2u);
  EXPECT_EQ(province(s, "Xinjiang").cities, 14u);
  EXPECT_EQ(year(2022).cities, 162u);
  EXPECT_EQ(s.county_level.size(), 7u);
  EXPECT_EQ(s.no_prefecture, std::vector<std::string>{"雄安新区"});
  EXPECT_TRUE(s.unmatched.empty());
  EXPECT_EQ(s.city_batch.at("金华市"), 3);   // through Yiwu under the county rule parent
  EXPECT_EQ(summarize_zones(zones, {"seven", "ignore"}).city_batch.at("金华市"), 6);
  ZoneSummaryOptions jx;
  jx.scheme = "seven-east-jiangxi";
  const ZoneSummary t = summarize_zones(zones, jx);
  EXPECT_EQ(province(t, "Jiangxi").region, "East China");
  EXPECT_THROW(summarize_zones(zones, {"yrd", "parent"}), SpecError);
}

TEST(ZoneSummary, RegistryColumnsAreChecked) {
  Frame f;
  f.set(Column::strings("city_cn", {"杭州市"}));
  f.set(Column::numeric("batch", {1}));
  try {
    pilot_zones_from(f, "my_registry.csv");
    FAIL();
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("my_registry.csv: a pilot-zone registry needs the column 'city_en'"), std::string::npos) << e.what();
  }
}

TEST(GroupTrends, LevelsGrowthGapsAndRanks) {
  GroupTrendInput in;
  in.periods = {2010, 2020};
  // units: a (zone) 10 -> 20, b (zone) 4 -> 6, c (other) 8 -> 8, d (other, no 2010 value) NaN -> 1
  in.value = {{10, 20}, {4, 6}, {8, 8}, {NAN, 1}};
  in.group = {{1, 1}, {1, 1}, {0, 0}, {0, 0}};
  const GroupTrends t = group_trends(in);
  ASSERT_EQ(t.periods.size(), 2u);
  EXPECT_EQ(t.periods[0].n[1], 2u);
  EXPECT_EQ(t.periods[0].n[0], 1u);
  EXPECT_DOUBLE_EQ(t.periods[0].mean[1], 7);
  EXPECT_DOUBLE_EQ(t.periods[0].gap, -1);
  EXPECT_DOUBLE_EQ(t.periods[1].mean[0], 4.5);
  EXPECT_DOUBLE_EQ(t.periods[1].growth[1], (1.0 + 0.5) / 2);
  EXPECT_DOUBLE_EQ(t.periods[1].growth[0], 0);
  EXPECT_EQ(t.periods[1].n_growth[0], 1u);
  EXPECT_DOUBLE_EQ(t.periods[1].growth_gap, 0.75);
  ASSERT_EQ(t.ranks.size(), 3u);   // d has no first-period value
  EXPECT_DOUBLE_EQ(t.ranks[1].first, 3);   // b: 4 is the smallest of 10, 4, 8
  EXPECT_DOUBLE_EQ(t.ranks[1].last, 3);    // 6 < 8
  EXPECT_DOUBLE_EQ(t.mean_rank_change[1], 0);
  const auto r = descending_ranks({5, 7, 7, NAN, 1});
  EXPECT_EQ(r[0], 3);
  EXPECT_EQ(r[1], 1.5);
  EXPECT_EQ(r[2], 1.5);
  EXPECT_TRUE(std::isnan(r[3]));
  EXPECT_EQ(r[4], 4);
}
