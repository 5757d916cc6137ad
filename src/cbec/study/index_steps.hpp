// The study's composite-index steps: the entropy-weight index (pooled, per year or time-varying),
// which adds its score as a new column for the analyses after it, and VIF screening.
#pragma once
#include "cbec/frame/frame.hpp"
#include "cbec/study/study_file.hpp"
#include "cbec/study/study_section.hpp"

namespace cbec {

StudySection run_index_analysis(const StudySpec& s, const AnalysisSpec& a, Frame& frame);

}  // namespace cbec
