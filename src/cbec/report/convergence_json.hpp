// The JSON of the convergence results (sigma, beta, Phillips-Sul clubs). The analysis layer adds
// "cbec" and "analysis".
#pragma once
#include <nlohmann/json.hpp>

#include "cbec/estimate/convergence/club_convergence.hpp"
#include "cbec/estimate/convergence/convergence.hpp"

namespace cbec {

nlohmann::json to_json(const SigmaResult& r);
nlohmann::json to_json(const BetaResult& r);
nlohmann::json to_json(const LogTTest& t);
nlohmann::json to_json(const ClubResult& r);

}  // namespace cbec
