#include "cbec/study/study_file.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <toml++/toml.h>

#include "cbec/analysis/common_options.hpp"
#include "cbec/analysis/registry.hpp"
#include "cbec/core/error.hpp"
#include "cbec/domain/pilot_zones.hpp"
#include "cbec/io/read_table.hpp"

namespace cbec {

namespace {

std::string analysis_types() {
  std::vector<std::string> names;
  for (const auto& a : all_analyses()) names.push_back(a.name);
  return fmt::format("{}", fmt::join(names, ", "));
}

// A TOML value as JSON (what the option schema validates).
nlohmann::json toml_to_json(const toml::node& n) {
  if (auto v = n.value_exact<std::string>()) return *v;
  if (auto v = n.value_exact<bool>()) return *v;
  if (auto v = n.value_exact<int64_t>()) return *v;
  if (auto v = n.value_exact<double>()) return *v;
  if (const toml::array* arr = n.as_array()) {
    nlohmann::json a = nlohmann::json::array();
    for (const auto& e : *arr) a.push_back(toml_to_json(e));
    return a;
  }
  return nullptr;   // tables, dates: rejected by the schema as the wrong type
}

std::string place(const std::string& file, const toml::source_region& src) {
  return fmt::format("{} line {}, column {}", file, src.begin.line, src.begin.column);
}

}  // namespace

StudySpec read_study(const std::string& path) {
  StudySpec s;
  s.path = path;
  s.dir = std::filesystem::path(path).parent_path().string();
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    throw DataError(fmt::format("'{}' is a folder: give the study file (a .toml) in it", path));
  if (!std::filesystem::exists(path, ec)) throw DataError(fmt::format("cannot open the study file '{}': no such file; check the path", path));
  toml::table root;
  try {
    root = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    throw DataError(fmt::format("{} line {}, column {}: {}", path, e.source().begin.line, e.source().begin.column, e.description()));
  }
  std::vector<std::string> errors;
  auto check_keys = [&](const toml::table& t, const std::set<std::string>& allowed, const std::string& section) {
    for (const auto& [k, v] : t)
      if (!allowed.count(std::string(k.str())))
        errors.push_back(fmt::format("{}: unknown key '{}' in {}; allowed: {}", place(path, v.source()), k.str(), section,
                                     fmt::join(allowed, ", ")));
  };
  check_keys(root, {"study", "data", "spatial", "weights", "analysis", "labels", "table"}, "the study file");
  auto get_string = [&](const toml::table* t, const char* key, std::string& out, bool required, const std::string& section) {
    if (!t) return;
    const toml::node* n = t->get(key);
    if (!n) {
      if (required) errors.push_back(fmt::format("{}: [{}] needs '{}'", path, section, key));
      return;
    }
    if (auto v = n->value<std::string>()) out = *v;
    else errors.push_back(fmt::format("{}: '{}' must be text in quotes", place(path, n->source()), key));
  };
  // A file named relative to the study file, or "builtin:<name>" for <name>.csv of cbec's data folder.
  auto resolve = [&](std::string& file, const toml::table& t, const char* key, const char* what) {
    if (file.empty()) return;
    const std::string builtin = "builtin:";
    const std::filesystem::path p = file.rfind(builtin, 0) == 0 ? std::filesystem::path(data_dir()) / (file.substr(builtin.size()) + ".csv")
                                                                : std::filesystem::path(s.dir) / file;
    if (!std::filesystem::exists(p)) errors.push_back(fmt::format("{}: the {} file '{}' does not exist", place(path, t.get(key)->source()), what, p.string()));
    file = p.string();
  };
  if (const toml::table* st = root["study"].as_table()) {
    check_keys(*st, {"title", "note", "output", "seed", "truth"}, "[study]");
    get_string(st, "title", s.title, false, "study");
    get_string(st, "note", s.note, false, "study");
    get_string(st, "output", s.output, false, "study");
    get_string(st, "truth", s.truth, false, "study");
    if (const toml::node* n = st->get("seed")) {
      if (auto v = n->value<int64_t>(); v && *v >= 0) s.seed = static_cast<uint64_t>(*v);
      else errors.push_back(fmt::format("{}: 'seed' must be a non-negative whole number", place(path, n->source())));
    }
  }
  const toml::table* data = root["data"].as_table();
  if (!data) errors.push_back(fmt::format("{}: a [data] section with path, unit and time is required", path));
  else {
    check_keys(*data, {"path", "unit", "time", "first_treat", "join", "delimiter", "encoding", "thousands", "percent", "cache"}, "[data]");
    get_string(data, "path", s.data, true, "data");
    get_string(data, "unit", s.unit, true, "data");
    get_string(data, "time", s.time, true, "data");
    get_string(data, "first_treat", s.first_treat, false, "data");
    resolve(s.data, *data, "path", "data");
    std::string delimiter, thousands;
    get_string(data, "delimiter", delimiter, false, "data");
    get_string(data, "encoding", s.csv.encoding, false, "data");
    get_string(data, "thousands", thousands, false, "data");
    auto separator = [&](const std::string& text, const char* key, char& out) {
      if (text.empty()) return;
      try {
        out = parse_separator(text, place(path, data->get(key)->source()) + " [data] " + key);
      } catch (const Error& e) {
        errors.push_back(e.what());
      }
    };
    separator(delimiter, "delimiter", s.csv.delimiter);
    separator(thousands, "thousands", s.csv.thousands);
    for (auto [key, flag] : {std::pair<const char*, bool*>{"percent", &s.csv.percent}, {"cache", &s.csv.cache}})
      if (const toml::node* n = data->get(key)) {
        if (auto v = n->value_exact<bool>()) *flag = *v;
        else errors.push_back(fmt::format("{}: '{}' must be true or false", place(path, n->source()), key));
      }
    if (const toml::node* joins = data->get("join")) {
      const toml::array* arr = joins->as_array();
      if (!arr || !arr->is_array_of_tables()) errors.push_back(fmt::format("{}: write each joined table as [[data.join]] with path and by", place(path, joins->source())));
      else
        for (const auto& node : *arr) {
          const toml::table& jt = *node.as_table();
          check_keys(jt, {"path", "by"}, "[[data.join]]");
          JoinSpec j;
          get_string(&jt, "path", j.path, true, "data.join");
          const toml::array* by = jt.get_as<toml::array>("by");
          if (by)
            for (const auto& e : *by)
              if (auto v = e.value<std::string>()) j.by.push_back(*v);
          if (!by || j.by.size() != by->size() || j.by.empty())
            errors.push_back(fmt::format("{}: [[data.join]] needs by = a list of key column names, e.g. [\"city\", \"year\"]", place(path, jt.source())));
          resolve(j.path, jt, "path", "joined");
          s.joins.push_back(j);
        }
    }
  }
  if (const toml::table* sp = root["spatial"].as_table()) {
    if (const toml::node* old = sp->get("weights"))   // cbec 0.1's name; `weights` means observation weights only
      errors.push_back(fmt::format("{}: [spatial] 'weights' is now called 'contiguity' (queen or rook)", place(path, old->source())));
    check_keys(*sp, {"polygons", "id", "dissolve", "key", "contiguity", "weights", "transform", "edits", "snap"}, "[spatial]");
    SpatialSpec g;
    get_string(sp, "polygons", g.polygons, true, "spatial");
    get_string(sp, "id", g.id, false, "spatial");
    get_string(sp, "dissolve", g.dissolve, false, "spatial");
    get_string(sp, "key", g.key, false, "spatial");
    get_string(sp, "contiguity", g.contiguity, false, "spatial");
    get_string(sp, "transform", g.transform, false, "spatial");
    get_string(sp, "edits", g.edits, false, "spatial");
    if (const toml::node* n = sp->get("snap")) {
      if (auto v = n->value<double>(); v && *v >= 0) g.snap = *v;
      else errors.push_back(fmt::format("{}: 'snap' must be a non-negative number", place(path, n->source())));
    }
    if (g.contiguity != "queen" && g.contiguity != "rook")
      errors.push_back(fmt::format("{}: [spatial] contiguity must be queen or rook, not '{}'", place(path, sp->source()), g.contiguity));
    if (g.transform != "B" && g.transform != "R" && g.transform != "S")
      errors.push_back(fmt::format("{}: [spatial] transform must be B, R or S, not '{}'", place(path, sp->source()), g.transform));
    resolve(g.polygons, *sp, "polygons", "polygons");
    resolve(g.edits, *sp, "edits", "edits");
    s.spatial = g;
  }
  if (const toml::node* wn = root.get("weights")) {
    const toml::table* wt = wn->as_table();
    if (!wt) errors.push_back(fmt::format("{}: write each weights matrix as a table [weights.<name>], e.g. [weights.W1]", place(path, wn->source())));
    else
      for (const auto& [name, node] : *wt) {
        WeightsSpec g;
        g.name = std::string(name.str());
        g.where = place(path, node.source());
        const toml::table* t = node.as_table();
        if (!t) {
          errors.push_back(fmt::format("{}: [weights.{}] must be a table (type, polygons/points/file, ...)", g.where, g.name));
          continue;
        }
        const std::string section = "weights." + g.name;
        check_keys(*t, {"type", "polygons", "id", "dissolve", "edits", "snap", "points", "x", "y", "projected", "ellipsoid", "file", "key", "transform", "k",
                        "power", "threshold"}, "[" + section + "]");
        get_string(t, "type", g.type, true, section);
        get_string(t, "polygons", g.polygons, false, section);
        get_string(t, "id", g.id, false, section);
        get_string(t, "dissolve", g.dissolve, false, section);
        get_string(t, "edits", g.edits, false, section);
        get_string(t, "points", g.points, false, section);
        get_string(t, "x", g.x, false, section);
        get_string(t, "y", g.y, false, section);
        get_string(t, "file", g.file, false, section);
        get_string(t, "key", g.key, false, section);
        get_string(t, "transform", g.transform, false, section);
        auto number = [&](const char* key, double& out, double min) {
          if (const toml::node* n = t->get(key)) {
            if (auto v = n->value<double>(); v && *v >= min) out = *v;
            else errors.push_back(fmt::format("{}: '{}' must be a number >= {:g}", place(path, n->source()), key, min));
          }
        };
        number("snap", g.snap, 0);
        number("power", g.power, 0);
        number("threshold", g.threshold, 0);
        if (const toml::node* n = t->get("k")) {
          if (auto v = n->value_exact<int64_t>(); v && *v >= 1) g.k = static_cast<int>(*v);
          else errors.push_back(fmt::format("{}: 'k' must be a whole number >= 1", place(path, n->source())));
        }
        for (auto [key, flag] : {std::pair<const char*, bool*>{"projected", &g.projected}, {"ellipsoid", &g.ellipsoid}})
          if (const toml::node* n = t->get(key)) {
            if (auto v = n->value_exact<bool>()) *flag = *v;
            else errors.push_back(fmt::format("{}: '{}' must be true or false", place(path, n->source()), key));
          }
        const std::set<std::string> types = {"queen", "rook", "knn", "idw", "band", "file"};
        if (!types.count(g.type))
          errors.push_back(fmt::format("{}: [{}] type must be one of {}, not '{}'", g.where, section, fmt::join(types, ", "), g.type));
        if (g.transform != "B" && g.transform != "R" && g.transform != "S")
          errors.push_back(fmt::format("{}: [{}] transform must be B, R or S, not '{}'", g.where, section, g.transform));
        if ((g.type == "queen" || g.type == "rook") && g.polygons.empty())
          errors.push_back(fmt::format("{}: [{}] {} contiguity needs polygons", g.where, section, g.type));
        if ((g.type == "knn" || g.type == "idw" || g.type == "band") && g.points.empty() == g.polygons.empty())
          errors.push_back(fmt::format("{}: [{}] {} needs either points (a CSV with id, x, y) or polygons (their centroids)", g.where, section, g.type));
        if (g.type == "band" && g.threshold <= 0) errors.push_back(fmt::format("{}: [{}] band needs threshold > 0", g.where, section));
        if (g.type == "file" && g.file.empty()) errors.push_back(fmt::format("{}: [{}] type file needs file = a weights file", g.where, section));
        resolve(g.polygons, *t, "polygons", "polygons");
        resolve(g.edits, *t, "edits", "edits");
        resolve(g.points, *t, "points", "points");
        resolve(g.file, *t, "file", "weights");
        s.weights.push_back(g);
      }
  }
  std::vector<std::string> weight_names;
  for (const auto& g : s.weights) weight_names.push_back(g.name);
  const toml::array* analyses = root["analysis"].as_array();
  if (!analyses || analyses->empty()) errors.push_back(fmt::format("{}: no [[analysis]] entries: nothing to do", path));
  if (analyses) {
    for (const auto& node : *analyses) {
      const toml::table* t = node.as_table();
      if (!t) continue;
      AnalysisSpec a;
      a.where = place(path, t->source());
      const toml::node* type = t->get("type");
      if (!type || !type->value<std::string>()) {
        errors.push_back(fmt::format("{}: each [[analysis]] needs type = one of {}", a.where, analysis_types()));
        continue;
      }
      a.type = *type->value<std::string>();
      if (auto title = t->get("title"); title && title->value<std::string>()) a.title = *title->value<std::string>();
      if (const toml::node* id = t->get("id")) {
        if (auto v = id->value<std::string>(); v && !v->empty()) a.id = *v;
        else errors.push_back(fmt::format("{}: 'id' must be a text in quotes", place(path, id->source())));
        if (std::any_of(s.analyses.begin(), s.analyses.end(), [&](const AnalysisSpec& b) { return !a.id.empty() && b.id == a.id; }))
          errors.push_back(fmt::format("{}: the id '{}' is used by an earlier [[analysis]]", place(path, id->source()), a.id));
      }
      try {
        a.analysis = &find_analysis(a.type);
      } catch (const SpecError& e) {
        errors.push_back(fmt::format("{}: {}", place(path, type->source()), e.what()));
        continue;
      }
      // A spatial step's weights: w = "<name>" and transform, unless its own options use those keys.
      auto own_option = [&](const std::string& key) {
        return std::any_of(a.analysis->options.begin(), a.analysis->options.end(), [&](const OptionSpec& o) { return o.key == key; });
      };
      const bool step_weights = a.analysis->needs.spatial && !own_option("w") && !own_option("transform");
      std::vector<RawOption> raw;
      for (const auto& [k, v] : *t) {
        const std::string key(k.str());
        if (key == "type" || key == "title" || key == "id") continue;
        if (step_weights && (key == "w" || key == "transform")) {
          if (auto text = v.value<std::string>()) (key == "w" ? a.weights : a.transform) = *text;
          else errors.push_back(fmt::format("{}: '{}' must be text in quotes", place(path, v.source()), key));
          continue;
        }
        raw.push_back({key, toml_to_json(v), place(path, v.source()), false});
      }
      std::vector<std::string> problems;
      a.options = validate_options(a.analysis->options, raw, a.type, problems);
      for (auto& p : problems) errors.push_back(p.find(path) == 0 ? p : fmt::format("{}: {}", a.where, p));
      if (a.analysis->needs.spatial) {
        if (!a.weights.empty() && std::find(weight_names.begin(), weight_names.end(), a.weights) == weight_names.end())
          errors.push_back(fmt::format("{}: w = \"{}\" is not defined; define [weights.{}] or use one of [{}]", a.where, a.weights, a.weights,
                                       fmt::join(weight_names, ", ")));
        else if (a.weights.empty() && !root["spatial"].as_table() && weight_names.size() != 1)
          errors.push_back(weight_names.empty()
                               ? fmt::format("{}: '{}' needs a [spatial] section (polygons, id, contiguity) or named [weights.<name>] matrices", a.where, a.type)
                               : fmt::format("{}: '{}' needs w = one of [{}] (there is no [spatial] default)", a.where, a.type, fmt::join(weight_names, ", ")));
        if (!a.transform.empty() && a.transform != "B" && a.transform != "R" && a.transform != "S")
          errors.push_back(fmt::format("{}: transform must be B, R or S, not '{}'", a.where, a.transform));
      }
      if (a.analysis->needs.treatment && s.first_treat.empty())
        errors.push_back(fmt::format("{}: '{}' needs first_treat in [data] (the first treatment period of each unit)", a.where, a.type));
      s.analyses.push_back(std::move(a));
    }
  }
  if (const toml::node* ln = root.get("labels")) {
    if (const toml::table* lt = ln->as_table()) {
      for (const auto& [name, v] : *lt)
        if (auto text = v.value<std::string>()) s.labels[std::string(name.str())] = *text;
        else errors.push_back(fmt::format("{}: [labels] {} must be a text in quotes", place(path, v.source()), name.str()));
    } else {
      errors.push_back(fmt::format("{}: write labels as a table [labels] with name = \"label\" lines", place(path, ln->source())));
    }
  }
  if (const toml::node* tn = root.get("table")) {
    const toml::array* arr = tn->as_array();
    if (!arr || !arr->is_array_of_tables()) errors.push_back(fmt::format("{}: write each merged table as [[table]] with steps = [\"id1\", ...]", place(path, tn->source())));
    else
      for (const auto& node : *arr) {
        const toml::table& tt = *node.as_table();
        TableSpec spec;
        spec.where = place(path, tt.source());
        get_string(&tt, "title", spec.title, false, "table");
        const toml::array* steps = tt.get_as<toml::array>("steps");
        if (steps)
          for (const auto& e : *steps)
            if (auto v = e.value<std::string>()) spec.steps.push_back(*v);
        if (!steps || spec.steps.size() != steps->size() || spec.steps.empty())
          errors.push_back(fmt::format("{}: [[table]] needs steps = a list of [[analysis]] ids, e.g. [\"m1\", \"m2\"]", spec.where));
        for (const auto& id : spec.steps)
          if (std::none_of(s.analyses.begin(), s.analyses.end(), [&](const AnalysisSpec& a) { return a.id == id; }))
            errors.push_back(fmt::format("{}: [[table]] step '{}' is no [[analysis]] id", spec.where, id));
        std::vector<OptionSpec> schema = table_option_specs();
        schema.push_back(list_option("names", "Column names of the models"));
        std::vector<RawOption> raw;
        for (const auto& [k, v] : tt)
          if (k.str() != "title" && k.str() != "steps") raw.push_back({std::string(k.str()), toml_to_json(v), place(path, v.source()), false});
        std::vector<std::string> problems;
        spec.options = validate_options(schema, raw, "[[table]]", problems);
        errors.insert(errors.end(), problems.begin(), problems.end());
        s.tables.push_back(std::move(spec));
      }
  }
  // Columns the steps name but the data lacks, found from the headers, in the same pass.
  if (!s.data.empty())
    if (auto cols = column_names(s.data, s.csv)) {
      bool all_headers = true;
      for (const auto& j : s.joins)
        if (auto more = column_names(j.path, s.csv)) cols->insert(cols->end(), more->begin(), more->end());
        else all_headers = false;
      if (all_headers)
        for (auto& m : missing_columns(s, *cols)) errors.push_back(std::move(m));
    }
  if (!errors.empty())
    throw DataError(fmt::format("{} problem{} in the study file:\n  {}", errors.size(), errors.size() == 1 ? "" : "s", fmt::join(errors, "\n  ")));
  return s;
}

std::vector<std::string> missing_columns(const StudySpec& study, const std::vector<std::string>& columns) {
  std::vector<std::string> out;
  auto need = [&](const std::string& name, const std::string& where) {
    if (!name.empty() && std::find(columns.begin(), columns.end(), name) == columns.end())
      out.push_back(fmt::format("{}: no column '{}' in {}", where, name, study.data));
  };
  need(study.unit, study.path + " [data] unit");
  need(study.time, study.path + " [data] time");
  if (study.spatial && !study.spatial->key.empty()) need(study.spatial->key, study.path + " [spatial] key");
  for (const auto& g : study.weights)
    if (!g.key.empty()) need(g.key, study.path + " [weights." + g.name + "] key");
  std::vector<std::string> available = columns;   // grows with the columns earlier steps create
  auto need_now = [&](const std::string& name, const std::string& where) {
    if (!name.empty() && std::find(available.begin(), available.end(), name) == available.end())
      out.push_back(fmt::format("{}: no column '{}' in {} (nor made by an earlier step)", where, name, study.data));
  };
  // [data] first_treat may be made by a step (treat): it is needed by the first step that uses it.
  bool first_treat_checked = false;
  auto need_first_treat = [&](const std::string& by) {
    if (first_treat_checked) return;
    first_treat_checked = true;
    need_now(study.first_treat, study.path + " [data] first_treat" + by);
  };
  for (const auto& a : study.analyses) {
    try {
      if (a.analysis->needs.treatment) need_first_treat(fmt::format(" (used by {})", a.where));
      for (const auto& c : columns_read(*a.analysis, a.options)) need_now(c, a.where);
      if (a.analysis->creates)
        for (const auto& c : a.analysis->creates(a.options)) available.push_back(c);
    } catch (const Error& e) {   // e.g. a transform written wrongly
      out.push_back(fmt::format("{}: {}", a.where, e.what()));
    }
  }
  need_first_treat("");
  return out;
}

}  // namespace cbec
