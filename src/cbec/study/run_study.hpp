// Runs a validated study: reads the data once, runs every analysis in order and collects their
// tables and JSON results; `write_report` writes the report folder (index.html, results.json,
// tables in Markdown, LaTeX, CSV and one Excel workbook, figures as Vega-Lite, SVG and PNG).
#pragma once
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "cbec/report/figures.hpp"
#include "cbec/report/table.hpp"
#include "cbec/study/study_file.hpp"
#include "cbec/study/study_section.hpp"

namespace cbec {

struct StudyReport {
  StudySpec spec;
  Table data_summary;
  std::vector<StudySection> sections;
  nlohmann::json provenance;   // cbec version, input checksums, seed
  nlohmann::json truth;        // known true effects (simulated data), or null
  std::vector<std::string> warnings;  // about the report itself (e.g. figures not rendered)
  size_t reused = 0;                  // steps taken from the cache
};

// cache_folder: reuse the results of steps whose inputs are unchanged (step_cache.hpp); "" = none.
StudyReport run_study(const StudySpec& study, int threads = 0, const std::string& cache_folder = "");
// Writes the folder; returns warnings (e.g. SVG/PNG figures could not be rendered).
std::vector<std::string> write_report(StudyReport& report, const std::string& folder);

}  // namespace cbec
