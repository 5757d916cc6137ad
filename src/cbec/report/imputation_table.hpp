// The table of a Borusyak-Jaravel-Spiess imputation result: overall ATT and horizons, with the
// pre-trend test and the known truth of simulated data when given.
#pragma once
#include <nlohmann/json_fwd.hpp>

#include "cbec/estimate/did/imputation.hpp"
#include "cbec/report/table.hpp"

namespace cbec {

Table imputation_table(const ImputationResult& r, const nlohmann::json& truth);

}  // namespace cbec
