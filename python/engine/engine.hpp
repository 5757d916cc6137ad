// cbec._engine: the native half of the Python module. It only converts values and dispatches
// through the library (the analysis registry, the study runner, the table renderers); the
// pure-Python package python/cbec/ builds the user-facing functions from the registry's schemas.
#pragma once
#include <pybind11/pybind11.h>

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

#include "cbec/frame/frame.hpp"

namespace cbec::python {

namespace py = pybind11;

// A Python option value (bool, int, float, str, list or tuple of them, None) as the JSON value a
// study file would hold; a SpecError naming `key` for anything else.
nlohmann::json json_of(const py::handle& value, const std::string& key);

// A Frame from the columns the package prepared (cbec/_frame.py): a list of (name, float64 array)
// for numbers (NaN missing; copied once, strides honoured) and (name, int32 codes, levels) for text
// (-1 missing, levels in order of first appearance, as the CSV reader builds them).
Frame frame_of(const py::list& columns, const std::string& source);
// A column back to Python: a float64 array, or a tuple (int32 codes, levels).
py::object column_to_python(const Column& column);

// A message about a DataFrame with its rows named by position (iloc) where the engine names a
// file's data lines: "data line 7" -> "row (iloc) 5", "data lines 7 and 9" -> "rows (iloc) 5 and 7".
std::string rows_as_positions(std::string_view message);

void bind_errors(py::module_& m);
void bind_tables(py::module_& m);
void bind_registry(py::module_& m);
void bind_cells(py::module_& m);
void bind_weights(py::module_& m);
void bind_run(py::module_& m);
void bind_study(py::module_& m);
void bind_etable(py::module_& m);

}  // namespace cbec::python
