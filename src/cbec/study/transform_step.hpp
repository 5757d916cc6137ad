// The study's transform step: new columns (log, lags, leads, differences, growth, interpolation,
// winsorizing, standardization) for the analyses after it, with the table of what each computed.
#pragma once
#include "cbec/frame/frame.hpp"
#include "cbec/frame/transform_specs.hpp"
#include "cbec/study/study_file.hpp"
#include "cbec/study/study_section.hpp"

namespace cbec {

TransformSpecs transform_specs_of(const StudySpec& s, const AnalysisSpec& a);
StudySection run_transform_step(const StudySpec& s, const AnalysisSpec& a, Frame& frame);

}  // namespace cbec
