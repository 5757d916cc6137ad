// A study's data as its run reads it: the [data] file, its [[join]]s, the columns its steps name
// (missing_columns) and the declared panel (a text time column or a unit twice in a period is
// refused here). `cbec run --check` reads it too, so "valid" speaks of the data as well as the file.
#pragma once
#include <string>
#include <vector>

#include "cbec/frame/frame.hpp"
#include "cbec/frame/join.hpp"
#include "cbec/frame/panel.hpp"
#include "cbec/study/study_file.hpp"

namespace cbec {

struct StudyData {
  Frame frame;
  std::vector<JoinReport> joins;
  std::vector<std::string> input_notes;   // what the readers said of the data and the joined files
  Panel panel;
};

StudyData read_study_data(const StudySpec& study);

}  // namespace cbec
