// Transforms named in the command line's and the study file's short syntax, applied to a frame:
// log x -> log_x; lag/lead/diff x[:k] -> l<k>_x / f<k>_x / d<k>_x; growth x -> g_x;
// interpolate x -> i_x; winsor x:lower:upper[:by=g] -> w_x; std x:z|minmax|minmax_neg[:by=g] ->
// z_x / mm_x. Each new column comes with its report (computed, missing input, not computable,
// changed); see transforms.hpp for the formulas.
#pragma once
#include <string>
#include <vector>

#include "cbec/frame/frame.hpp"
#include "cbec/frame/transforms.hpp"

namespace cbec {

struct TransformSpecs {
  std::vector<std::string> log, lag, lead, diff, growth, interpolate, winsor, std;
  bool extrapolate = false;     // interpolate also extrapolates linearly
  std::string unit, time;       // the panel, for lags, differences, growth and interpolation
};

// The columns the specs read (the variable before any ':'), and the names of the columns they
// create, in the order apply_transforms adds them.
std::vector<std::string> transform_inputs(const TransformSpecs& specs);
std::vector<std::string> transform_outputs(const TransformSpecs& specs);

std::vector<TransformReport> apply_transforms(Frame& frame, const TransformSpecs& specs);

}  // namespace cbec
