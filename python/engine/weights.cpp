// cbec.weights(...): spatial weights built from coordinates or polygons, or read from a file, as
// `cbec weights` builds them (the same library calls in the same order: build, link islands,
// edits, transform), with the same summary table and JSON. The result is passed to the spatial
// analyses the way the command line passes --w.
#include <pybind11/stl.h>

#include <fmt/format.h>

#include "cbec/core/error.hpp"
#include "cbec/estimate/spatial/contiguity.hpp"
#include "cbec/estimate/spatial/distance_weights.hpp"
#include "cbec/io/polygons_reader.hpp"
#include "cbec/io/read_table.hpp"
#include "cbec/io/weights_io.hpp"
#include "cbec/report/spatial_json.hpp"
#include "cbec/report/spatial_tables.hpp"
#include "engine.hpp"
#include "weights.hpp"

namespace cbec::python {

namespace {

struct WeightsRequest {
  std::string type, id, x, y, wkt, edits, var, file, transform;
  bool projected = false, link_islands = false, matrix = false;
  double snap = 0, threshold = 0, power = 1;
  int k = 4;
};

Frame data_frame(const py::object& data) {
  if (py::isinstance<py::str>(data)) return read_table(data.cast<std::string>());
  return frame_of(data.cast<py::list>(), "DataFrame");
}

std::vector<std::string> ids_of(const Frame& f, const std::string& id) {
  std::vector<std::string> ids;
  for (size_t i = 0; i < f.nrows(); ++i) ids.push_back(f.get(id).text(i));
  return ids;
}

BuiltWeights build(const py::object& data, const WeightsRequest& o) {
  BuiltWeights b;
  SpatialWeights& w = b.w;
  std::vector<std::string> edit_report;
  if (!o.file.empty()) {
    w = read_weights(o.file, o.matrix);
  } else if (data.is_none() || o.id.empty()) {
    throw SpecError("give data and id (or file to read weights)");
  } else if (o.type == "queen" || o.type == "rook") {
    if (!py::isinstance<py::str>(data)) throw SpecError(fmt::format("type '{}' reads polygons: give the polygons' file (CSV with WKT or a GDAL vector file)", o.type));
    w = contiguity_weights(read_polygons(data.cast<std::string>(), o.id, o.wkt), o.type == "queen", o.snap);
  } else if (o.type == "econ") {
    const Frame f = data_frame(data);
    if (o.var.empty()) throw SpecError("type 'econ' needs var");
    w = economic_distance_weights(ids_of(f, o.id), f.numeric(o.var));
  } else {
    const Frame f = data_frame(data);
    Points p;
    p.ids = ids_of(f, o.id);
    p.x = f.numeric(o.x);
    p.y = f.numeric(o.y);
    p.lonlat = !o.projected;
    if (o.type == "knn") w = knn_weights(p, o.k);
    else if (o.type == "band") w = distance_band_weights(p, o.threshold);
    else if (o.type == "idw") w = inverse_distance_weights(p, o.power, o.threshold);
    else throw SpecError(fmt::format("type '{}' is unknown; use knn, band, idw, econ, queen or rook", o.type));
    if (o.link_islands)
      for (const auto& l : link_islands(w, p)) edit_report.push_back("island linked: " + l);
  }
  if (!o.edits.empty())
    for (const auto& e : apply_edits(w, read_link_edits(o.edits))) edit_report.push_back(e);
  if (o.transform == "R") w = row_standardize(w);
  else if (o.transform == "S") w = variance_stabilize(w);
  else if (o.transform != "B") throw SpecError("transform must be B, R or S");
  const WeightsSummary s = summarize_weights(w);
  b.table = weights_table(fmt::format("Spatial weights: {}{}", w.construction, o.transform == "R" ? ", row-standardized" : o.transform == "S" ? ", variance-stabilized" : ""), s);
  for (const auto& e : edit_report) b.table.notes.push_back("Edit: " + e);
  b.json = {{"cbec", CBEC_VERSION}, {"command", "weights"}, {"construction", w.construction}, {"transform", o.transform}};
  b.json.update(to_json(s));
  return b;
}

}  // namespace

void bind_weights(py::module_& m) {
  py::class_<BuiltWeights>(m, "Weights")
      .def_property_readonly("ids", [](const BuiltWeights& b) { return b.w.ids; })
      .def_property_readonly("n", [](const BuiltWeights& b) { return b.w.n(); })
      .def_property_readonly("construction", [](const BuiltWeights& b) { return b.w.construction; })
      .def_property_readonly("transform", [](const BuiltWeights& b) { return b.w.transform; })
      .def_property_readonly("table", [](const BuiltWeights& b) { return b.table; })
      .def_property_readonly("json_text", [](const BuiltWeights& b) { return b.json.dump(2); })
      .def("save", [](const BuiltWeights& b, const std::string& path, bool matrix) { write_weights(b.w, path, matrix); }, py::arg("path"),
           py::arg("matrix") = false, "Writes the weights (.gal, .gwt, .csv edge list, .matrix.csv dense matrix)");
  m.def("weights", [](const py::object& data, const std::string& type, const std::string& id, const std::string& x, const std::string& y, bool projected,
                      int k, double threshold, double power, const std::string& wkt, double snap, const std::string& edits, const std::string& var,
                      bool link_islands, const std::string& file, const std::string& transform, bool matrix) {
    WeightsRequest o{type, id, x, y, wkt, edits, var, file, transform, projected, link_islands, matrix, snap, threshold, power, k};
    return build(data, o);
  }, py::arg("data"), py::arg("type"), py::arg("id"), py::arg("x"), py::arg("y"), py::arg("projected"), py::arg("k"), py::arg("threshold"),
     py::arg("power"), py::arg("wkt"), py::arg("snap"), py::arg("edits"), py::arg("var"), py::arg("link_islands"), py::arg("file"),
     py::arg("transform"), py::arg("matrix"));
}

}  // namespace cbec::python
