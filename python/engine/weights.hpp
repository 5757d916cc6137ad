// Spatial weights held by Python: the weights, their summary table and JSON (as `cbec weights`).
#pragma once
#include <nlohmann/json.hpp>

#include "cbec/frame/spatial_weights.hpp"
#include "cbec/report/table.hpp"

namespace cbec::python {

struct BuiltWeights {
  SpatialWeights w;
  Table table;
  nlohmann::json json;
};

}  // namespace cbec::python
