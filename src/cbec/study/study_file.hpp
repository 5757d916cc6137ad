// A study file (TOML): the data, the panel and an ordered list of analyses. Everything is
// validated before anything runs; all problems are reported together, each with its line and
// column in the file.
#pragma once
#include <map>
#include <string>
#include <vector>

namespace cbec {

struct AnalysisSpec {
  std::string type;                       // describe, reg, twfe_did, event_study, placebo, wild_bootstrap, sun_abraham
  std::string title;
  std::map<std::string, std::string> text;                 // string options
  std::map<std::string, std::vector<std::string>> lists;   // string-array options
  std::map<std::string, double> numbers;                   // numeric options
  std::string where;                      // "study.toml line 12" for messages
};

struct StudySpec {
  std::string path, dir;                  // the study file and its folder
  std::string title = "cbec study", note, output = "report", truth;
  uint64_t seed = 12345;
  std::string data, unit, time, first_treat;
  std::vector<AnalysisSpec> analyses;
};

// Parses and validates; throws a DataError listing every problem with its place in the file.
StudySpec read_study(const std::string& path);

// Checks that every variable the analyses name exists in the data (after reading it).
std::vector<std::string> missing_columns(const StudySpec& study, const std::vector<std::string>& columns);

}  // namespace cbec
