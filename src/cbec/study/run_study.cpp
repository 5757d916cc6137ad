#include "cbec/study/run_study.hpp"

#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <optional>

#include "cbec/core/error.hpp"
#include "cbec/core/progress.hpp"
#include "cbec/estimate/convergence/convergence.hpp"
#include "cbec/estimate/describe/summarize.hpp"
#include "cbec/estimate/did/bacon.hpp"
#include "cbec/estimate/did/callaway_santanna.hpp"
#include "cbec/estimate/did/event_study.hpp"
#include "cbec/estimate/did/imputation.hpp"
#include "cbec/estimate/panel/threshold.hpp"
#include "cbec/estimate/did/placebo.hpp"
#include "cbec/estimate/did/sun_abraham.hpp"
#include "cbec/estimate/did/twfe_weights.hpp"
#include "cbec/estimate/did/wild_bootstrap.hpp"
#include "cbec/estimate/ols/feols.hpp"
#include "cbec/frame/panel.hpp"
#include "cbec/io/checksum.hpp"
#include "cbec/io/read_table.hpp"
#include "cbec/report/callaway_santanna_tables.hpp"
#include "cbec/report/imputation_table.hpp"
#include "cbec/report/threshold_tables.hpp"
#include "cbec/study/index_steps.hpp"
#include "cbec/study/spatial_steps.hpp"
#include "cbec/study/step_cache.hpp"
#include "cbec/study/transform_step.hpp"
#include "cbec/frame/join.hpp"
#include "cbec/report/known_truth.hpp"
#include "cbec/report/regression_table.hpp"
#include "cbec/report/web_assets.hpp"
#include "cbec/study/study_report_html.hpp"

