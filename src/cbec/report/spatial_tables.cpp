#include "cbec/report/spatial_tables.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace cbec {

const std::vector<std::string>& moran_header() {
  static const std::vector<std::string> h = {"Period", "Statistic", "Expected", "z (randomization)", "p (randomization)", "z (normality)", "p (normality)", "p (permutation)"};
  return h;
}

std::vector<std::string> moran_row(const std::string& period, const MoranResult& m) {
  return {period, fmt::format("{:.4f}", m.I), fmt::format("{:.4f}", m.EI), fmt::format("{:.3f}", m.z_rand), fmt::format("{:.4f}", m.p_rand),
          fmt::format("{:.3f}", m.z_norm), fmt::format("{:.4f}", m.p_norm), m.permutations ? fmt::format("{:.4f}", m.p_sim) : ""};
}

std::vector<std::string> geary_row(const std::string& period, const GearyResult& g) {
  return {period, fmt::format("{:.4f}", g.C), "1", fmt::format("{:.3f}", g.z_rand), fmt::format("{:.4f}", g.p_rand),
          fmt::format("{:.3f}", g.z_norm), fmt::format("{:.4f}", g.p_norm), g.permutations ? fmt::format("{:.4f}", g.p_sim) : ""};
}

const std::vector<std::string>& general_g_header() {
  static const std::vector<std::string> h = {"Period", "Statistic", "Expected", "z (randomization)", "p (randomization)"};
  return h;
}

std::vector<std::string> general_g_row(const std::string& period, const GeneralGResult& g) {
  return {period, fmt::format("{:.6f}", g.G), fmt::format("{:.6f}", g.EG), fmt::format("{:.3f}", g.z), fmt::format("{:.4f}", g.p)};
}

std::string lisa_cluster(const std::string& quadrant, double p, double alpha) { return p < alpha ? quadrant : "ns"; }

LisaClusters lisa_clusters(const LocalMoranResult& l, double alpha, const std::string& adjust) {
  const auto& p = l.p_sim.empty() ? l.p : l.p_sim;
  LisaClusters c;
  c.p_adjusted = adjust.empty() ? p : adjust_p(p, adjust);
  for (size_t i = 0; i < p.size(); ++i) c.cluster.push_back(lisa_cluster(l.quadrant[i], c.p_adjusted[i], alpha));
  return c;
}

HotSpots hot_spots(const GetisOrdResult& g, double alpha, const std::string& adjust) {
  HotSpots h;
  h.p_adjusted = adjust.empty() ? g.p : adjust_p(g.p, adjust);
  for (size_t i = 0; i < g.z.size(); ++i) {
    const double p = h.p_adjusted[i];
    const bool hot = g.z[i] > 0;
    h.spot.push_back(p < alpha ? (hot ? "hot" : "cold") : "ns");
    const char* side = hot ? "Hot spot" : "Cold spot";
    h.band.push_back(p < 0.01 ? fmt::format("{} 99%", side) : p < 0.05 ? fmt::format("{} 95%", side) : p < 0.10 ? fmt::format("{} 90%", side) : "Not significant");
  }
  return h;
}

Table lisa_table(const std::string& title, const std::vector<std::string>& ids, const LocalMoranResult& l, const LisaClusters& c,
                 const std::string& adjust) {
  Table t;
  t.title = title;
  t.header = {"Unit", "Ii", "z", "p", l.p_sim.empty() ? "" : "p (permutation)", adjust.empty() ? "" : "p adjusted", "Quadrant", "Cluster"};
  for (size_t i = 0; i < ids.size(); ++i)  // an island has no z or p: "." as Stata prints missing
    t.rows.push_back({ids[i], format_fixed(l.Is[i], 4), format_fixed(l.z[i], 3), format_fixed(l.p[i], 4), l.p_sim.empty() ? "" : format_fixed(l.p_sim[i], 4),
                      adjust.empty() ? "" : format_fixed(c.p_adjusted[i], 4), l.quadrant[i], c.cluster[i]});
  return t;
}

