// cbec spatial: global Moran's I and Geary's C (by year for a panel), local Moran (LISA) clusters
// and Getis-Ord Gi / Gi* hot spots, from a data file and a weights file (see read_weights).
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <algorithm>
#include <map>

#include "cbec/core/error.hpp"
#include "cbec/estimate/spatial/autocorrelation.hpp"
#include "cbec/estimate/spatial/classify.hpp"
#include "cbec/io/read_table.hpp"
#include "cbec/io/weights_io.hpp"
#include "cbec/report/spatial_tables.hpp"
#include "commands.hpp"
#include "output.hpp"

namespace cbec::cli {

void add_spatial(CLI::App& app) {
  struct Opts {
    std::string stat = "moran", data, weights, id, var, time, transform = "R", adjust, method = "fisher";
    int classes = 5;
    size_t permutations = 999;
    uint64_t seed = 12345;
    double alpha = 0.05;
    int threads = 0;
    OutputOptions out;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand("spatial", "Spatial statistics: moran, geary, lisa, gi, gistar; classify (map classes)");
  cmd->add_option("stat", o->stat, "moran | geary | generalg | lisa | gi | gistar | classify")->required();
  cmd->add_option("data", o->data, "Data file (.csv, .dta)")->required();
  cmd->add_option("--w", o->weights, "Weights file (.gal, .gwt, .csv edge list from,to[,weight] or .matrix.csv dense matrix)");
  cmd->add_option("--method", o->method, "classify: fisher | quantile | equal | sd");
  cmd->add_option("--classes", o->classes, "classify: number of classes (default 5)");
  cmd->add_option("--id", o->id, "Unit id column matching the weights")->required();
  cmd->add_option("--var", o->var, "Variable")->required();
  cmd->add_option("--time", o->time, "Time column: one statistic per period (panel)");
  cmd->add_option("--transform", o->transform, "R (row-standardized, default), B (binary) or S (variance-stabilizing)");
  cmd->add_option("--permutations", o->permutations, "Permutations for pseudo p-values (0: none)");
  cmd->add_option("--seed", o->seed, "Random seed");
  cmd->add_option("--alpha", o->alpha, "Significance level for LISA clusters");
  cmd->add_option("--adjust", o->adjust, "Multiple-testing adjustment of local p-values: bonferroni | fdr");
  cmd->add_option("--threads", o->threads, "Threads (default: all)");
  add_output_options(*cmd, o->out);
  cmd->callback([o] {
    if (o->transform != "R" && o->transform != "B" && o->transform != "S") throw SpecError("--transform must be R, B or S");
    Frame f = read_table(o->data);
    if (o->stat == "classify") {
      Classification c = classify(f.numeric(o->var), o->method, o->classes);
      Table t;
      t.title = fmt::format("{} classes of {} ({})", c.breaks.size() - 1, o->var, o->method);
      t.header = {"Class", "From", "To", "Units"};
      for (size_t k = 0; k + 1 < c.breaks.size(); ++k)
        t.rows.push_back({std::to_string(k + 1), fmt::format("{:.4f}", c.breaks[k]), fmt::format("{:.4f}", c.breaks[k + 1]),
                          std::to_string(std::count(c.cls.begin(), c.cls.end(), static_cast<int>(k)))});
      nlohmann::json j{{"cbec", CBEC_VERSION}, {"command", "spatial"}, {"statistic", "classify"}, {"method", c.method}, {"breaks", c.breaks}, {"class", c.cls}};
      emit({t}, j, o->out);
      return;
    }
    if (o->weights.empty()) throw SpecError("this statistic needs a weights file: --w file.gal (or a .csv edge list)");
    SpatialWeights raw = read_weights(o->weights);
    const Column& idc = f.get(o->id);
    const auto& x = f.numeric(o->var);
    // Rows per period (one period when no --time).
    std::map<std::string, std::vector<size_t>> periods;
    for (size_t i = 0; i < f.nrows(); ++i) periods[o->time.empty() ? "" : f.get(o->time).text(i)].push_back(i);
    nlohmann::json j{{"cbec", CBEC_VERSION}, {"command", "spatial"}, {"statistic", o->stat}, {"weights", raw.construction},
                     {"transform", o->transform}, {"results", nlohmann::json::array()}};
    Table global;
    global.title = fmt::format("{} of {} ({} weights)", o->stat == "geary" ? "Geary's C" : o->stat == "generalg" ? "Getis-Ord General G" : "Moran's I", o->var, o->transform == "R" ? "row-standardized" : o->transform == "S" ? "variance-stabilized" : "binary");
    global.header = moran_header();
    std::vector<Table> tables;
    for (const auto& [period, rows] : periods) {
      std::vector<std::string> ids;
      std::vector<double> v;
      for (size_t r : rows) {
        ids.push_back(idc.text(r));
        v.push_back(x[r]);
      }
      SpatialWeights w = align_weights(raw, ids, o->data + (period.empty() ? "" : " period " + period));
      if (o->transform == "R") w = row_standardize(w);
      if (o->transform == "S") w = variance_stabilize(w);
      const std::string label = period.empty() ? "all" : period;
      if (o->stat == "moran") {
        MoranResult m = moran(v, w, o->permutations, o->seed, o->threads);
        global.rows.push_back(moran_row(label, m));
        auto r = to_json(m);
        r["period"] = label;
        j["results"].push_back(r);
      } else if (o->stat == "geary") {
        GearyResult g = geary(v, w, o->permutations, o->seed, o->threads);
        global.rows.push_back({label, fmt::format("{:.4f}", g.C), "1", fmt::format("{:.3f}", g.z_rand), fmt::format("{:.4f}", g.p_rand),
                               fmt::format("{:.3f}", g.z_norm), fmt::format("{:.4f}", g.p_norm), g.permutations ? fmt::format("{:.4f}", g.p_sim) : ""});
        auto r = to_json(g);
        r["period"] = label;
        j["results"].push_back(r);
      } else if (o->stat == "generalg") {
        GeneralGResult g = general_g(v, w);
        global.rows.push_back({label, fmt::format("{:.6f}", g.G), fmt::format("{:.6f}", g.EG), fmt::format("{:.3f}", g.z), fmt::format("{:.4f}", g.p), "", "", ""});
        j["results"].push_back({{"period", label}, {"G", g.G}, {"EG", g.EG}, {"VG", g.VG}, {"z", g.z}, {"p", g.p}});
      } else if (o->stat == "lisa" || o->stat == "gi" || o->stat == "gistar") {
        Table t;
        t.title = fmt::format("{} of {}{}", o->stat == "lisa" ? "Local Moran (LISA)" : o->stat == "gi" ? "Getis-Ord Gi" : "Getis-Ord Gi*", o->var,
                              period.empty() ? "" : ", period " + period);
        nlohmann::json r{{"period", label}};
        if (o->stat == "lisa") {
          LocalMoranResult l = local_moran(v, w, o->permutations, o->seed, o->alpha, o->threads);
          const auto& p = l.p_sim.empty() ? l.p : l.p_sim;
          std::vector<double> padj = o->adjust.empty() ? p : adjust_p(p, o->adjust);
          t.header = {"Unit", "Ii", "z", "p", o->permutations ? "p (permutation)" : "", o->adjust.empty() ? "" : "p adjusted", "Quadrant", "Cluster"};
          for (size_t i = 0; i < ids.size(); ++i) {
            const std::string cl = lisa_cluster(l.quadrant[i], padj[i], o->alpha);
            t.rows.push_back({ids[i], fmt::format("{:.4f}", l.Is[i]), fmt::format("{:.3f}", l.z[i]), fmt::format("{:.4f}", l.p[i]),
                              l.p_sim.empty() ? "" : fmt::format("{:.4f}", l.p_sim[i]), o->adjust.empty() ? "" : fmt::format("{:.4f}", padj[i]),
                              l.quadrant[i], cl});
            r["units"].push_back({{"id", ids[i]}, {"Ii", l.Is[i]}, {"E", l.EIs[i]}, {"Var", l.VIs[i]}, {"z", l.z[i]}, {"p", l.p[i]},
                                  {"p_sim", l.p_sim.empty() ? nlohmann::json(nullptr) : nlohmann::json(l.p_sim[i])}, {"p_adjusted", padj[i]},
                                  {"quadrant", l.quadrant[i]}, {"cluster", cl}, {"z_value", l.z_value[i]}, {"lag", l.lag[i]}});
          }
        } else {
          GetisOrdResult g = getis_ord(v, w, o->stat == "gistar");
          std::vector<double> padj = o->adjust.empty() ? g.p : adjust_p(g.p, o->adjust);
          t.header = {"Unit", "z", "p", o->adjust.empty() ? "" : "p adjusted", "Hot/cold spot"};
          for (size_t i = 0; i < ids.size(); ++i) {
            const std::string spot = padj[i] < o->alpha ? (g.z[i] > 0 ? "hot" : "cold") : "ns";
            t.rows.push_back({ids[i], fmt::format("{:.3f}", g.z[i]), fmt::format("{:.4f}", g.p[i]), o->adjust.empty() ? "" : fmt::format("{:.4f}", padj[i]), spot});
            r["units"].push_back({{"id", ids[i]}, {"z", g.z[i]}, {"p", g.p[i]}, {"p_adjusted", padj[i]}, {"spot", spot}});
          }
        }
        tables.push_back(t);
        j["results"].push_back(r);
      } else {
        throw SpecError(fmt::format("unknown statistic '{}'; use moran, geary, generalg, lisa, gi, gistar or classify", o->stat));
      }
    }
    if (o->stat == "moran" || o->stat == "geary" || o->stat == "generalg") {
      global.notes.push_back("p-values one-sided for positive autocorrelation (spdep); permutation p = (M+1)/(R+1).");
      tables.insert(tables.begin(), global);
    }
    emit(tables, j, o->out);
  });
}

}  // namespace cbec::cli
