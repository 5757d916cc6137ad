// Spatial weights held by Python: the weights, their summary table and JSON (as `cbec weights`).
#pragma once
#include "cbec/analysis/weights_builder.hpp"

namespace cbec::python {

using cbec::BuiltWeights;

}  // namespace cbec::python