namespace cbec {

namespace {


StaggeredSpec staggered(const StudySpec& s, const AnalysisSpec& a) {
  StaggeredSpec sp;
  sp.y = a.text.at("y");
  sp.unit = s.unit;
  sp.time = s.time;
  sp.first_treat = s.first_treat;
  if (a.lists.count("controls")) sp.controls = a.lists.at("controls");
  if (a.lists.count("fe")) sp.extra_fe = a.lists.at("fe");
  if (a.text.count("vcov")) sp.vcov = a.text.at("vcov");
  return sp;
}

Figure periods_figure(const std::string& title, const std::vector<EventPeriod>& periods, const nlohmann::json& truth) {
  std::vector<CoefficientPoint> pts;
  for (const auto& p : periods) {
    CoefficientPoint c{static_cast<double>(p.rel), p.reference ? 0.0 : p.estimate, p.reference ? 0.0 : p.ci_low, p.reference ? 0.0 : p.ci_high, std::nullopt};
    c.truth = true_effect(truth, p.rel);
    pts.push_back(c);
  }
  return coefficient_plot("", title, "Periods relative to treatment", pts);
}

Table periods_table(const std::string& title, const std::vector<EventPeriod>& periods, const nlohmann::json& truth) {
  Table t;
  t.title = title;
  t.header = {"Relative period", "Estimate", "Std. error", "95% CI", "p-value", "Treated obs."};
  if (!truth.is_null()) t.header.push_back("True effect (simulated)");
  for (const auto& p : periods) {
    std::vector<std::string> row = {fmt::format("{}{}", p.rel, p.reference ? " (reference)" : p.binned ? " (binned)" : "")};
    if (p.reference) row.insert(row.end(), {"0", "", "", "", std::to_string(p.n_treated_obs)});
    else row.insert(row.end(), {format_fixed(p.estimate), format_fixed(p.se), fmt::format("[{}, {}]", format_fixed(p.ci_low), format_fixed(p.ci_high)), format_fixed(p.p_value), std::to_string(p.n_treated_obs)});
    if (!truth.is_null()) row.push_back(true_effect_cell(truth, p.rel));
    t.rows.push_back(std::move(row));
  }
  return t;
}

void add_truth_note(Table& t, const nlohmann::json& truth) {
  if (!truth.is_null() && truth.contains("att"))
    t.notes.push_back(fmt::format("Known true ATT of the simulated data: {} (average over treated observations).", format_fixed(truth["att"].get<double>())));
}

StudySection run_analysis(const StudySpec& s, const AnalysisSpec& a, const Frame& frame, const nlohmann::json& truth, int threads,
                          DemeanCache& cache) {
  StudySection sec;
  sec.type = a.type;
  sec.title = a.title.empty() ? a.type : a.title;
  if (a.type == "describe") {
    auto rows = summarize(frame, a.lists.count("variables") ? a.lists.at("variables") : std::vector<std::string>{},
                          a.text.count("by") ? a.text.at("by") : "");
    Table t = summary_table(rows);
    t.title = sec.title;
    sec.tables.push_back(t);
    for (const auto& r : rows)
      sec.results.push_back({{"variable", r.variable}, {"group", r.group}, {"n", r.n}, {"mean", r.mean}, {"sd", r.sd}, {"min", r.min}, {"max", r.max}});
  } else if (a.type == "reg") {
    FeolsOptions fo;
    fo.vcov = VcovSpec::parse(a.text.count("vcov") ? a.text.at("vcov") : "iid", s.time);
    fo.cache = &cache;
    DesignOptions d;
    d.panel_unit = s.unit;
    d.panel_time = s.time;
    if (a.text.count("weights")) d.weights = a.text.at("weights");
    std::vector<RegressionResult> models;
    for (const auto& f : a.lists.at("formulas")) {
      models.push_back(feols(frame, f, fo, d));
      sec.results.push_back(to_json(models.back()));
    }
    RegressionTableOptions to;
    to.title = sec.title;
    if (a.lists.count("names")) to.model_names = a.lists.at("names");
    Table t = regression_table(models, to);
    add_truth_note(t, truth);
    sec.tables.push_back(t);
  } else if (a.type == "twfe_did") {
    RegressionResult r = twfe_did(frame, staggered(s, a));
    RegressionTableOptions to;
    to.title = sec.title;
    Table t = regression_table({r}, to);
    add_truth_note(t, truth);
    const TwfeWeightsResult tw = twfe_weights(frame, staggered(s, a));
    t.notes.push_back("Diagnostic (de Chaisemartin and D'Haultfoeuille 2020): " + tw.verdict);
    sec.tables.push_back(t);
    sec.results = to_json(r);
    sec.results["twfe_weights"] = to_json(tw);
  } else if (a.type == "event_study") {
    EventStudyOptions eo;
    if (a.lists.count("window")) {
      eo.min_rel = std::stoi(a.lists.at("window")[0]);
      eo.max_rel = std::stoi(a.lists.at("window")[1]);
    }
    if (a.numbers.count("ref")) eo.ref = static_cast<int>(a.numbers.at("ref"));
    EventStudyResult es = event_study(frame, staggered(s, a), eo);
    Table t = periods_table(sec.title, es.periods, truth);
    t.notes.push_back(fmt::format("TWFE event study, N = {}, standard errors {}{}.", es.model.nobs, es.model.vcov_info.type,
                                  es.model.vcov_info.cluster.empty() ? "" : " by " + fmt::format("{}", fmt::join(es.model.vcov_info.cluster, "+"))));
    if (es.pretrend.df1 > 0)
      t.notes.push_back(fmt::format("Pre-trend test (all leads = 0): F({:g}, {:g}) = {:.3f}, p = {:.4f}.", es.pretrend.df1, es.pretrend.df2, es.pretrend.stat, es.pretrend.p_value));
    sec.tables.push_back(t);
    sec.figures.push_back(periods_figure(sec.title, es.periods, truth));
    sec.results = to_json(es);
  } else if (a.type == "sun_abraham") {
    SunAbrahamResult sa = sun_abraham(frame, staggered(s, a));
    Table t = periods_table(sec.title, sa.periods, truth);
    t.notes.push_back(fmt::format("Sun-Abraham interaction-weighted estimates; controls: {}. ATT (periods >= 0) = {} (SE {}).", sa.control_cohort, format_fixed(sa.att), format_fixed(sa.att_se)));
    add_truth_note(t, truth);
    sec.tables.push_back(t);
    sec.figures.push_back(periods_figure(sec.title, sa.periods, truth));
    sec.results = to_json(sa);
  } else if (a.type == "callaway_santanna") {
    CallawaySantAnnaOptions co;
    co.seed = s.seed;
    co.threads = threads;
    if (a.text.count("control_group")) co.control_group = a.text.at("control_group");
    if (a.text.count("method")) co.method = a.text.at("method");
    if (a.text.count("base_period")) co.base_period = a.text.at("base_period");
    if (a.text.count("cluster")) co.cluster = a.text.at("cluster");
    if (a.numbers.count("anticipation")) co.anticipation = static_cast<int>(a.numbers.at("anticipation"));
    if (a.numbers.count("draws")) co.draws = static_cast<size_t>(a.numbers.at("draws"));
    CallawaySantAnnaResult r = callaway_santanna(frame, staggered(s, a), co);
    Table dyn = cs_dynamic_table(r, truth);
    dyn.title = sec.title;
    add_truth_note(dyn, truth);
    sec.tables = {dyn, cs_summary_table(r), cs_group_time_table(r)};
    std::vector<CoefficientPoint> pts;
    for (const auto& e : r.dynamic.effects)
      pts.push_back({e.key, e.att, e.ci_low, e.ci_high, true_effect(truth, e.key)});
    sec.figures.push_back(coefficient_plot("", sec.title, "Periods since treatment", pts));
    sec.results = to_json(r);
  } else if (a.type == "imputation") {
    ImputationOptions io;
    if (a.text.count("cluster")) io.cluster = a.text.at("cluster");
    if (a.numbers.count("leads")) io.pretrend_leads = static_cast<int>(a.numbers.at("leads"));
    ImputationResult r = imputation_did(frame, staggered(s, a), io);
    Table t = imputation_table(r, truth);
    t.title = sec.title;
    sec.tables.push_back(t);
    std::vector<CoefficientPoint> pts;
    for (const auto& e : r.effects)
      if (e.horizon >= 0) pts.push_back({e.horizon, e.att, e.ci_low, e.ci_high, true_effect(truth, e.horizon)});
    if (!pts.empty()) sec.figures.push_back(coefficient_plot("", sec.title, "Periods since treatment", pts));
    sec.results = to_json(r);
  } else if (a.type == "threshold") {
    ThresholdSpec ts;
    ts.y = a.text.at("y");
    ts.threshold = a.text.at("threshold");
    ts.regime_dependent = a.lists.at("regime");
    if (a.lists.count("x")) ts.regressors = a.lists.at("x");
    ts.unit = s.unit;
    ts.time = s.time;
    ts.seed = s.seed;
    ts.threads = threads;
    if (a.numbers.count("thresholds")) ts.max_thresholds = static_cast<int>(a.numbers.at("thresholds"));
    if (a.numbers.count("draws")) ts.draws.assign(3, static_cast<size_t>(a.numbers.at("draws")));
    if (a.numbers.count("trim")) ts.trim.assign(3, a.numbers.at("trim"));
    const ThresholdResult r = panel_threshold(frame, ts);
    Table tests = threshold_test_table(r);
    tests.title = sec.title;
    sec.tables = {tests, threshold_coefficient_table(r)};
    std::vector<LinePoint> curve;
    for (const auto& st : r.steps)
      for (size_t k = 0; k < st.grid.size(); ++k) curve.push_back({st.grid[k], st.lr[k], fmt::format("threshold {}", st.k)});
    sec.figures.push_back(line_chart("", fmt::format("LR statistic by candidate threshold of {} (region: LR <= {:.2f})", ts.threshold, r.lr_critical),
                                     ts.threshold, "LR", curve));
    sec.results = to_json(r);
  } else if (a.type == "bacon") {
    BaconResult b = bacon_decomposition(frame, staggered(s, a));
    Table t;
    t.title = sec.title;
    t.header = {"Comparison", "Weight", "Weighted average 2x2 estimate"};
    for (const auto& [type, wt] : b.by_type) t.rows.push_back({type, format_fixed(wt.first), format_fixed(wt.second)});
    t.rows.push_back({"TWFE estimate", "1", format_fixed(b.twfe)});
    t.rules_before.push_back(t.rows.size() - 1);
    for (const auto& w : b.warnings) t.notes.push_back("Warning: " + w);
    add_truth_note(t, truth);
    sec.tables.push_back(t);
    sec.results = to_json(b);
  } else if (a.type == "sigma_convergence" || a.type == "beta_convergence") {
    ConvergenceSpec cs;
    cs.variable = a.text.at("variable");
    cs.unit = s.unit;
    cs.time = s.time;
    if (a.text.count("group")) cs.group = a.text.at("group");
    if (a.lists.count("controls")) cs.controls = a.lists.at("controls");
    cs.vcov = VcovSpec::parse(a.text.count("vcov") ? a.text.at("vcov") : "cluster:" + s.unit, s.time);
    if (a.type == "sigma_convergence") {
      std::vector<LinePoint> sd_points;
      for (const auto& r : sigma_convergence(frame, cs)) {
        for (const auto& row : r.rows) sd_points.push_back({static_cast<double>(row.year), row.sd, r.group.empty() ? "all" : r.group});
        Table t;
        t.title = sec.title + (r.group.empty() ? "" : " (" + r.group + ")");
        t.header = {"Year", "N", "SD of ln " + r.variable, "CV"};
        for (const auto& row : r.rows) t.rows.push_back({std::to_string(row.year), std::to_string(row.n), format_fixed(row.sd), format_fixed(row.cv)});
        t.notes.push_back(fmt::format("Trend of the SD: {} per year (p = {}); negative = sigma convergence.", format_fixed(r.sd_slope), format_fixed(r.sd_slope_p)));
        sec.tables.push_back(t);
        sec.results.push_back(to_json(r));
      }
      sec.figures.push_back(line_chart("", sec.title, "Year", "Cross-sectional SD of ln " + cs.variable, sd_points));
    } else {
      std::vector<RegressionResult> models;
      RegressionTableOptions to;
      to.title = sec.title;
      Table t;
      std::vector<std::string> notes;
      for (const auto& r : beta_panel(frame, cs)) {
        models.push_back(r.model);
        to.model_names.push_back(r.group.empty() ? "all" : r.group);
        notes.push_back(fmt::format("{}: beta = {}, speed = {}, half-life = {} years.", r.group.empty() ? "all" : r.group, format_fixed(r.beta), format_fixed(r.speed), format_fixed(r.half_life)));
        sec.results.push_back(to_json(r));
      }
      t = regression_table(models, to);
      t.notes.insert(t.notes.end(), notes.begin(), notes.end());
      sec.tables.push_back(t);
    }
  } else if (a.type == "placebo") {
    PlaceboOptions po;
    po.seed = s.seed;
    po.threads = threads;
    if (a.numbers.count("draws")) po.draws = static_cast<size_t>(a.numbers.at("draws"));
    if (a.text.count("mode")) po.mode = a.text.at("mode");
    PlaceboResult p = placebo_did(frame, staggered(s, a), po);
    Table t;
    t.title = sec.title;
    t.header = {"Statistic", "Value"};
    t.rows = {{"Real DID estimate", format_fixed(p.estimate)}, {"Placebo draws", std::to_string(p.draws.size())},
              {"Mean (SD) of placebo estimates", fmt::format("{} ({})", format_fixed(p.mean), format_fixed(p.sd))},
              {"Randomization p-value, two-sided", format_fixed(p.p_two_sided)}, {"Reassignment", p.mode}, {"Seed", std::to_string(p.seed)}};
    sec.tables.push_back(t);
    sec.figures.push_back(placebo_histogram("", sec.title, p.draws, p.estimate));
    sec.results = to_json(p);
  } else if (a.type == "wild_bootstrap") {
    StaggeredSpec sp = staggered(s, a);
    Frame f = with_did(frame, sp);
    DesignOptions d;
    d.groups = {s.unit};
    Design des = build_design(f, parse_formula(sp.formula({"did"})), d);
    WildBootstrapOptions wo;
    wo.seed = s.seed;
    wo.threads = threads;
    if (a.numbers.count("draws")) wo.draws = static_cast<size_t>(a.numbers.at("draws"));
    if (a.text.count("weights")) wo.weight_type = a.text.at("weights");
    WildBootstrapResult w = wild_cluster_bootstrap(des, "did", s.unit, wo);
    Table t;
    t.title = sec.title;
    t.header = {"Statistic", "Value"};
    t.rows = {{"DID estimate", format_fixed(w.estimate)}, {"t (CR1)", format_fixed(w.t_stat)}, {"Bootstrap p-value", format_fixed(w.p_value)},
              {"95% CI (test inversion)", fmt::format("[{}, {}]", format_fixed(w.ci_low), format_fixed(w.ci_high))},
              {"Clusters", std::to_string(w.n_clusters)}, {"Draws", std::to_string(w.draws)}, {"Weights", w.weight_type}};
    add_truth_note(t, truth);
    sec.tables.push_back(t);
    sec.results = to_json(w);
  }
  return sec;
}

// Runs one analysis; an error names its place in the study file.
template <class Fn>
void in_context(const AnalysisSpec& a, Fn&& fn) {
  try {
    fn();
  } catch (const Error& e) {
    throw Error(fmt::format("{} ({} analysis): {}", a.where, a.type, e.what()));
  }
}

}  // namespace

StudyReport run_study(const StudySpec& s, int threads, const std::string& cache_folder) {
  StudyReport rep;
  rep.spec = s;
  Frame frame = read_table(s.data);
  std::vector<JoinReport> joins;
  for (const auto& j : s.joins) joins.push_back(left_join(frame, read_table(j.path), j.by, j.path));
  std::vector<std::string> cols;
  for (const auto& c : frame.columns()) cols.push_back(c.name);
  auto missing = missing_columns(s, cols);
  if (!missing.empty()) throw DataError(fmt::format("{} problem{}:\n  {}", missing.size(), missing.size() == 1 ? "" : "s", fmt::join(missing, "\n  ")));
  Panel panel = declare_panel(frame, s.unit, s.time);
  rep.data_summary.title = "Data";
  rep.data_summary.header = {"Item", "Value"};
  rep.data_summary.rows = {{"File", std::filesystem::path(s.data).filename().string()},
                           {"Rows", std::to_string(frame.nrows())},
                           {"Columns", std::to_string(frame.ncols())},
                           {"Panel", panel.summary()}};
  for (const auto& j : joins) {
    rep.data_summary.rows.push_back({"Joined " + std::filesystem::path(j.source).filename().string(),
                                     fmt::format("by {}: {} column{} added; {} of {} rows matched, {} rows of the joined file unused", fmt::join(j.by, ", "),
                                                 j.added.size(), j.added.size() == 1 ? "" : "s", j.matched, j.matched + j.unmatched, j.right_unused)});
    if (j.unmatched)
      rep.data_summary.notes.push_back(fmt::format("{} rows have no match in {}: its columns are missing there.", j.unmatched, j.source));
  }
  if (panel.rows_missing_id) rep.data_summary.notes.push_back(fmt::format("{} rows have a missing unit or time and are outside the panel.", panel.rows_missing_id));
  rep.provenance = {{"cbec", CBEC_VERSION}, {"seed", s.seed}, {"study_file", s.path}, {"inputs", {{s.data, sha256_file(s.data)}, {s.path, sha256_file(s.path)}}}};
  if (!s.truth.empty()) {
    std::string p = (std::filesystem::path(s.dir) / s.truth).string();
    std::ifstream in(p);
    if (!in) throw DataError(fmt::format("{}: cannot open the truth file '{}'", s.path, p));
    rep.truth = nlohmann::json::parse(in);
    rep.provenance["inputs"][p] = sha256_file(p);
  }
  for (const auto& j : s.joins) rep.provenance["inputs"][j.path] = sha256_file(j.path);
  DemeanCache cache;
  std::optional<SpatialContext> spatial;   // built on first use
  const StepCache steps(cache_folder);
  nlohmann::json joined = nlohmann::json::array();
  for (const auto& j : s.joins) joined.push_back({{"file", rep.provenance["inputs"][j.path]}, {"by", j.by}});
  nlohmann::json inputs = {{"cbec", CBEC_VERSION}, {"data", rep.provenance["inputs"][s.data]}, {"joins", joined}, {"unit", s.unit}, {"time", s.time},
                           {"first_treat", s.first_treat}, {"seed", s.seed}, {"truth", rep.truth}, {"frame_changes", nlohmann::json::array()}};
  if (s.spatial) {
    const SpatialSpec& g = *s.spatial;
    rep.provenance["inputs"][g.polygons] = sha256_file(g.polygons);
    if (!g.edits.empty()) rep.provenance["inputs"][g.edits] = sha256_file(g.edits);
    inputs["spatial"] = {{"polygons", rep.provenance["inputs"][g.polygons]}, {"id", g.id}, {"key", g.key}, {"weights", g.weights}, {"transform", g.transform},
                         {"edits", g.edits.empty() ? nlohmann::json("") : rep.provenance["inputs"][g.edits]}, {"snap", g.snap}};
  }
  for (const auto& a : s.analyses) {
    const ProgressTask task(fmt::format("[{}/{}] {}", rep.sections.size() + 1, s.analyses.size(), a.title.empty() ? a.type : a.title));
    const nlohmann::json step = {{"type", a.type}, {"title", a.title}, {"text", a.text}, {"lists", a.lists}, {"numbers", a.numbers}};
    if (a.type == "entropy" || a.type == "vif" || a.type == "transform") {   // cheap; entropy and transform add columns later steps read
      in_context(a, [&] { rep.sections.push_back(a.type == "transform" ? run_transform_step(s, a, frame) : run_index_analysis(s, a, frame)); });
      if (a.type != "vif") inputs["frame_changes"].push_back(step);
      continue;
    }
    inputs["step"] = step;
    const std::string key = step_key(inputs);
    if (!cache_folder.empty())
      if (auto hit = steps.load(key)) {
        rep.sections.push_back(std::move(*hit));
        ++rep.reused;
        continue;
      }
    in_context(a, [&] {
      if (needs_spatial(a.type)) {
        if (!spatial) spatial = build_spatial_context(s, frame);
        rep.sections.push_back(run_spatial_analysis(s, a, frame, *spatial, threads));
      } else {
        rep.sections.push_back(run_analysis(s, a, frame, rep.truth, threads, cache));
      }
    });
    if (!cache_folder.empty()) steps.store(key, rep.sections.back());
  }
  if (rep.reused > 0)
    rep.data_summary.notes.push_back(fmt::format("{} of {} steps were reused from the cache ({}): their inputs are unchanged.", rep.reused, s.analyses.size(), cache_folder));
  return rep;
}

std::vector<std::string> write_report(StudyReport& rep, const std::string& folder) {
  namespace fs = std::filesystem;
  fs::create_directories(fs::path(folder) / "tables");
  fs::create_directories(fs::path(folder) / "figures");
  size_t n_figures = 0;
  for (size_t i = 0; i < rep.sections.size(); ++i)
    for (size_t k = 0; k < rep.sections[i].figures.size(); ++k) {
      Figure& f = rep.sections[i].figures[k];
      f.name = fmt::format("{:02d}_{}{}", i + 1, rep.sections[i].type, k ? fmt::format("_{}", k + 1) : "");
      std::ofstream(fs::path(folder) / "figures" / (f.name + ".vl.json")) << f.spec.dump(1) << "\n";
      ++n_figures;
    }
  if (n_figures) {
    const std::string problem = render_figure_files((fs::path(folder) / "figures").string());
    if (!problem.empty()) rep.warnings.push_back(problem);
  }
  std::vector<Table> all = {rep.data_summary};
  nlohmann::json results = {{"cbec", CBEC_VERSION}, {"command", "run"}, {"title", rep.spec.title}, {"provenance", rep.provenance},
                            {"truth", rep.truth}, {"analyses", nlohmann::json::array()}};
  for (size_t i = 0; i < rep.sections.size(); ++i) {
    const auto& sec = rep.sections[i];
    nlohmann::json figures = nlohmann::json::array();
    for (const auto& f : sec.figures) figures.push_back("figures/" + f.name + ".vl.json");
    results["analyses"].push_back({{"type", sec.type}, {"title", sec.title}, {"results", sec.results}, {"figures", figures}});
    for (size_t k = 0; k < sec.tables.size(); ++k) {
      const std::string stem = (fs::path(folder) / "tables" / fmt::format("{:02d}_{}{}", i + 1, sec.type, k ? fmt::format("_{}", k + 1) : "")).string();
      write_tables({sec.tables[k]}, stem + ".md", TableFormat::Markdown);
      write_tables({sec.tables[k]}, stem + ".tex", TableFormat::Latex);
      write_tables({sec.tables[k]}, stem + ".csv", TableFormat::Csv);
      all.push_back(sec.tables[k]);
    }
  }
  write_tables(all, (fs::path(folder) / "tables.xlsx").string(), TableFormat::Xlsx);
  results["warnings"] = rep.warnings;
  std::ofstream(fs::path(folder) / "results.json") << results.dump(2) << "\n";
  std::ofstream(fs::path(folder) / "index.html") << study_report_html(rep);
  return rep.warnings;
}

}  // namespace cbec
