// Region groupings of Chinese provinces and cities (data/china_provinces.csv,
// data/china_region_cities.csv):
//   three-belt   East (11, incl. Liaoning) / Central (8) / West (12): the NBS three-belt split;
//   four-region  East (10) / Central (6) / West (12) / Northeast (3): NBS regional division (2011);
//   seven        North China, Northeast, East China, Central China, South China, Southwest,
//                Northwest (华北, 东北, 华东, 华中, 华南, 西南, 西北; Jiangxi in Central China);
//   seven-east-jiangxi  the same seven with Jiangxi in East China (the traditional 华东 of Shanghai,
//                Jiangsu, Zhejiang, Anhui, Fujian, Jiangxi, Shandong; Central China = Henan, Hubei, Hunan);
//   file         a user's scheme: a CSV with the columns unit and region (names in Chinese or English,
//                or any ids), `scheme_file`;
//   zhejiang     Zhejiang's Northeast (Hangzhou, Ningbo, Jiaxing, Huzhou, Shaoxing, Zhoushan) and
//                Southwest (Wenzhou, Jinhua, Quzhou, Taizhou, Lishui); cities only;
//   yrd          the 41 cities of the Yangtze River Delta (Shanghai, Jiangsu 13, Zhejiang 11,
//                Anhui 16; State Council 2019 integration plan); cities only.
// Province schemes apply to cities through their province. Units known but outside a city scheme
// (a Jiangxi city under yrd) get a missing region; names not known are reported as unmatched.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "cbec/frame/frame.hpp"

namespace cbec {

struct RegionOptions {
  std::string unit;                 // name column (Chinese or English)
  std::string level = "city";       // city or province
  std::string scheme = "three-belt";
  std::string scheme_file;          // the CSV of scheme "file"
  std::string column;               // output column; default: region_column(scheme)
};

// The default name of a scheme's column: the scheme with _ for - (three_belt, seven_east_jiangxi;
// "region" for a file). They differ from the builtin table's region3/region4/region7, so a study
// may join builtin:china_provinces and add a scheme's column too.
std::string region_column(const std::string& scheme);

// The region of each province (keys: name_key of the Chinese name) in a province scheme
// (three-belt, four-region, seven, seven-east-jiangxi); a SpecError for any other scheme.
std::map<std::string, std::string> province_regions(const std::string& scheme);

struct RegionReport {
  std::string scheme, level, column;
  size_t units = 0;
  std::map<std::string, size_t> counts;   // units per region
  std::vector<std::string> outside;        // known units outside the scheme (missing region)
  std::vector<std::string> unmatched;      // names matching no known city or province
  std::vector<std::string> ambiguous;      // English names of two places (Taizhou, Suzhou)
};

// Adds the region column to the frame; a column of that name already in the data is an error.
RegionReport add_regions(Frame& frame, const RegionOptions& options);

}  // namespace cbec
