// Values across the boundary: Python option values -> JSON, pandas-prepared columns <-> Frame columns.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <fmt/format.h>

#include <limits>
#include <optional>

#include "cbec/core/error.hpp"
#include "cbec/io/cell_column.hpp"
#include "engine.hpp"

namespace cbec::python {

nlohmann::json json_of(const py::handle& value, const std::string& key) {
  if (value.is_none()) return nullptr;
  if (py::isinstance(value, py::module_::import("numpy").attr("generic"))) return json_of(value.attr("item")(), key);  // numpy scalars
  if (py::isinstance<py::bool_>(value)) return value.cast<bool>();
  if (py::isinstance<py::int_>(value)) {
    // Beyond 64 bits: the nearest double (the largest one beyond it), which the option's own range check refuses.
    int overflow = 0;
    const long long whole = PyLong_AsLongLongAndOverflow(value.ptr(), &overflow);
    if (!overflow) return whole;
    const double nearest = PyLong_AsDouble(value.ptr());
    if (!PyErr_Occurred()) return nearest;
    PyErr_Clear();
    return overflow > 0 ? std::numeric_limits<double>::max() : std::numeric_limits<double>::lowest();
  }
  if (py::isinstance<py::float_>(value)) return value.cast<double>();
  if (py::isinstance<py::str>(value)) {
    try {
      return value.cast<std::string>();
    } catch (const py::cast_error&) {
      throw SpecError(fmt::format("argument '{}': text that is not valid Unicode (a lone surrogate such as '\\udcff'); give UTF-8 text", key));
    }
  }
  // Lists, tuples and other sequences (a numpy array, a pandas Index of column names).
  if (py::isinstance<py::iterable>(value) && !py::isinstance<py::dict>(value)) {
    nlohmann::json a = nlohmann::json::array();
    for (const auto& item : value) a.push_back(json_of(item, key));
    return a;
  }
  throw SpecError(fmt::format("argument '{}': a {} is not an option value; give text, a number, true/false or a list of them",
                              key, py::str(py::type::of(value).attr("__name__")).cast<std::string>()));
}

namespace {

// The one copy of a numeric column: from the numpy buffer (any stride) into the Frame, converted to
// double as it is copied, so integer and boolean columns need no copy of their own either.
template <class T>
std::vector<double> copy_numbers(const py::array& a) {
  const auto view = a.unchecked<T, 1>();
  std::vector<double> values(static_cast<size_t>(view.shape(0)));
  for (py::ssize_t i = 0; i < view.shape(0); ++i) values[static_cast<size_t>(i)] = static_cast<double>(view(i));
  return values;
}

std::vector<double> numbers_of(const py::array& a, const std::string& name) {
  if (a.ndim() != 1) throw DataError(fmt::format("column '{}': not one-dimensional", name));
  const char kind = a.dtype().kind();
  const auto size = a.itemsize();
  if (kind == 'f' && size == 8) return copy_numbers<double>(a);
  if (kind == 'f' && size == 4) return copy_numbers<float>(a);
  if (kind == 'i' && size == 8) return copy_numbers<int64_t>(a);
  if (kind == 'i' && size == 4) return copy_numbers<int32_t>(a);
  if (kind == 'i' && size == 2) return copy_numbers<int16_t>(a);
  if (kind == 'i' && size == 1) return copy_numbers<int8_t>(a);
  if (kind == 'u' && size == 8) return copy_numbers<uint64_t>(a);
  if (kind == 'u' && size == 4) return copy_numbers<uint32_t>(a);
  if (kind == 'u' && size == 2) return copy_numbers<uint16_t>(a);
  if (kind == 'u' && size == 1) return copy_numbers<uint8_t>(a);
  if (kind == 'b' && size == 1) return copy_numbers<bool>(a);
  throw DataError(fmt::format("column '{}': numbers of numpy kind '{}' ({} bytes) are not supported", name, kind, size));
}

}  // namespace

Frame frame_of(const py::list& columns, const std::string& source) {
  Frame frame(source);
  for (const auto& item : columns) {
    const auto t = item.cast<py::tuple>();
    const auto name = t[0].cast<std::string>();
    if (t.size() == 2) {
      frame.set(Column::numeric(name, numbers_of(t[1].cast<py::array>(), name)));
    } else {
      const auto codes = t[1].cast<py::array_t<int32_t, 0>>();
      const auto view = codes.unchecked<1>();
      Column c;
      c.name = name;
      c.type = ColumnType::String;
      c.levels = t[2].cast<std::vector<std::string>>();
      c.declared_order = t.size() > 3 && t[3].cast<bool>();
      c.codes.resize(static_cast<size_t>(view.shape(0)));
      for (py::ssize_t i = 0; i < view.shape(0); ++i) {
        const int32_t code = view(i);
        if (code >= static_cast<int32_t>(c.levels.size())) throw DataError(fmt::format("column '{}': a code beyond its levels", name));
        c.codes[static_cast<size_t>(i)] = code < 0 ? -1 : code;
      }
      frame.set(std::move(c));
    }
  }
  return frame;
}

py::object column_to_python(const Column& column) {
  if (column.is_numeric()) return py::array_t<double>(static_cast<py::ssize_t>(column.values.size()), column.values.data());
  return py::make_tuple(py::array_t<int32_t>(static_cast<py::ssize_t>(column.codes.size()), column.codes.data()), py::cast(column.levels));
}

void bind_cells(py::module_& m) {
  m.def(
      "cells_column",
      [](const std::string& name, const std::vector<std::optional<std::string>>& cells) {
        std::vector<std::string> notes;
        const Column column = column_from_cells(name, cells, CsvOptions{}, "the DataFrame", notes);
        return py::make_tuple(column_to_python(column), notes);
      },
      "A column from its cells' text (None: missing) by the CSV reader's rules (cell_column.hpp): its values or "
      "(codes, levels), and the notes");
}

}  // namespace cbec::python
