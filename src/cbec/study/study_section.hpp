// One section of a study report: the tables, figures and JSON results of one analysis.
#pragma once
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "cbec/report/figures.hpp"
#include "cbec/report/table.hpp"

namespace cbec {

struct StudySection {
  std::string type, title;
  std::vector<Table> tables;
  std::vector<Figure> figures;  // names are filled in by write_report
  nlohmann::json results;
};

}  // namespace cbec
