#include "cbec/io/dta_reader.hpp"

#include <fmt/format.h>
#include <readstat.h>

#include <limits>

#include "cbec/core/error.hpp"

namespace cbec {

namespace {

struct DtaState {
  std::vector<std::string> names, labels;
  std::vector<bool> is_string;
  std::vector<std::vector<double>> nums;
  std::vector<std::vector<std::string>> texts;
  long rows = 0;
};

int on_metadata(readstat_metadata_t* meta, void* ctx) {
  auto* s = static_cast<DtaState*>(ctx);
  s->rows = readstat_get_row_count(meta);
  return READSTAT_HANDLER_OK;
}

int on_variable(int index, readstat_variable_t* var, const char*, void* ctx) {
  auto* s = static_cast<DtaState*>(ctx);
  s->names.emplace_back(readstat_variable_get_name(var));
  const char* label = readstat_variable_get_label(var);
  s->labels.emplace_back(label ? label : "");
  s->is_string.push_back(readstat_variable_get_type_class(var) == READSTAT_TYPE_CLASS_STRING);
  s->nums.emplace_back();
  s->texts.emplace_back();
  if (s->rows > 0) {
    if (s->is_string[index]) s->texts[index].reserve(s->rows);
    else s->nums[index].reserve(s->rows);
  }
  return READSTAT_HANDLER_OK;
}

int on_value(int, readstat_variable_t* var, readstat_value_t value, void* ctx) {
  auto* s = static_cast<DtaState*>(ctx);
  const int j = readstat_variable_get_index(var);
  if (s->is_string[j]) {
    const char* str = readstat_string_value(value);
    s->texts[j].emplace_back(str ? str : "");
  } else if (readstat_value_is_missing(value, var)) {
    s->nums[j].push_back(std::numeric_limits<double>::quiet_NaN());
  } else {
    s->nums[j].push_back(readstat_double_value(value));
  }
  return READSTAT_HANDLER_OK;
}

// Parses with the given file encoding ("" = the file's own, Windows-1252 for Stata < 14).
readstat_error_t parse_dta(const std::string& path, const char* encoding, DtaState& state) {
  state = DtaState{};
  readstat_parser_t* parser = readstat_parser_init();
  readstat_set_metadata_handler(parser, on_metadata);
  readstat_set_variable_handler(parser, on_variable);
  readstat_set_value_handler(parser, on_value);
  if (encoding) readstat_set_file_character_encoding(parser, encoding);
  readstat_error_t err = readstat_parse_dta(parser, path.c_str(), &state);
  readstat_parser_free(parser);
  return err;
}

}  // namespace

Frame read_dta(const std::string& path) {
  DtaState state;
  readstat_error_t err = parse_dta(path, nullptr, state);
  // Files from Stata < 14 that hold UTF-8 or GB18030 text (common for Chinese names) are not
  // Windows-1252: retry with those encodings before giving up.
  for (const char* enc : {"UTF-8", "GB18030"}) {
    if (err != READSTAT_ERROR_CONVERT_BAD_STRING) break;
    err = parse_dta(path, enc, state);
  }
  if (err != READSTAT_OK)
    throw DataError(fmt::format("cannot read Stata file '{}': {}", path, readstat_error_message(err)));
  Frame frame(path);
  for (size_t j = 0; j < state.names.size(); ++j) {
    Column c = state.is_string[j] ? Column::strings(state.names[j], state.texts[j])
                                  : Column::numeric(state.names[j], std::move(state.nums[j]));
    c.label = state.labels[j];
    frame.set(std::move(c));
  }
  return frame;
}

}  // namespace cbec