Table hot_spot_table(const std::string& title, const std::vector<std::string>& ids, const GetisOrdResult& g, const HotSpots& h,
                     const std::string& adjust) {
  Table t;
  t.title = title;
  t.header = {"Unit", "z", "p", adjust.empty() ? "" : "p adjusted", "Hot/cold spot", "Band"};
  for (size_t i = 0; i < ids.size(); ++i)
    t.rows.push_back({ids[i], format_fixed(g.z[i], 3), format_fixed(g.p[i], 4), adjust.empty() ? "" : format_fixed(h.p_adjusted[i], 4),
                      h.spot[i], h.band[i]});
  return t;
}

Table classes_table(const std::string& title, const Classification& c, const std::vector<std::string>& ids) {
  Table t;
  t.title = title;
  t.header = {"Class", "From", "To", "Units"};
  for (size_t k = 0; k + 1 < c.breaks.size(); ++k) {
    std::vector<std::string> members;
    for (size_t i = 0; i < c.cls.size(); ++i)
      if (c.cls[i] == static_cast<int>(k) && i < ids.size()) members.push_back(ids[i]);
    const auto count = std::count(c.cls.begin(), c.cls.end(), static_cast<int>(k));
    t.rows.push_back({std::to_string(k + 1), fmt::format("{:.4f}", c.breaks[k]), fmt::format("{:.4f}", c.breaks[k + 1]),
                      ids.empty() ? std::to_string(count) : fmt::format("{}", fmt::join(members, ", "))});
  }
  if (!c.note.empty()) t.notes.push_back(c.note);
  return t;
}

Table weights_table(const std::string& title, const WeightsSummary& s) {
  Table t;
  t.title = title;
  t.header = {"Item", "Value"};
  t.rows = {{"Units", std::to_string(s.n)},
            {"Links", std::to_string(s.links)},
            {"Neighbours (mean, min, max)", fmt::format("{:.2f}, {:g}, {:g}", s.mean_neighbours, s.min_neighbours, s.max_neighbours)},
            {"Non-zero weights", fmt::format("{:.2f}%", s.percent_nonzero)},
            {"S0, S1, S2 (Cliff and Ord)", fmt::format("{:.6g}, {:.6g}, {:.6g}", s.S0, s.S1, s.S2)},
            {"Symmetric neighbours (j of i exactly when i of j)", s.symmetric_links ? "yes" : "no"},
            {"Symmetric weights (W = W')", s.symmetric ? "yes" : (s.symmetric_links ? "no (the transform, e.g. row standardization)" : "no")},
            {"Islands (no neighbour)", s.islands ? fmt::format("{}: {}{}", s.islands, fmt::join(s.island_ids.begin(), s.island_ids.begin() + std::min<long>(10, static_cast<long>(s.islands)), ", "),
                                                           s.islands > 10 ? ", ... (all in the JSON)" : "") : "none"}};
  if (s.islands) t.notes.push_back("Islands have no spatial lag; link them to their nearest neighbour (knn) or leave them and read their statistics with care.");
  return t;
}

MapLegend lisa_legend() { return {"LISA cluster", {"HH", "LL", "HL", "LH", "ns"}, {"#d7191c", "#2c7bb6", "#fdae61", "#abd9e9", "#f4f4f4"}}; }

MapLegend hot_spot_legend() {
  return {"Gi* hot/cold spot",
          {"Hot spot 99%", "Hot spot 95%", "Hot spot 90%", "Not significant", "Cold spot 90%", "Cold spot 95%", "Cold spot 99%"},
          {"#b2182b", "#ef8a62", "#fddbc7", "#f7f7f7", "#d1e5f0", "#67a9cf", "#2166ac"}};
}

std::vector<std::string> blues(size_t k) {
  static const std::vector<std::string> b = {"#f7fbff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b"};
  std::vector<std::string> out;
  for (size_t i = 0; i < k; ++i) out.push_back(b[k == 1 ? 4 : 1 + i * 7 / (k - 1)]);
  return out;
}

}  // namespace cbec
