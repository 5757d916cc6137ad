// Running one analysis from Python, as `cbec <command>` runs it (cli/analysis_commands.cpp): the
// options validated against the analysis's schema by validate_options, the panel declaration,
// seed, threads and spatial weights in the AnalysisContext, then run_analysis. Returns the JSON
// (as the command line prints it with --json), the tables, the figures and the columns it added.
#include <pybind11/stl.h>

#include <fmt/format.h>

#include "cbec/analysis/registry.hpp"
#include "cbec/analysis/spatial_setup.hpp"
#include "cbec/core/error.hpp"
#include "cbec/estimate/ols/demean_cache.hpp"
#include "cbec/io/read_table.hpp"
#include "cbec/io/weights_io.hpp"
#include "engine.hpp"
#include "weights.hpp"

namespace cbec::python {

namespace {

std::string text_of(const py::dict& d, const char* key, const std::string& otherwise = "") {
  return d.contains(key) && !d[key].is_none() ? d[key].cast<std::string>() : otherwise;
}

bool flag_of(const py::dict& d, const char* key) { return d.contains(key) && !d[key].is_none() && d[key].cast<bool>(); }

// The weights the caller gave (a cbec.weights object or a file path), read while Python's lock is
// held; the SpatialSetup is built when the analysis asks for it, as the command line does.
struct SpatialInput {
  const BuiltWeights* built = nullptr;
  std::string file, id, transform = "R";
  bool matrix = false;
  bool symmetrize = false;
};

SpatialInput spatial_input(const py::dict& context) {
  SpatialInput in;
  if (context.contains("w") && !context["w"].is_none()) {
    const py::object w = context["w"];
    if (py::isinstance<py::str>(w)) in.file = w.cast<std::string>();
    else in.built = &w.cast<const BuiltWeights&>();
  }
  in.id = text_of(context, "id");
  in.transform = text_of(context, "transform", "R");
  in.matrix = flag_of(context, "matrix");
  in.symmetrize = flag_of(context, "symmetrize");
  return in;
}

// How a data file is read (delimiter, encoding, thousands, percent, cache), as the command line's
// --delimiter ... declare it; refused with a DataFrame, which has been read already.
CsvOptions csv_of(const py::dict& context, bool from_file) {
  const CsvDeclaration d{text_of(context, "delimiter"), text_of(context, "encoding"), text_of(context, "thousands"), flag_of(context, "percent"),
                         flag_of(context, "cache")};
  if (!from_file && (!d.delimiter.empty() || !d.encoding.empty() || !d.thousands.empty() || d.percent || d.cache))
    throw SpecError("delimiter, encoding, thousands, percent and cache say how a data file is read; data is a DataFrame (give the file's path instead, or read it with pandas)");
  return declared_csv(d, "");
}

// The strings of a result about a DataFrame with rows named by position (rows_as_positions).
void rows_as_positions_in(nlohmann::json& j) {
  if (j.is_string()) j = rows_as_positions(j.get<std::string>());
  else if (j.is_structured())
    for (auto& item : j) rows_as_positions_in(item);
}

void rows_as_positions_in(Outcome& out) {
  rows_as_positions_in(out.json);
  for (Table& t : out.tables) {
    t.title = rows_as_positions(t.title);
    for (std::string& note : t.notes) note = rows_as_positions(note);
  }
}

SpatialSetup spatial_setup(const SpatialInput& in, const Frame& frame, const std::string& data) {
  if (!in.built && in.file.empty()) throw SpecError("this analysis needs spatial weights: w=cbec.weights(...) or w=\"file.gal\"");
  if (in.id.empty()) throw SpecError("name the data column holding the weights' unit ids: id=\"column\"");
  if (!frame.has(in.id)) throw DataError(fmt::format("no column '{}' in {} (id)", in.id, data));
  if (in.transform != "R" && in.transform != "B" && in.transform != "S") throw SpecError("transform must be R, B or S");
  return given_weights_setup(in.built ? in.built->w : read_weights(in.file, in.matrix), in.id, in.transform, in.symmetrize);
}

py::dict run(const std::string& name, const py::object& data, const py::dict& options, const py::dict& context) {
  const Analysis& a = find_analysis(name);
  std::vector<RawOption> raw;
  for (const auto& [key, value] : options) {
    const auto k = key.cast<std::string>();
    raw.push_back({k, json_of(value, k), fmt::format("argument '{}'", k), false});
  }
  std::vector<std::string> problems;
  const Options validated = validate_options(a.options, raw, a.name, problems);
  if (!problems.empty()) throw SpecError(fmt::format("{}", fmt::join(problems, "; ")));
  AnalysisContext ctx;
  const bool from_file = py::isinstance<py::str>(data);
  ctx.data = from_file ? data.cast<std::string>() : "the DataFrame";
  ctx.unit = text_of(context, "unit");
  ctx.time = text_of(context, "time");
  ctx.first_treat = text_of(context, "first_treat");
  if (context.contains("seed") && !context["seed"].is_none()) ctx.resampling.seed = context["seed"].cast<uint64_t>();
  if (context.contains("threads") && !context["threads"].is_none()) ctx.resampling.threads = context["threads"].cast<int>();
  DemeanCache cache;
  ctx.cache = &cache;
  ctx.frame_disposable = !a.creates;   // the frame of an analysis adding columns goes back to Python
  const CsvOptions csv = csv_of(context, from_file);
  Frame frame = from_file ? read_table(ctx.data, csv) : frame_of(data.cast<py::list>(), ctx.data);
  if (context.contains("input_notes"))  // what converting the DataFrame's columns said (_frame.py), as a file's reader notes
    for (const auto& note : context["input_notes"].cast<std::vector<std::string>>()) frame.add_note(note);
  const SpatialInput input = spatial_input(context);
  SpatialSetup spatial;
  if (a.needs.spatial)
    ctx.spatial = [&](const Frame& f) -> const SpatialSetup& {
      if (spatial.w.ids.empty()) spatial = spatial_setup(input, f, ctx.data);
      return spatial;
    };
  Outcome out;
  {
    py::gil_scoped_release unlocked;
    out = run_analysis(a, frame, validated, ctx);
  }
  if (!from_file) rows_as_positions_in(out);
  py::dict result;
  result["json"] = out.json.dump(2);
  result["tables"] = out.tables;
  py::list figures;
  for (const auto& f : out.figures) figures.append(py::make_tuple(f.name, f.title, f.spec.dump()));
  result["figures"] = figures;
  py::dict created;
  if (a.creates)
    for (const auto& column : a.creates(validated))
      if (frame.has(column)) created[py::str(column)] = column_to_python(frame.get(column));
  result["created"] = created;
  if (a.creates && from_file) {
    // Read from a file: the whole frame goes back, as `--save` would write it.
    py::list frame_columns;
    for (const auto& c : frame.columns()) frame_columns.append(py::make_tuple(c.name, column_to_python(c)));
    result["frame"] = frame_columns;
  }
  return result;
}

}  // namespace

void bind_run(py::module_& m) {
  m.def("run", &run, py::arg("name"), py::arg("data"), py::arg("options"), py::arg("context"),
        "Runs the analysis `name` on data (prepared columns, or a file path) with options as the study file writes them");
}

}  // namespace cbec::python
