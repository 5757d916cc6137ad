// cbec's typed errors as Python exceptions carrying the same message: cbec.Error and its
// subclasses DataError, FormulaError, SpecError, NumericError (core/error.hpp); and messages about
// a DataFrame's rows named by position.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <fmt/format.h>

#include "cbec/core/error.hpp"
#include "engine.hpp"

namespace cbec::python {

std::string rows_as_positions(std::string_view message) {
  static constexpr std::string_view kLine = "data line";
  const size_t size = message.size();
  // The number after the space at q, read and q moved past it; false (q unchanged) when there is
  // none, or more digits than a row number has.
  auto number_at = [&](size_t& q, long& value) {
    size_t e = q + 1;
    while (e < size && message[e] >= '0' && message[e] <= '9') ++e;
    if (q >= size || message[q] != ' ' || e == q + 1 || e - q - 1 > 18) return false;
    value = std::stol(std::string(message.substr(q + 1, e - q - 1)));
    q = e;
    return true;
  };
  std::string out;
  size_t from = 0;
  for (size_t at = message.find(kLine); at != std::string_view::npos; at = message.find(kLine, from)) {
    size_t p = at + kLine.size();
    const bool plural = p < size && message[p] == 's';
    p += plural;
    long first = 0, second = 0;
    if (!number_at(p, first)) {
      out += message.substr(from, p - from);
      from = p;
      continue;
    }
    out += message.substr(from, at - from);
    out += fmt::format("row{} (iloc) {}", plural ? "s" : "", first - 2);
    if (size_t q = p + 4; message.substr(p, 5) == " and " && number_at(q, second)) {
      out += fmt::format(" and {}", second - 2);
      p = q;
    }
    from = p;
  }
  out += message.substr(from);
  return out;
}

void bind_errors(py::module_& m) {
  m.def("rows_as_positions", [](const std::string& message) { return rows_as_positions(message); }, py::arg("message"),
        "A message about a DataFrame with its rows named by position (iloc) where the engine names a file's data lines "
        "(row i is data line i + 2, the header being line 1)");
  // pybind11 tries the most recently registered translator first: the base class goes first.
  auto& base = py::register_exception<Error>(m, "Error");
  py::register_exception<DataError>(m, "DataError", base.ptr());
  py::register_exception<FormulaError>(m, "FormulaError", base.ptr());
  py::register_exception<SpecError>(m, "SpecError", base.ptr());
  py::register_exception<NumericError>(m, "NumericError", base.ptr());
}

}  // namespace cbec::python
