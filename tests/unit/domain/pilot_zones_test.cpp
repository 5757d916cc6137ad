#include "cbec/domain/pilot_zones.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <map>

#include "cbec/core/error.hpp"
#include "cbec/domain/regions.hpp"
#include "cbec/io/csv_reader.hpp"
#include "cbec/report/panel_json.hpp"

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

// Every row cites its source; the rows not verified by name are marked UNCERTAIN in their notes and
// are exactly the six batch-7 rows data/cbec_pilot_zones.md lists (Dezhou, Liaocheng, Binzhou and
// Heze were verified through the Shandong implementation plans of 2023-05-18).
TEST(PilotZones, EveryRowHasASourceAndTheUncertainRowsAreTheListedOnes) {
  const Frame registry = read_csv(data_dir() + "/cbec_pilot_zones.csv");
  const Column& city = registry.get("city_cn");
  const Column& notes = registry.get("notes");
  const Column& source = registry.get("source");
  std::vector<std::string> uncertain;
  for (size_t i = 0; i < registry.nrows(); ++i) {
    EXPECT_FALSE(source.text(i).empty()) << city.text(i);
    if (notes.text(i).find("UNCERTAIN") != std::string::npos) uncertain.push_back(city.text(i));
  }
  EXPECT_EQ(uncertain, (std::vector<std::string>{"焦作市", "许昌市", "柳州市", "铜仁市", "大理白族自治州", "伊犁哈萨克自治州"}));
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

// Audit of session 25 against data/cbec_pilot_zones.csv: a county-level zone's own unit is treated
// (义乌 was coded never treated), short, former and full-width names find their place, a province
// name among cities (吉林省, not 吉林市) and a name that is no place have no treatment (they were
// controls), a row without a year no post or did, and the homonyms of data/cbec_pilot_zones.md are ambiguous.
TEST(PilotZones, CountyZonesShortNamesAndUnplacedUnits) {
  Frame f = parse_csv(
      "city,year\n义乌市,2018\n延边州,2019\nYanbian,2020\n海东地区,2019\n襄樊市,2022\nＨＡＮＧＺＨＯＵ,2015\n吉林省,2020\nAtlantis,2018\n杭州市,\n"
      "伊春市,2022\n",
      "p.csv");
  const auto zones = load_pilot_zones();
  TreatOptions o;
  o.unit = "city";
  o.time = "year";
  for (const std::string rule : {"parent", "ignore"}) {
    SCOPED_TRACE(rule);
    Frame a = f;
    o.county_rule = rule;
    const TreatReport r = add_treatment(a, o, zones);
    const auto& ft = a.numeric("first_treat");
    EXPECT_EQ(ft[0], 2018);  // Yiwu, batch 3
    EXPECT_EQ(ft[1], rule == "parent" ? 2019 : 0);  // Yanbian through Hunchun
    EXPECT_EQ(ft[2], ft[1]);
    EXPECT_EQ(ft[3], 2019);  // Haidong
    EXPECT_EQ(ft[4], 2022);  // Xiangyang
    EXPECT_EQ(ft[5], 2015);  // Hangzhou
    EXPECT_TRUE(std::isnan(ft[6]) && std::isnan(a.numeric("treat")[6]));  // a province among cities
    EXPECT_TRUE(std::isnan(ft[7]) && std::isnan(a.numeric("did")[7]));    // no such place
    EXPECT_EQ(ft[8], 2015);
    EXPECT_TRUE(std::isnan(a.numeric("post")[8]) && std::isnan(a.numeric("did")[8]));  // no year
    EXPECT_EQ(ft[9], 0);     // Yichun of Heilongjiang: no zone
    EXPECT_EQ(r.unmatched, (std::vector<std::string>{"Atlantis", "吉林省"}));
  }
  Frame b = f;
  o.unmatched = "never";
  add_treatment(b, o, zones);
  EXPECT_EQ(b.numeric("first_treat")[7], 0);
  EXPECT_EQ(b.numeric("did")[7], 0);
  Frame homonyms = parse_csv("city,year\nFuzhou,2020\nYichun,2020\n", "h.csv");
  EXPECT_THROW(add_treatment(homonyms, o, zones), DataError);
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

// Issue 13, item 5: `cbec treat` matches names with the index of `cbec regions` (one set of rules).
namespace {
TreatOptions city_year() {
  TreatOptions o;
  o.unit = "city";
  o.time = "year";
  return o;
}
std::string treat_error(const std::string& csv) {
  Frame f = parse_csv(csv, "t.csv");
  try {
    add_treatment(f, city_year(), load_pilot_zones());
  } catch (const DataError& e) {
    return e.what();
  }
  return "";
}
}  // namespace

TEST(PilotZones, AmbiguousEnglishNamesAreRefusedAsRegionsDoes) {
  // A bare "Suzhou" (苏州 Jiangsu, zone 2016, or 宿州 Anhui, no zone) was treated from 2016; a bare
  // "Taizhou" (台州 or 泰州, both zones) was coded never treated.
  const std::string suzhou = treat_error("city,year\nHangzhou,2016\nSuzhou,2016\n");
  EXPECT_NE(suzhou.find("ambiguous"), std::string::npos) << suzhou;
  EXPECT_NE(suzhou.find("Suzhou (宿州市 or 苏州市)"), std::string::npos) << suzhou;
  const std::string taizhou = treat_error("city,year\nTaizhou,2016\nsuzhou city,2016\n");
  EXPECT_NE(taizhou.find("Taizhou (台州市 or 泰州市)"), std::string::npos) << taizhou;
  EXPECT_NE(taizhou.find("suzhou city"), std::string::npos) << taizhou;
  // Chinese names and the province-qualified forms resolve.
  Frame f = parse_csv("city,year\nSuzhou (Jiangsu),2016\nSuzhou (Anhui),2016\nTaizhou (Zhejiang),2016\nTaizhou (Jiangsu),2016\n宿州市,2017\n台州,2017\n", "t.csv");
  TreatReport r = add_treatment(f, city_year(), load_pilot_zones());
  const auto& ft = f.numeric("first_treat");
  EXPECT_EQ(ft[0], 2016);  // 苏州 batch 2
  EXPECT_EQ(ft[1], 0);     // 宿州: no zone
  EXPECT_EQ(ft[2], 2020);  // 台州 batch 5
  EXPECT_EQ(ft[3], 2022);  // 泰州 batch 6
  EXPECT_EQ(ft[4], 0);
  EXPECT_EQ(ft[5], 2020);
  EXPECT_TRUE(r.unmatched.empty());
  EXPECT_EQ(r.no_zone, (std::vector<std::string>{"Suzhou (Anhui)", "宿州市"}));
  // The same names are ambiguous for `cbec regions` and refused by `cbec treat`.
  const NameIndex names = china_place_names(load_pilot_zones());
  for (const std::string name : {"Suzhou", "Taizhou", "Suzhou (Jiangsu)", "Taizhou (Zhejiang)", "Bozhou", "Hangzhou", "泰州市"}) {
    Frame g;
    g.set(Column::strings("unit", {name}));
    RegionOptions ro;
    ro.unit = "unit";
    ro.scheme = "yrd";
    const bool regions_refuses = !add_regions(g, ro).ambiguous.empty();
    EXPECT_EQ(regions_refuses, names.ambiguous(name)) << name;
    EXPECT_EQ(regions_refuses, !treat_error("city,year\n" + name + ",2016\n").empty()) << name;
  }
}

TEST(PilotZones, RealCitiesWithoutAZoneAreNotUnknown) {
  Frame f = parse_csv("city,year\nBozhou,2016\nChizhou,2016\n淮南市,2016\nAtlantis,2016\nHangzhou,2016\n", "t.csv");
  TreatReport r = add_treatment(f, city_year(), load_pilot_zones());
  EXPECT_EQ(r.no_zone, (std::vector<std::string>{"Bozhou", "Chizhou", "淮南市"}));
  EXPECT_EQ(r.unmatched, std::vector<std::string>{"Atlantis"});
  EXPECT_EQ(f.numeric("first_treat")[0], 0);
  const auto j = to_json(r);
  EXPECT_EQ(j["no_zone"].size(), 3u);
  EXPECT_EQ(j["unmatched"].size(), 1u);
}

TEST(PilotZones, DuplicateUnitYearsAreRefusedNamingBothLines) {
  const std::string same = treat_error("city,year\n杭州市,2015\nNingbo,2015\n杭州市,2015\n");
  EXPECT_NE(same.find("'杭州市' (line 2) and '杭州市' (line 4)"), std::string::npos) << same;
  EXPECT_NE(same.find("year 2015"), std::string::npos) << same;
  // Two spellings of one city in one year are the same unit-year too.
  const std::string spelled = treat_error("city,year\n杭州,2016\nHangzhou City,2016\n");
  EXPECT_NE(spelled.find("'杭州' (line 2) and 'Hangzhou City' (line 3)"), std::string::npos) << spelled;
  EXPECT_EQ(treat_error("city,year\n杭州市,2015\n杭州市,2016\n"), "");
}

// The eighth round of April 2025 (data/cbec_pilot_zones_2025_round8.csv), outside the 165: counted
// only when asked for, with a warning when a panel runs past it without it.
TEST(PilotZones, EighthRoundOf2025IsSixteenZonesCountedWhenAskedFor) {
  const std::vector<PilotZone> round8 = load_round8_zones();
  ASSERT_EQ(round8.size(), 16u);
  for (const auto& z : round8) {
    EXPECT_EQ(z.batch, 8) << z.city_cn;
    EXPECT_EQ(z.year, 2025) << z.city_cn;
    EXPECT_EQ(z.month, 4) << z.city_cn;
    if (z.admin_level == "county-level city") EXPECT_EQ(z.parent_cn, "锡林郭勒盟") << z.city_cn;  // Erenhot
  }
  const std::string csv =
      "city,year\n秦皇岛市,2024\n秦皇岛市,2025\n海口市,2025\n儋州市,2025\n琼海市,2025\n锡林郭勒盟,2025\n淮南市,2025\n海南藏族自治州,2025\n";
  std::vector<PilotZone> zones = load_pilot_zones();
  Frame seven = parse_csv(csv, "t.csv");
  const TreatReport without = add_treatment(seven, city_year(), zones);
  ASSERT_EQ(without.warnings.size(), 1u);
  EXPECT_NE(without.warnings[0].find("runs to 2025"), std::string::npos) << without.warnings[0];
  EXPECT_NE(without.warnings[0].find("--round8"), std::string::npos) << without.warnings[0];
  EXPECT_EQ(seven.numeric("first_treat")[0], 0);
  EXPECT_EQ(seven.numeric("first_treat")[2], 2018);  // Haikou, batch 3
  EXPECT_EQ(seven.numeric("first_treat")[3], 0);
  zones.insert(zones.end(), round8.begin(), round8.end());
  Frame eight = parse_csv(csv, "t.csv");
  const TreatReport with = add_treatment(eight, city_year(), zones);
  EXPECT_TRUE(with.warnings.empty());
  const auto& ft = eight.numeric("first_treat");
  EXPECT_EQ(ft[0], 2025);                  // Qinhuangdao
  EXPECT_EQ(eight.numeric("post")[0], 0);  // 2024
  EXPECT_EQ(eight.numeric("post")[1], 1);
  EXPECT_EQ(ft[2], 2018);                  // Haikou keeps its 2018 zone (revoked into the island-wide one)
  EXPECT_EQ(ft[3], 2025);                  // Danzhou and Qionghai: the whole of Hainan
  EXPECT_EQ(ft[4], 2025);
  EXPECT_EQ(ft[5], 2025);                  // Xilingol League through Erenhot (county rule "parent")
  EXPECT_EQ(ft[6], 0);                     // Huainan: no zone
  EXPECT_EQ(ft[7], 0);                     // Hainan Tibetan AP is in Qinghai, not Hainan
  EXPECT_EQ(eight.numeric("batch")[3], 8);
  // A panel that ends before 2025 is told nothing without the eighth round; with it, that its zones
  // fall after the sample (their units are never treated within it).
  Frame early = parse_csv("city,year\n秦皇岛市,2024\n", "t.csv");
  EXPECT_TRUE(add_treatment(early, city_year(), load_pilot_zones()).warnings.empty());
  Frame early8 = parse_csv("city,year\n秦皇岛市,2024\n", "t.csv");
  const TreatReport before = add_treatment(early8, city_year(), zones);
  ASSERT_EQ(before.warnings.size(), 1u);
  EXPECT_NE(before.warnings[0].find("ends in 2024, before the zones approved in 2025"), std::string::npos) << before.warnings[0];
}
