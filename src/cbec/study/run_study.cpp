#include "cbec/study/run_study.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <fstream>
#include <regex>

#include "cbec/analysis/registry.hpp"
#include "cbec/analysis/table_options.hpp"
#include "cbec/report/regression_json.hpp"
#include "cbec/core/error.hpp"
#include "cbec/core/progress.hpp"
#include "cbec/estimate/ols/feols.hpp"
#include "cbec/frame/panel.hpp"
#include "cbec/io/checksum.hpp"
#include "cbec/study/spatial_steps.hpp"
#include "cbec/study/study_data.hpp"
#include "cbec/study/step_cache.hpp"
#include "cbec/report/did_tables.hpp"
#include "cbec/report/estimates_table.hpp"
#include "cbec/report/regression_table.hpp"
#include "cbec/report/web_assets.hpp"
#include "cbec/study/study_report_html.hpp"

namespace cbec {

namespace {


// A registered analysis (analysis/registry.hpp) as a study section: the same run as the CLI's.
StudySection run_registered(const StudySpec& s, const AnalysisSpec& a, Frame& frame, const nlohmann::json& truth, int threads, DemeanCache& cache,
                            const std::function<const SpatialSetup&(const Frame&)>& spatial) {
  AnalysisContext ctx;
  ctx.data = s.data;
  ctx.unit = s.unit;
  ctx.time = s.time;
  ctx.first_treat = s.first_treat;
  ctx.resampling = {s.seed, threads};
  ctx.truth = truth;
  ctx.cache = &cache;
  ctx.spatial = spatial;
  ctx.report_input_notes = false;   // reported once, in the data summary
  ctx.panel_checked = true;         // declared when the data was read
  ctx.labels = s.labels;
  Outcome out = run_analysis(*a.analysis, frame, a.options, ctx);
  StudySection sec;
  sec.type = a.type;
  sec.title = a.title.empty() ? a.type : a.title;
  if (!a.title.empty() && !out.tables.empty()) out.tables.front().title = a.title;
  sec.tables = std::move(out.tables);
  sec.figures = std::move(out.figures);
  sec.results = std::move(out.json);
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

// A [[table]]: the steps it names (sections are in step order) side by side in one table, as
// cbec.etable (report/estimates_table.hpp, results_side_by_side).
StudySection merged_table(const StudySpec& s, const TableSpec& t, const std::vector<StudySection>& sections) {
  std::vector<nlohmann::json> results;
  for (const auto& id : t.steps) {
    const size_t i = static_cast<size_t>(std::find_if(s.analyses.begin(), s.analyses.end(), [&](const AnalysisSpec& a) { return a.id == id; }) - s.analyses.begin());
    if (estimate_columns_of(sections.at(i).results).empty())
      throw DataError(fmt::format("{}: [[table]] step '{}' ({}) holds no regression models and offers no estimates for a table", t.where, id,
                                  s.analyses[i].type));
    results.push_back(sections.at(i).results);
  }
  AnalysisContext ctx;
  ctx.labels = s.labels;
  StudySection sec;
  sec.type = "table";
  sec.title = t.title.empty() ? "Table" : t.title;
  sec.results = {{"steps", t.steps}};
  try {
    RegressionTableOptions to = table_options(t.options, ctx);
    to.title = t.title;
    to.model_names = t.options.list("names");
    to.extended_stats = true;
    nlohmann::json columns;
    sec.tables.push_back(results_side_by_side(results, to, &columns));
    if (!columns.is_null()) sec.results["columns"] = columns;
    // The steps' subsets (run_sample's "subset"), said under the table as under each step's own.
    for (size_t k = 0; k < results.size(); ++k)
      if (results[k].contains("subset") && results[k]["subset"].is_object()) {
        const auto& sub = results[k]["subset"];
        sec.tables.back().notes.push_back(fmt::format("Subset {}: {} of {} rows kept ({}).", sub.value("expression", ""), sub.value("rows_kept", size_t{0}),
                                                      sub.value("rows", size_t{0}), t.steps[k]));
      }
  } catch (const Error& e) {
    throw Error(fmt::format("{} ([[table]]): {}", t.where, e.what()));
  }
  return sec;
}

}  // namespace

StudyReport run_study(const StudySpec& s, int threads, const std::string& cache_folder) {
  StudyReport rep;
  rep.spec = s;
  StudyData data = read_study_data(s);
  Frame& frame = data.frame;
  const Panel& panel = data.panel;
  rep.data_summary.title = "Data";
  rep.data_summary.header = {"Item", "Value"};
  rep.data_summary.rows = {{"File", std::filesystem::path(s.data).filename().string()},
                           {"Rows", std::to_string(frame.nrows())},
                           {"Columns", std::to_string(frame.ncols())},
                           {"Panel", panel.summary()}};
  for (const auto& j : data.joins) {
    rep.data_summary.rows.push_back({"Joined " + std::filesystem::path(j.source).filename().string(),
                                     fmt::format("by {}: {} column{} added; {} of {} rows matched, {} rows of the joined file unused", fmt::join(j.by, ", "),
                                                 j.added.size(), j.added.size() == 1 ? "" : "s", j.matched, j.matched + j.unmatched, j.right_unused)});
    if (j.unmatched)
      rep.data_summary.notes.push_back(fmt::format("{} rows have no match in {}: its columns are missing there.", j.unmatched, j.source));
  }
  for (const auto& n : data.input_notes) rep.data_summary.notes.push_back(n);
  if (panel.rows_missing_id) rep.data_summary.notes.push_back(fmt::format("{} rows have a missing unit or time and are outside the panel.", panel.rows_missing_id));
  rep.provenance = {{"cbec", CBEC_VERSION}, {"code", code_identity()}, {"seed", s.seed}, {"study_file", s.path}, {"inputs", {{s.data, sha256_file(s.data)}, {s.path, sha256_file(s.path)}}}};
  if (!s.truth.empty()) {
    std::string p = (std::filesystem::path(s.dir) / s.truth).string();
    std::ifstream in(p);
    if (!in) throw DataError(fmt::format("{}: cannot open the truth file '{}'", s.path, p));
    rep.truth = nlohmann::json::parse(in);
    rep.provenance["inputs"][p] = sha256_file(p);
  }
  for (const auto& j : s.joins) rep.provenance["inputs"][j.path] = sha256_file(j.path);
  DemeanCache cache;
  // The weights of the spatial steps, each built on first use: by weights name ("" = [spatial]) and
  // then by the step's transform.
  std::map<std::string, SpatialSetup> built;
  std::map<std::pair<std::string, std::string>, SpatialSetup> transformed;
  auto spatial_setup_of = [&](const AnalysisSpec& a) -> std::function<const SpatialSetup&(const Frame&)> {
    if (!a.analysis->needs.spatial) return nullptr;
    const std::string name = a.weights.empty() && !s.spatial && s.weights.size() == 1 ? s.weights.front().name : a.weights;
    return [&s, &built, &transformed, name, transform = a.transform](const Frame& f) -> const SpatialSetup& {
      auto it = built.find(name);
      if (it == built.end()) {
        if (name.empty()) it = built.emplace(name, build_spatial_context(s, f)).first;
        else
          for (const auto& g : s.weights)
            if (g.name == name) it = built.emplace(name, build_named_weights(g, s, f)).first;
        if (it == built.end()) throw SpecError(fmt::format("no weights named '{}' in the study file", name));
      }
      if (transform.empty() || transform == it->second.transform) return it->second;
      auto t = transformed.find({name, transform});
      if (t == transformed.end()) {
        SpatialSetup copy = it->second;
        copy.transform = transform;
        t = transformed.emplace(std::make_pair(name, transform), std::move(copy)).first;
      }
      return t->second;
    };
  };
  const StepCache steps(cache_folder);
  nlohmann::json joined = nlohmann::json::array();
  for (const auto& j : s.joins) joined.push_back({{"file", rep.provenance["inputs"][j.path]}, {"by", j.by}});
  nlohmann::json inputs = {{"cbec", CBEC_VERSION}, {"code", rep.provenance["code"]}, {"data", rep.provenance["inputs"][s.data]}, {"joins", joined}, {"unit", s.unit}, {"time", s.time},
                           {"first_treat", s.first_treat}, {"seed", s.seed}, {"truth", rep.truth}, {"frame_changes", nlohmann::json::array()}};
  if (s.spatial) {
    const SpatialSpec& g = *s.spatial;
    rep.provenance["inputs"][g.polygons] = sha256_file(g.polygons);
    if (!g.edits.empty()) rep.provenance["inputs"][g.edits] = sha256_file(g.edits);
    inputs["spatial"] = {{"polygons", rep.provenance["inputs"][g.polygons]}, {"id", g.id}, {"key", g.key}, {"contiguity", g.contiguity}, {"transform", g.transform},
                         {"edits", g.edits.empty() ? nlohmann::json("") : rep.provenance["inputs"][g.edits]}, {"snap", g.snap}};
  }
  if (!s.weights.empty()) {
    nlohmann::json named = nlohmann::json::object();
    for (const auto& g : s.weights) {
      nlohmann::json files = nlohmann::json::object();
      for (const std::string* f : {&g.polygons, &g.edits, &g.points, &g.file})
        if (!f->empty()) files[*f] = rep.provenance["inputs"][*f] = sha256_file(*f);
      named[g.name] = {{"type", g.type}, {"files", files}, {"id", g.id}, {"dissolve", g.dissolve}, {"x", g.x}, {"y", g.y}, {"key", g.key},
                       {"transform", g.transform}, {"projected", g.projected}, {"ellipsoid", g.ellipsoid}, {"k", g.k}, {"power", g.power}, {"threshold", g.threshold}, {"snap", g.snap}};
    }
    inputs["weights"] = named;
  }
  for (const auto& a : s.analyses) {
    const ProgressTask task(fmt::format("[{}/{}] {}", rep.sections.size() + 1, s.analyses.size(), a.title.empty() ? a.type : a.title));
    nlohmann::json step = {{"type", a.type}, {"title", a.title}, {"options", a.options.json()}};
    if (!a.weights.empty()) step["w"] = a.weights;
    if (!a.transform.empty()) step["transform"] = a.transform;
    const auto spatial_setup = spatial_setup_of(a);
    if (a.analysis->creates) {   // adds columns later steps read: always run, and part of their inputs
      in_context(a, [&] { rep.sections.push_back(run_registered(s, a, frame, rep.truth, threads, cache, spatial_setup)); });
      inputs["frame_changes"].push_back(step);
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
    in_context(a, [&] { rep.sections.push_back(run_registered(s, a, frame, rep.truth, threads, cache, spatial_setup)); });
    if (!cache_folder.empty()) steps.store(key, rep.sections.back());
  }
  for (const auto& t : s.tables) rep.sections.push_back(merged_table(s, t, rep.sections));
  if (rep.reused > 0)
    rep.data_summary.notes.push_back(fmt::format("{} of {} steps were reused from the cache ({}): their inputs are unchanged.", rep.reused, s.analyses.size(), cache_folder));
  return rep;
}

std::vector<std::string> write_report(StudyReport& rep, const std::string& folder) {
  namespace fs = std::filesystem;
  // The numbered tables and figures of an earlier run into this folder are removed first: a study
  // run again with fewer steps left the old ones beside the new (files index.html no longer lists).
  // Only names of the report's own form (NN_type[_k].ext); anything else in the folder is kept.
  static const std::regex own_file(R"(^[0-9]{2,}_[A-Za-z0-9_]+\.(md|tex|csv|vl\.json|svg|png|pdf)$)");
  for (const char* sub : {"tables", "figures"}) {
    std::error_code ec;
    fs::create_directories(fs::path(folder) / sub, ec);
    if (ec) throw DataError(fmt::format("cannot create the report folder '{}' ({}: {}); give another output folder", folder, (fs::path(folder) / sub).string(), ec.message()));
    for (const auto& entry : fs::directory_iterator(fs::path(folder) / sub, ec))
      if (entry.is_regular_file(ec) && std::regex_match(entry.path().filename().string(), own_file)) fs::remove(entry.path(), ec);
  }
  size_t n_figures = 0;
  for (size_t i = 0; i < rep.sections.size(); ++i)
    for (size_t k = 0; k < rep.sections[i].figures.size(); ++k) {
      Figure& f = rep.sections[i].figures[k];
      f.name = fmt::format("{:02d}_{}{}", i + 1, rep.sections[i].type, k ? fmt::format("_{}", k + 1) : "");
      std::ofstream(fs::path(folder) / "figures" / (f.name + ".vl.json")) << f.spec.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
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
  std::ofstream(fs::path(folder) / "results.json") << results.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  std::ofstream(fs::path(folder) / "index.html") << study_report_html(rep);
  return rep.warnings;
}

}  // namespace cbec
