// Region groupings: counts of each scheme, Chinese and English matching, unmatched and ambiguous names.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

#include "cbec/core/error.hpp"
#include "cbec/domain/regions.hpp"
#include "cbec/io/csv_reader.hpp"
#include "cbec/report/panel_json.hpp"
#include "../scratch_folder.hpp"

using namespace cbec;

namespace {
Frame names_frame(const std::vector<std::string>& names) {
  Frame f;
  f.set(Column::strings("unit", names));
  return f;
}
Frame provinces() { return read_csv(std::string(CBEC_SOURCE_DIR "/data") + "/china_provinces.csv", plain_csv({""}, {"adcode"})); }
RegionReport run(Frame& f, const std::string& scheme, const std::string& level, const std::string& unit = "unit") {
  RegionOptions o;
  o.unit = unit;
  o.scheme = scheme;
  o.level = level;
  return add_regions(f, o);
}
}  // namespace

TEST(Regions, ProvinceSchemesCountTheNbsGroups) {
  Frame f = provinces();
  auto three = run(f, "three-belt", "province", "name_en");
  EXPECT_EQ(three.counts, (std::map<std::string, size_t>{{"East", 11}, {"Central", 8}, {"West", 12}}));
  auto four = run(f, "four-region", "province", "name_cn");
  EXPECT_EQ(four.counts, (std::map<std::string, size_t>{{"East", 10}, {"Central", 6}, {"West", 12}, {"Northeast", 3}}));
  auto seven = run(f, "seven", "province", "name_en");
  EXPECT_EQ(seven.counts, (std::map<std::string, size_t>{{"North China", 5}, {"Northeast", 3}, {"East China", 6}, {"Central China", 4},
                                                           {"South China", 3}, {"Southwest", 5}, {"Northwest", 5}}));
  EXPECT_TRUE(seven.unmatched.empty());
  EXPECT_EQ(f.get("three_belt").text(5), "East");   // Liaoning: East in the three-belt split
  EXPECT_EQ(f.get("four_region").text(5), "Northeast");
}

TEST(Regions, CitiesTakeTheirProvincesRegion) {
  Frame f = names_frame({"沈阳市", "Hangzhou", "成都市", "Atlantis"});
  auto r = run(f, "four-region", "city");
  EXPECT_EQ(f.get("four_region").text(0), "Northeast");
  EXPECT_EQ(f.get("four_region").text(1), "East");
  EXPECT_EQ(f.get("four_region").text(2), "West");
  EXPECT_EQ(r.unmatched, std::vector<std::string>{"Atlantis"});
}

TEST(Regions, YangtzeRiverDeltaHas41Cities) {
  Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/../../examples/yrd/cities.csv");
  Frame english = f;
  auto cn = run(f, "yrd", "city", "city_cn");
  EXPECT_EQ(cn.counts.at("Yangtze River Delta"), 41u);
  EXPECT_TRUE(cn.unmatched.empty() && cn.outside.empty() && cn.ambiguous.empty());
  auto en = run(english, "yrd", "city", "city");   // English: "Taizhou (Jiangsu)" matches, a bare "Suzhou" (苏州/宿州) does not
  EXPECT_EQ(en.ambiguous, (std::vector<std::string>{"Suzhou"}));
  EXPECT_EQ(en.counts.at("Yangtze River Delta"), 40u);
  EXPECT_TRUE(en.unmatched.empty());
}

TEST(Regions, ZhejiangNortheastAndSouthwest) {
  Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/zhejiang_cities.csv", plain_csv({""}, {"adcode"}));
  Frame g = f;
  auto r = run(f, "zhejiang", "city", "name_cn");
  EXPECT_EQ(r.counts, (std::map<std::string, size_t>{{"Northeast", 6}, {"Southwest", 5}}));
  for (size_t i = 0; i < f.nrows(); ++i)  // the shared data's subregion column agrees
    EXPECT_EQ(f.get("zhejiang").text(i), f.get("subregion").text(i) == "northeast" ? "Northeast" : "Southwest") << f.get("name_en").text(i);
  Frame out = names_frame({"南京市", "Ningbo"});
  auto o = run(out, "zhejiang", "city");
  EXPECT_EQ(o.outside, std::vector<std::string>{"南京市"});
  EXPECT_TRUE(out.get("zhejiang").is_missing(0));
  EXPECT_EQ(nlohmann::json(to_json(o))["counts"]["Northeast"], 1);
}

