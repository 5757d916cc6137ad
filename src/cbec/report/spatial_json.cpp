#include "cbec/report/spatial_json.hpp"

namespace cbec {

nlohmann::json to_json(const MoranResult& r) {
  return {{"n", r.n}, {"I", r.I}, {"EI", r.EI}, {"VI_norm", r.VI_norm}, {"z_norm", r.z_norm}, {"p_norm", r.p_norm},
          {"VI_rand", r.VI_rand}, {"z_rand", r.z_rand}, {"p_rand", r.p_rand}, {"alternative", alternative_name(r.alternative)},
          {"permutations", r.permutations}, {"p_sim", r.permutations ? nlohmann::json(r.p_sim) : nlohmann::json(nullptr)},
          {"EI_sim", r.permutations ? nlohmann::json(r.EI_sim) : nlohmann::json(nullptr)},
          {"seI_sim", r.permutations ? nlohmann::json(r.seI_sim) : nlohmann::json(nullptr)}};
}

nlohmann::json to_json(const GearyResult& r) {
  return {{"C", r.C}, {"EC", r.EC}, {"VC_norm", r.VC_norm}, {"z_norm", r.z_norm}, {"p_norm", r.p_norm}, {"VC_rand", r.VC_rand},
          {"z_rand", r.z_rand}, {"p_rand", r.p_rand}, {"permutations", r.permutations},
          {"p_sim", r.permutations ? nlohmann::json(r.p_sim) : nlohmann::json(nullptr)}};
}

nlohmann::json to_json(const GeneralGResult& g) { return {{"G", g.G}, {"EG", g.EG}, {"VG", g.VG}, {"z", g.z}, {"p", g.p}}; }

nlohmann::json to_json(const WeightsSummary& s) {
  return {{"n", s.n}, {"links", s.links}, {"mean_neighbours", s.mean_neighbours}, {"min_neighbours", s.min_neighbours},
          {"max_neighbours", s.max_neighbours}, {"percent_nonzero", s.percent_nonzero}, {"symmetric", s.symmetric}, {"symmetric_links", s.symmetric_links}, {"islands", s.island_ids},
          {"S0", s.S0}, {"S1", s.S1}, {"S2", s.S2}};
}

nlohmann::json lisa_units_json(const std::vector<std::string>& ids, const LocalMoranResult& l, const LisaClusters& c) {
  nlohmann::json units = nlohmann::json::array();
  for (size_t i = 0; i < ids.size(); ++i)
    units.push_back({{"id", ids[i]}, {"Ii", l.Is[i]}, {"E", l.EIs[i]}, {"Var", l.VIs[i]}, {"z", l.z[i]}, {"p", l.p[i]},
                     {"p_sim", l.p_sim.empty() ? nlohmann::json(nullptr) : nlohmann::json(l.p_sim[i])}, {"p_adjusted", c.p_adjusted[i]},
                     {"quadrant", l.quadrant[i]}, {"cluster", c.cluster[i]}, {"z_value", l.z_value[i]}, {"lag", l.lag[i]}});
  return units;
}

nlohmann::json hot_spot_units_json(const std::vector<std::string>& ids, const GetisOrdResult& g, const HotSpots& h) {
  nlohmann::json units = nlohmann::json::array();
  for (size_t i = 0; i < ids.size(); ++i)
    units.push_back({{"id", ids[i]}, {"z", g.z[i]}, {"p", g.p[i]}, {"p_adjusted", h.p_adjusted[i]}, {"spot", h.spot[i]}, {"band", h.band[i]}});
  return units;
}

}  // namespace cbec
