// cbec's tables in Python: the same cells and the same renderers (text, Markdown, LaTeX, CSV, HTML,
// Excel) the command line prints with (report/table.hpp).
#include <pybind11/stl.h>

#include "cbec/report/table.hpp"
#include "engine.hpp"

namespace cbec::python {

void bind_tables(py::module_& m) {
  py::class_<Table>(m, "Table")
      .def_readonly("title", &Table::title)
      .def_readonly("header", &Table::header)
      .def_readonly("rows", &Table::rows)
      .def_readonly("rules_before", &Table::rules_before)
      .def_readonly("notes", &Table::notes)
      .def("render", [](const Table& t, const std::string& format) { return render(t, parse_table_format(format)); }, py::arg("format") = "text",
           "The table as text, md, latex, csv or html");
  m.def("write_tables", [](const std::vector<Table>& tables, const std::string& path, const std::string& format) {
    write_tables(tables, path, output_format(path, format, path, "format="));
  }, py::arg("tables"), py::arg("path"), py::arg("format") = "", "Writes tables to a file (format from its extension unless given; xlsx: one sheet each)");
}

}  // namespace cbec::python