TEST(Regions, ErrorsNameTheProblem) {
  Frame f = names_frame({"Hangzhou"});
  EXPECT_THROW(run(f, "eight", "city"), SpecError);
  EXPECT_THROW(run(f, "yrd", "province"), SpecError);
  EXPECT_THROW(run(f, "seven", "county"), SpecError);
}

TEST(Regions, SevenWithJiangxiInEastChina) {
  Frame f = provinces();
  auto r = run(f, "seven-east-jiangxi", "province", "name_en");
  EXPECT_EQ(r.column, "seven_east_jiangxi");
  EXPECT_EQ(r.counts.at("East China"), 7u);
  EXPECT_EQ(r.counts.at("Central China"), 3u);
  for (size_t i = 0; i < f.nrows(); ++i) {
    const std::string name = f.get("name_en").text(i), traditional = f.get("seven_east_jiangxi").text(i);
    EXPECT_EQ(traditional, name == "Jiangxi" ? "East China" : f.get("region7").text(i)) << name;
  }
  Frame cities = names_frame({"南昌市", "Ganzhou", "武汉市"});
  run(cities, "seven-east-jiangxi", "city");
  EXPECT_EQ(cities.get("seven_east_jiangxi").text(0), "East China");
  EXPECT_EQ(cities.get("seven_east_jiangxi").text(1), "East China");
  EXPECT_EQ(cities.get("seven_east_jiangxi").text(2), "Central China");
}

TEST(Regions, UserSchemeFromAFile) {
  const cbec::testing::ScratchFolder scratch;
  Frame f = names_frame({"杭州市", "Ningbo", "Taizhou (Zhejiang)", "Wenzhou", "Atlantis"});
  RegionOptions o;
  o.unit = "unit";
  o.scheme = "file";
  o.scheme_file = scratch.write("zones_scheme.csv", "unit,region\nHangzhou,Bay\n宁波市,Bay\n台州市,South\n");
  auto r = add_regions(f, o);
  EXPECT_EQ(r.column, "region");
  EXPECT_EQ(r.counts, (std::map<std::string, size_t>{{"Bay", 2}, {"South", 1}}));
  EXPECT_EQ(f.get("region").text(2), "South");
  EXPECT_TRUE(f.get("region").is_missing(3));
  EXPECT_EQ(r.unmatched, (std::vector<std::string>{"Atlantis", "Wenzhou"}));
}

TEST(Regions, SchemeFileAndColumnErrorsNameTheProblem) {
  const cbec::testing::ScratchFolder scratch;
  Frame f = names_frame({"Hangzhou"});
  RegionOptions o;
  o.unit = "unit";
  o.scheme = "file";
  EXPECT_THROW(add_regions(f, o), SpecError);   // no file
  o.scheme_file = scratch.write("zones_scheme_bad.csv", "city,region\nHangzhou,Bay\n");
  try {
    add_regions(f, o);
    FAIL();
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("'unit' is missing"), std::string::npos) << e.what();
  }
  o.scheme_file = scratch.write("zones_scheme_twice.csv", "unit,region\nHangzhou,Bay\n杭州市,South\n");
  try {
    add_regions(f, o);
    FAIL();
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("(line 2) and 'South' (line 3)"), std::string::npos) << e.what();
  }
  o.scheme_file = scratch.write("zones_scheme_amb.csv", "unit,region\nSuzhou,East\n");
  EXPECT_THROW(add_regions(f, o), DataError);
  RegionOptions seven;
  seven.unit = "unit";
  seven.scheme = "seven";
  seven.scheme_file = "x.csv";
  EXPECT_THROW(add_regions(f, seven), SpecError);   // a scheme file with another scheme
  seven.scheme_file.clear();
  add_regions(f, seven);
  try {
    add_regions(f, seven);   // the column exists now
    FAIL();
  } catch (const SpecError& e) {
    EXPECT_NE(std::string(e.what()).find("already has a column 'seven'"), std::string::npos) << e.what();
  }
}
