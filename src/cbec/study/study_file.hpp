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
  std::string id;                         // id = "m1": how a [[table]] names the step
  const Analysis* analysis = nullptr;     // the registered analysis (never null after read_study), with its validated options
  Options options;
  std::string where;                      // "study.toml line 12" for messages
  // Spatial steps: the named weights (w = "W1"; empty: [spatial], or the only [weights.<name>])
  // and their transform for this step (empty: the weights' own transform).
  std::string weights, transform;
};

// [[table]]: the regression models of several steps (by id) side by side in one table, stepwise
// columns (1)...(k), with the table options every regression analysis takes (keep, drop, order,
// indicate, coefstat, stats, labels, numbers) and names.
struct TableSpec {
  std::string title, where;
  std::vector<std::string> steps;         // step ids, in column order
  Options options;
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

// A named weights matrix, [weights.<name>] (any number of them; a spatial step picks one with
// w = "<name>"): contiguity (queen, rook) from polygons with link edits; k nearest neighbours,
// inverse distance 1/d^power or a distance band on points or on the polygons' centroids
// (great-circle distance for lon/lat); or a weights file (.gal, .gwt, .csv edge list, .matrix.csv).
struct WeightsSpec {
  std::string name, where;
  std::string type = "queen";             // queen | rook | knn | idw | band | file
  std::string polygons, id = "city_cn", dissolve, edits;   // polygons (resolved paths) and their id field
  std::string points, x = "lon", y = "lat";                // points CSV (resolved) with id, x, y columns
  std::string file;                       // weights file (resolved)
  std::string key;                        // the data column holding the units' ids (default: the panel unit)
  std::string transform = "R";            // B, R or S: the default of the steps using these weights
  bool projected = false;                 // x, y projected (Euclidean distance), not lon/lat (great-circle)
  bool ellipsoid = false;                 // lon/lat distances on the WGS-84 ellipsoid (spdep), not the sphere
  int k = 4;
  double power = 1, threshold = 0, snap = 0;
};

struct StudySpec {
  std::string path, dir;                  // the study file and its folder
  std::string title = "cbec study", note, output = "report", truth;
  uint64_t seed = 12345;
  std::string data, unit, time, first_treat;
  CsvOptions csv;                         // [data] delimiter, encoding, thousands, percent, cache (also for joins)
  std::vector<JoinSpec> joins;            // [[data.join]], applied in order
  std::vector<AnalysisSpec> analyses;
  std::vector<TableSpec> tables;          // [[table]], built after the steps
  std::map<std::string, std::string> labels;   // [labels]: variable or term name = "label", for every table
  std::optional<SpatialSpec> spatial;     // the default weights of spatial steps
  std::vector<WeightsSpec> weights;       // [weights.<name>], in the file's order
};

// Parses and validates; throws a DataError listing every problem with its place in the file.
StudySpec read_study(const std::string& path);

// Checks that every variable the analyses name exists in the data (after reading it).
std::vector<std::string> missing_columns(const StudySpec& study, const std::vector<std::string>& columns);

}  // namespace cbec
