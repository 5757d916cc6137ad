#include "output.hpp"

#include <fstream>
#include <iostream>

#include "cbec/core/error.hpp"

namespace cbec::cli {

void add_output_options(CLI::App& cmd, OutputOptions& o) {
  cmd.add_option("--format", o.format, "Table format: text, md, latex, csv, html, xlsx");
  cmd.add_option("-o,--out", o.out, "Write the tables to this file (format from its extension)");
  cmd.add_flag("--json", o.json, "Print the full results as JSON instead of tables");
  cmd.add_option("--json-out", o.json_out, "Also write the full results as JSON to this file");
}

void emit(const std::vector<Table>& tables, const nlohmann::json& results, const OutputOptions& o) {
  if (!o.json_out.empty()) {
    std::ofstream f(o.json_out);
    if (!f) throw DataError("cannot write '" + o.json_out + "': check the folder exists and is writable");
    f << results.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  }
  if (o.json) {
    std::cout << results.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return;
  }
  if (!o.out.empty()) {
    TableFormat fmt = o.format == "text" ? format_for_path(o.out) : parse_table_format(o.format);
    write_tables(tables, o.out, fmt);
    return;
  }
  TableFormat fmt = parse_table_format(o.format);
  for (size_t i = 0; i < tables.size(); ++i) std::cout << (i ? "\n" : "") << render(tables[i], fmt);
}

}  // namespace cbec::cli
