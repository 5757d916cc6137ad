// The report page: one self-contained HTML file (no network, inline style) with the data summary,
// every table, every dropped observation and warning, and the provenance (version, checksums, seed).
#pragma once
#include <string>

namespace cbec {

struct StudyReport;
std::string study_report_html(const StudyReport& report);

}  // namespace cbec
