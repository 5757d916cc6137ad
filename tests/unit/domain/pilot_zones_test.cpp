#include "cbec/domain/pilot_zones.hpp"

#include <gtest/gtest.h>

#include <map>

#include "cbec/core/error.hpp"
#include "cbec/io/csv_reader.hpp"

using namespace cbec;

TEST(PilotZones, RegistryHas165ZonesInSevenBatches) {
  auto zones = load_pilot_zones();
  ASSERT_EQ(zones.size(), 165u);
  std::map<int, int> per_batch;
  for (const auto& z : zones) ++per_batch[z.batch];
  EXPECT_EQ(per_batch, (std::map<int, int>{{1, 1}, {2, 12}, {3, 22}, {4, 24}, {5, 46}, {6, 27}, {7, 33}}));
  auto hz = std::find_if(zones.begin(), zones.end(), [](const PilotZone& z) { return z.city_cn == "杭州市"; });
  ASSERT_NE(hz, zones.end());
  EXPECT_EQ(hz->year, 2015);
  EXPECT_EQ(hz->batch, 1);
  for (const auto& z : zones)
    if (z.admin_level == "county-level city") EXPECT_FALSE(z.parent_cn.empty()) << z.city_cn;
}

TEST(PilotZones, NameKeysMatchChineseAndEnglishForms) {
  EXPECT_EQ(name_key("杭州市"), name_key("杭州"));
  EXPECT_EQ(name_key("Hangzhou City"), name_key("hangzhou"));
  EXPECT_EQ(name_key("Huai'an"), name_key("Huaian"));
  EXPECT_EQ(name_key("广西壮族自治区"), name_key("广西"));
}

TEST(PilotZones, TreatmentColumnsRulesAndUnmatchedUnits) {
  Frame f = parse_csv(
      "city,year\n杭州市,2014\n杭州市,2015\nNingbo,2016\nJinhua,2018\nJinhua,2019\n淮南市,2018\nNanjing,2018\nNanjing,2019\nAtlantis,2018\n",
      "p.csv");
  auto zones = load_pilot_zones();
  TreatOptions o;
  o.unit = "city";
  o.time = "year";
  Frame a = f;
  TreatReport r = add_treatment(a, o, zones);
  const auto& ft = a.numeric("first_treat");
  EXPECT_EQ(ft[0], 2015);            // Hangzhou, batch 1
  EXPECT_EQ(a.numeric("did")[0], 0);
  EXPECT_EQ(a.numeric("did")[1], 1);
  EXPECT_EQ(ft[2], 2016);            // Ningbo, matched in English
  EXPECT_EQ(ft[3], 2018);            // Jinhua through Yiwu (county rule "parent")
  EXPECT_EQ(ft[5], 0);               // Huainan: a real city without a zone
  EXPECT_EQ(a.numeric("rel_time")[7], 1);
  EXPECT_EQ(r.unmatched, std::vector<std::string>{"Atlantis"});
  EXPECT_EQ(r.treated_units, 4u);
  Frame b = f;
  o.county_rule = "ignore";
  o.timing = "july";
  add_treatment(b, o, zones);
  EXPECT_EQ(b.numeric("first_treat")[3], 2022);  // Jinhua's own zone (January 2022)
  EXPECT_EQ(b.numeric("first_treat")[6], 2019);  // Nanjing approved 2018-07-24: effective 2019
  Frame c = parse_csv("prov,year\n浙江省,2015\nGuangxi,2016\n", "q.csv");
  TreatOptions po;
  po.unit = "prov";
  po.time = "year";
  po.level = "province";
  add_treatment(c, po, zones);
  EXPECT_EQ(c.numeric("first_treat")[0], 2015);
  EXPECT_GT(c.numeric("first_treat")[1], 2015);
  o.timing = "soon";
  EXPECT_THROW(add_treatment(b, o, zones), SpecError);
}

TEST(PilotZones, BundledExampleUsesTheRegistryYears) {
  Frame yrd = read_csv(std::string(CBEC_EXAMPLES) + "/yrd/cities.csv");
  Frame f = yrd;
  f.set(Column::numeric("year", std::vector<double>(yrd.nrows(), 2015)));
  TreatOptions o;
  o.unit = "city_cn";
  o.time = "year";
  TreatReport r = add_treatment(f, o, load_pilot_zones());
  EXPECT_TRUE(r.unmatched.empty());
  for (size_t i = 0; i < yrd.nrows(); ++i) EXPECT_EQ(f.numeric("first_treat")[i], yrd.numeric("first_treat")[i]) << yrd.get("city").text(i);
}
