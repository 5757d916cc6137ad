// JSON of the spatial statistics (no "cbec"/"command" keys: the analysis layer stamps those).
#pragma once
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "cbec/estimate/spatial/autocorrelation.hpp"
#include "cbec/estimate/spatial/classify.hpp"
#include "cbec/estimate/spatial/distance_weights.hpp"
#include "cbec/report/spatial_tables.hpp"

namespace cbec {

nlohmann::json to_json(const MoranResult& r);
nlohmann::json to_json(const GearyResult& r);
nlohmann::json to_json(const GeneralGResult& r);
nlohmann::json to_json(const WeightsSummary& s);
// One object per unit: id, Ii, E, Var, z, p, p_sim (null without permutations), p_adjusted,
// quadrant, cluster, z_value, lag.
nlohmann::json lisa_units_json(const std::vector<std::string>& ids, const LocalMoranResult& l, const LisaClusters& c);
// One object per unit: id, z, p, p_adjusted, spot (hot|cold|ns at alpha), band (significance band).
nlohmann::json hot_spot_units_json(const std::vector<std::string>& ids, const GetisOrdResult& g, const HotSpots& h);

}  // namespace cbec
