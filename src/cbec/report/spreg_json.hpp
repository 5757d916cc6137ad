// JSON of the spatial regression models (cbec spreg): each model's RegressionResult with its
// model name, and the weights and sample they were fitted on.
#pragma once
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "cbec/estimate/result.hpp"

namespace cbec {

struct SpregSample {
  std::string period;                  // the period of the time column, "all" without one
  std::string weights;                 // construction of the weights
  std::string transform;               // R, B or S
  size_t n = 0;
  std::vector<std::string> dropped;    // units without a complete row, left out of the weights
};

nlohmann::json spreg_json(const std::vector<RegressionResult>& models, const SpregSample& sample);

}  // namespace cbec
