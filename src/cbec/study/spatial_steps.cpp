#include "cbec/study/spatial_steps.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "cbec/core/error.hpp"
#include "cbec/estimate/spatial/autocorrelation.hpp"
#include "cbec/estimate/spatial/classify.hpp"
#include "cbec/report/polygon_geojson.hpp"
#include "cbec/io/polygons_reader.hpp"
#include "cbec/io/weights_io.hpp"
#include "cbec/report/maps.hpp"
#include "cbec/report/spatial_tables.hpp"

namespace cbec {

namespace {

const std::string& key_of(const StudySpec& s) { return s.spatial->key.empty() ? s.unit : s.spatial->key; }

// The variable's values in one period, in the weights' unit order; units without a value listed.
std::vector<double> values_in(const StudySpec& s, const Frame& frame, const SpatialContext& ctx, const std::string& variable, int64_t year,
                              std::vector<std::string>& missing) {
  const Column& key = frame.get(key_of(s));
  const auto& t = frame.numeric(s.time);
  const auto& x = frame.numeric(variable);
  std::map<std::string, double> by_id;
  for (size_t i = 0; i < frame.nrows(); ++i)
    if (t[i] == static_cast<double>(year) && !key.is_missing(i) && !std::isnan(x[i])) by_id[key.text(i)] = x[i];
  std::vector<double> v;
  for (const auto& id : ctx.w.ids) {
    const auto it = by_id.find(id);
    if (it == by_id.end()) missing.push_back(id);
    v.push_back(it == by_id.end() ? std::numeric_limits<double>::quiet_NaN() : it->second);
  }
  return v;
}

std::vector<int64_t> years_of(const StudySpec& s, const Frame& frame) {
  std::set<int64_t> ys;
  for (double t : frame.numeric(s.time))
    if (!std::isnan(t)) ys.insert(static_cast<int64_t>(t));
  return {ys.begin(), ys.end()};
}

// The period a local statistic or map uses: the analysis's `year`, else the last one.
int64_t chosen_year(const StudySpec& s, const AnalysisSpec& a, const Frame& frame) {
  const auto ys = years_of(s, frame);
  if (ys.empty()) throw DataError(fmt::format("the time column '{}' has no values", s.time));
  if (!a.numbers.count("year")) return ys.back();
  const auto y = static_cast<int64_t>(a.numbers.at("year"));
  if (!std::binary_search(ys.begin(), ys.end(), y)) throw DataError(fmt::format("there is no {} {} in the data", s.time, y));
  return y;
}

// Values of one period with every unit present, or an error naming the missing units.
std::vector<double> complete_values(const StudySpec& s, const Frame& frame, const SpatialContext& ctx, const std::string& variable, int64_t year) {
  std::vector<std::string> missing;
  auto v = values_in(s, frame, ctx, variable, year, missing);
  if (!missing.empty())
    throw DataError(fmt::format("{} has no value in {} for {} unit{}: {}; choose another year or fill the gaps", variable, year, missing.size(),
                                missing.size() == 1 ? "" : "s", fmt::join(missing, ", ")));
  return v;
}

MapLegend lisa_legend() { return {"LISA cluster", {"HH", "LL", "HL", "LH", "ns"}, {"#d7191c", "#2c7bb6", "#fdae61", "#abd9e9", "#f4f4f4"}}; }

// Gi* z-scores in bands of significance (two-sided 90%, 95%, 99%).
std::string hot_spot_band(double z) {
  const double a = std::fabs(z);
  const char* side = z > 0 ? "Hot spot" : "Cold spot";
  if (a > 2.575829) return fmt::format("{} 99%", side);
  if (a > 1.959964) return fmt::format("{} 95%", side);
  if (a > 1.644854) return fmt::format("{} 90%", side);
  return "Not significant";
}

MapLegend hot_spot_legend() {
  return {"Gi* hot/cold spot",
          {"Hot spot 99%", "Hot spot 95%", "Hot spot 90%", "Not significant", "Cold spot 90%", "Cold spot 95%", "Cold spot 99%"},
          {"#b2182b", "#ef8a62", "#fddbc7", "#f7f7f7", "#d1e5f0", "#67a9cf", "#2166ac"}};
}

// ColorBrewer Blues (9 classes), k of them spread over the range.
std::vector<std::string> blues(size_t k) {
  static const std::vector<std::string> b = {"#f7fbff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b"};
  std::vector<std::string> out;
  for (size_t i = 0; i < k; ++i) out.push_back(b[k == 1 ? 4 : 1 + i * 7 / (k - 1)]);
  return out;
}

std::map<std::string, double> value_map(const SpatialContext& ctx, const std::vector<double>& v) {
  std::map<std::string, double> m;
  for (size_t i = 0; i < v.size(); ++i) m[ctx.w.ids[i]] = v[i];
  return m;
}

std::string map_caption(const SpatialContext& ctx) {
  return fmt::format("{} Weights: {}.", kApproximateBoundaries, ctx.w.construction);
}

}  // namespace

SpatialContext build_spatial_context(const StudySpec& s, const Frame& frame) {
  const SpatialSpec& g = *s.spatial;
  Polygons all = read_polygons(g.polygons, g.dissolve.empty() ? g.id : g.dissolve);
  if (!g.dissolve.empty()) all = dissolve(all, all.ids);
  const Column& key = frame.get(key_of(s));
  std::set<std::string> wanted;
  for (size_t i = 0; i < frame.nrows(); ++i)
    if (!key.is_missing(i)) wanted.insert(key.text(i));
  Polygons mine;
  for (size_t i = 0; i < all.ids.size(); ++i)
    if (wanted.erase(all.ids[i])) {
      mine.ids.push_back(all.ids[i]);
      mine.wkt.push_back(all.wkt[i]);
    }
  if (!wanted.empty())
    throw DataError(fmt::format("{} unit{} of the data ('{}') have no polygon in {} (field '{}'): {}; set [spatial] key to the data column that holds the polygons' ids",
                                wanted.size(), wanted.size() == 1 ? "" : "s", key_of(s), g.polygons, g.dissolve.empty() ? g.id : g.dissolve, fmt::join(wanted, ", ")));
  SpatialContext ctx;
  ctx.w = contiguity_weights(mine, g.weights == "queen", g.snap);
  if (!g.edits.empty())
    for (const auto& line : apply_edits(ctx.w, read_link_edits(g.edits))) ctx.notes.push_back("Link edit: " + line);
  std::vector<std::string> islands;
  for (Eigen::Index i = 0; i < ctx.w.W.rows(); ++i)
    if (ctx.w.W.row(i).nonZeros() == 0) islands.push_back(ctx.w.ids[static_cast<size_t>(i)]);
  if (!islands.empty())
    ctx.notes.push_back(fmt::format("Island{} without neighbours (left unlinked; their spatial lag is 0): {}.", islands.size() == 1 ? "" : "s", fmt::join(islands, ", ")));
  if (g.transform == "R") ctx.w = row_standardize(ctx.w);
  if (g.transform == "S") ctx.w = variance_stabilize(ctx.w);
  ctx.w.construction += g.transform == "R" ? ", row-standardized" : g.transform == "S" ? ", variance-stabilized" : ", binary";
  ctx.features = polygons_to_geojson(mine);
  return ctx;
}

StudySection run_spatial_analysis(const StudySpec& s, const AnalysisSpec& a, const Frame& frame, const SpatialContext& ctx, int threads) {
  StudySection sec;
  sec.type = a.type;
  sec.title = a.title.empty() ? a.type : a.title;
  const std::string var = a.text.at("variable");
  const size_t perms = a.numbers.count("permutations") ? static_cast<size_t>(a.numbers.at("permutations")) : 999;
  Table t;
  t.title = sec.title;
  if (a.type == "moran") {
    t.header = moran_header();
    sec.results["years"] = nlohmann::json::array();
    const int64_t scatter_year = chosen_year(s, a, frame);
    for (int64_t y : years_of(s, frame)) {
      std::vector<std::string> missing;
      const auto v = values_in(s, frame, ctx, var, y, missing);
      if (!missing.empty()) {
        t.notes.push_back(fmt::format("{}: skipped, {} unit{} without a value ({}).", y, missing.size(), missing.size() == 1 ? "" : "s", fmt::join(missing, ", ")));
        continue;
      }
      const MoranResult m = moran(v, ctx.w, perms, s.seed, threads);
      t.rows.push_back(moran_row(std::to_string(y), m));
      auto r = to_json(m);
      r["year"] = y;
      sec.results["years"].push_back(r);
      if (y == scatter_year) {
        const LocalMoranResult l = local_moran(v, ctx.w, 0, s.seed, 0.05, threads);
        sec.figures.push_back(moran_scatter("", fmt::format("Moran scatterplot of {}, {} (I = {:.3f})", var, y, m.I), ctx.w.ids, l.z_value, l.lag, m.I));
      }
    }
    t.notes.push_back(fmt::format("Weights: {}; {} permutations; p-values one-sided for positive autocorrelation (spdep), E(I) = -1/(n-1).", ctx.w.construction, perms));
  } else if (a.type == "lisa") {
    const int64_t y = chosen_year(s, a, frame);
    const double alpha = a.numbers.count("alpha") ? a.numbers.at("alpha") : 0.05;
    const LocalMoranResult l = local_moran(complete_values(s, frame, ctx, var, y), ctx.w, perms, s.seed, alpha, threads);
    t.title = fmt::format("{} ({})", sec.title, y);
    t.header = {"Unit", "Ii", "z", "p (permutation)", "Quadrant", "Cluster"};
    std::map<std::string, std::string> cluster;
    for (size_t i = 0; i < ctx.w.ids.size(); ++i) {
      const std::string cl = lisa_cluster(l.quadrant[i], l.p_sim[i], alpha);
      cluster[ctx.w.ids[i]] = cl;
      t.rows.push_back({ctx.w.ids[i], format_fixed(l.Is[i]), format_fixed(l.z[i]), format_fixed(l.p_sim[i]), l.quadrant[i], cl});
      sec.results["units"].push_back({{"id", ctx.w.ids[i]}, {"Ii", l.Is[i]}, {"z", l.z[i]}, {"p_sim", l.p_sim[i]}, {"quadrant", l.quadrant[i]}, {"cluster", cl}});
    }
    t.notes.push_back(fmt::format("Conditional permutation pseudo p-values ({} permutations), clusters at p < {:g}; weights: {}.", perms, alpha, ctx.w.construction));
    sec.figures.push_back(choropleth(fmt::format("LISA clusters of {}, {}", var, y), ctx.features, cluster, {}, lisa_legend(), map_caption(ctx)));
  } else if (a.type == "gistar") {
    const int64_t y = chosen_year(s, a, frame);
    const auto v = complete_values(s, frame, ctx, var, y);
    const GetisOrdResult g = getis_ord(v, ctx.w, true);
    t.title = fmt::format("{} ({})", sec.title, y);
    t.header = {"Unit", "Gi* z", "p", "Hot/cold spot"};
    std::map<std::string, std::string> band;
    std::map<std::string, double> z;
    for (size_t i = 0; i < ctx.w.ids.size(); ++i) {
      band[ctx.w.ids[i]] = hot_spot_band(g.z[i]);
      z[ctx.w.ids[i]] = g.z[i];
      t.rows.push_back({ctx.w.ids[i], format_fixed(g.z[i]), format_fixed(g.p[i]), band[ctx.w.ids[i]]});
      sec.results["units"].push_back({{"id", ctx.w.ids[i]}, {"z", g.z[i]}, {"p", g.p[i]}, {"band", band[ctx.w.ids[i]]}});
    }
    t.notes.push_back("Getis-Ord Gi* (Ord and Getis 1995) as spdep::localG with the unit itself included; bands by two-sided normal p-values.");
    sec.figures.push_back(choropleth(fmt::format("Getis-Ord Gi* hot and cold spots of {}, {}", var, y), ctx.features, band, z, hot_spot_legend(), map_caption(ctx)));
  } else {  // map: classes of the variable
    const int64_t y = chosen_year(s, a, frame);
    const auto v = complete_values(s, frame, ctx, var, y);
    const std::string method = a.text.count("method") ? a.text.at("method") : "fisher";
    const int k = a.numbers.count("classes") ? static_cast<int>(a.numbers.at("classes")) : 5;
    const Classification c = classify(v, method, k);
    MapLegend legend{var};
    const size_t n_classes = c.breaks.size() - 1;
    for (size_t j = 0; j < n_classes; ++j) legend.categories.push_back(fmt::format("{:.3f} - {:.3f}", c.breaks[j], c.breaks[j + 1]));
    legend.colors = blues(n_classes);
    std::map<std::string, std::string> cls;
    t.title = fmt::format("{} ({}, {} classes, {})", sec.title, y, n_classes, method);
    t.header = {"Class", "From", "To", "Units"};
    for (size_t j = 0; j < n_classes; ++j) {
      std::vector<std::string> members;
      for (size_t i = 0; i < v.size(); ++i)
        if (c.cls[i] == static_cast<int>(j)) members.push_back(ctx.w.ids[i]);
      t.rows.push_back({std::to_string(j + 1), format_fixed(c.breaks[j]), format_fixed(c.breaks[j + 1]), fmt::format("{}", fmt::join(members, ", "))});
    }
    for (size_t i = 0; i < v.size(); ++i) cls[ctx.w.ids[i]] = legend.categories[static_cast<size_t>(c.cls[i])];
    sec.results = {{"year", y}, {"method", c.method}, {"breaks", c.breaks}, {"class", c.cls}, {"ids", ctx.w.ids}};
    sec.figures.push_back(choropleth(fmt::format("{} of {}, {}", method == "fisher" || method == "jenks" ? "Natural breaks" : "Classes", var, y), ctx.features, cls,
                                     value_map(ctx, v), legend, map_caption(ctx)));
  }
  for (const auto& n : ctx.notes) t.notes.push_back(n);
  sec.tables.push_back(t);
  return sec;
}

}  // namespace cbec
