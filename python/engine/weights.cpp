// cbec.weights(...): spatial weights built from coordinates or polygons, or read from a file, as
// `cbec weights` builds them (the same library calls in the same order: build, link islands,
// edits, transform), with the same summary table and JSON. The result is passed to the spatial
// analyses the way the command line passes --w.
#include <pybind11/stl.h>

#include <fmt/format.h>

#include "cbec/core/error.hpp"
#include "cbec/io/read_table.hpp"
#include "cbec/io/weights_io.hpp"
#include "engine.hpp"
#include "weights.hpp"

namespace cbec::python {

namespace {

Frame data_frame(const py::object& data) {
  if (py::isinstance<py::str>(data)) return read_table(data.cast<std::string>());
  return frame_of(data.cast<py::list>(), "DataFrame");
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
      .def("save", [](const BuiltWeights& b, const std::string& path, bool matrix) { return write_weights(b.w, path, matrix); }, py::arg("path"),
           py::arg("matrix") = false, "Writes the weights (.gal, .gwt, .csv edge list, .matrix.csv dense matrix); returns warnings (units a .gwt cannot list)");
  m.def("weights", [](const py::object& data, const std::string& type, const std::string& id, const std::string& x, const std::string& y, bool projected,
                      int k, double threshold, double power, const std::string& wkt, double snap, const std::string& edits, const std::string& var,
                      bool link_islands, const std::string& file, const std::string& transform, bool matrix, bool symmetrize, bool ellipsoid) {
    WeightsRequest o{type, id, x, y, wkt, edits, var, file, transform, projected, link_islands, matrix, symmetrize, ellipsoid, snap, threshold, power, k};
    const std::string polygons = py::isinstance<py::str>(data) ? data.cast<std::string>() : "";
    std::function<Frame()> load;
    if (!data.is_none()) load = [&data] { return data_frame(data); };
    return build_weights(o, polygons, load);
  }, py::arg("data"), py::arg("type"), py::arg("id"), py::arg("x"), py::arg("y"), py::arg("projected"), py::arg("k"), py::arg("threshold"),
     py::arg("power"), py::arg("wkt"), py::arg("snap"), py::arg("edits"), py::arg("var"), py::arg("link_islands"), py::arg("file"),
     py::arg("transform"), py::arg("matrix"), py::arg("symmetrize") = false, py::arg("ellipsoid") = false);
}

}  // namespace cbec::python
