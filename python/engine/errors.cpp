// cbec's typed errors as Python exceptions carrying the same message: cbec.Error and its
// subclasses DataError, FormulaError, SpecError, NumericError (core/error.hpp).
#include <pybind11/pybind11.h>

#include "cbec/core/error.hpp"
#include "engine.hpp"

namespace cbec::python {

void bind_errors(py::module_& m) {
  // pybind11 tries the most recently registered translator first: the base class goes first.
  auto& base = py::register_exception<Error>(m, "Error");
  py::register_exception<DataError>(m, "DataError", base.ptr());
  py::register_exception<FormulaError>(m, "FormulaError", base.ptr());
  py::register_exception<SpecError>(m, "SpecError", base.ptr());
  py::register_exception<NumericError>(m, "NumericError", base.ptr());
}

}  // namespace cbec::python
