// The module definition: each bind_* adds one concern (errors, tables, registry, a DataFrame's text
// cells, weights, analyses, studies, multi-model tables).
#include "engine.hpp"

PYBIND11_MODULE(_engine, m) {
  m.doc() = "cbec's C++ engine (use the cbec package, not this module)";
  m.attr("version") = CBEC_VERSION;
  cbec::python::bind_errors(m);
  cbec::python::bind_tables(m);
  cbec::python::bind_registry(m);
  cbec::python::bind_cells(m);
  cbec::python::bind_weights(m);
  cbec::python::bind_run(m);
  cbec::python::bind_study(m);
  cbec::python::bind_etable(m);
}
