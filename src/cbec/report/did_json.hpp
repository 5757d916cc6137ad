// JSON of the difference-in-differences results (event study, Sun-Abraham, Callaway-Sant'Anna,
// imputation, de Chaisemartin-D'Haultfoeuille, Bacon decomposition, TWFE weights, placebo, wild
// cluster bootstrap, mediation). No "cbec"/"command" keys: the analysis layer stamps "cbec" and "analysis".
#pragma once
#include <nlohmann/json.hpp>

#include "cbec/estimate/did/bacon.hpp"
#include "cbec/estimate/did/callaway_santanna.hpp"
#include "cbec/estimate/did/did_multiplegt.hpp"
#include "cbec/estimate/did/event_study.hpp"
#include "cbec/estimate/did/imputation.hpp"
#include "cbec/estimate/did/mediation.hpp"
#include "cbec/estimate/did/placebo.hpp"
#include "cbec/estimate/did/sun_abraham.hpp"
#include "cbec/estimate/did/twfe_weights.hpp"
#include "cbec/estimate/did/wild_bootstrap.hpp"
#include "cbec/report/regression_json.hpp"

namespace cbec {

nlohmann::json to_json(const EventStudyResult& r);
nlohmann::json to_json(const SunAbrahamResult& r);
nlohmann::json to_json(const CallawaySantAnnaResult& r);
nlohmann::json to_json(const ImputationResult& r);
nlohmann::json to_json(const DidMultiplegtResult& r);
nlohmann::json to_json(const BaconResult& r);
nlohmann::json to_json(const TwfeWeightsResult& r);
nlohmann::json to_json(const PlaceboResult& r);
nlohmann::json to_json(const WildBootstrapResult& r);
nlohmann::json to_json(const MediationResult& r);

}  // namespace cbec
