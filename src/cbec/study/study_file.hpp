// A study file (TOML): the data, the panel and an ordered list of analyses. Everything is
// validated before anything runs; all problems are reported together, each with its line and
// column in the file.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cbec/analysis/options.hpp"
#include "cbec/io/csv_reader.hpp"

namespace cbec {

struct Analysis;

struct AnalysisSpec {
  std::string type;                       // an analysis of the registry (analysis/registry.hpp)
  std::string title;
  const Analysis* analysis = nullptr;     // the registered analysis (never null after read_study), with its validated options
  Options options;
  std::string where;                      // "study.toml line 12" for messages
};

// A further table joined onto the data by key columns (left join; see frame/join.hpp).
struct JoinSpec {
  std::string path;                       // resolved
  std::vector<std::string> by;
};

// Where the units are on the map: polygons and the contiguity weights built from them.
struct SpatialSpec {
  std::string polygons;                   // resolved path (CSV with WKT, or any GDAL vector file)
  std::string id = "city_cn";             // the polygons' id field
  std::string dissolve;                   // a field to merge polygons by (e.g. province_cn: cities into provinces)
  std::string key;                        // the data column holding those ids (default: the panel unit)
  std::string contiguity = "queen";       // queen | rook
  std::string transform = "R";            // B binary, R row-standardized, S variance-stabilizing
  std::string edits;                      // link edits (CSV a,b,action), resolved path
  double snap = 0;
};

struct StudySpec {
  std::string path, dir;                  // the study file and its folder
  std::string title = "cbec study", note, output = "report", truth;
  uint64_t seed = 12345;
  std::string data, unit, time, first_treat;
  CsvOptions csv;                         // [data] delimiter, encoding, thousands, percent (also for joins)
  std::vector<JoinSpec> joins;            // [[data.join]], applied in order
  std::vector<AnalysisSpec> analyses;
  std::optional<SpatialSpec> spatial;
};

// Parses and validates; throws a DataError listing every problem with its place in the file.
StudySpec read_study(const std::string& path);

// Checks that every variable the analyses name exists in the data (after reading it).
std::vector<std::string> missing_columns(const StudySpec& study, const std::vector<std::string>& columns);

}  // namespace cbec
