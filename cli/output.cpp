#include "output.hpp"

#include <fmt/format.h>

#include <fstream>
#include <iostream>

#include "cbec/core/error.hpp"

namespace cbec::cli {

void add_output_options(CLI::App& cmd, OutputOptions& o) {
  cmd.add_option("--format", o.format, "Table format: text, md, latex, csv, html, xlsx");
  cmd.add_option("-o,--out", o.out, "Write the tables to this file (format from its extension)");
  cmd.add_flag("--json", o.json, "Print the full results as JSON instead of tables");
  cmd.add_option("--json-out", o.json_out, "Also write the full results as JSON to this file");
  // Where an analysis has an option of that name (treat's treatment timing), the analysis keeps it.
  if (!cmd.get_option_no_throw("--timing"))
    cmd.add_flag("--timing", o.timing, "Report wall times of the stages (read, weights, design, demean, solve, vcov, impacts, replications, output; the rest as other) on standard error (and as JSON timing)");
}

namespace {
std::string dump(const nlohmann::json& j) { return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace); }
}  // namespace

void emit(const std::vector<Table>& tables, const nlohmann::json& results, const OutputOptions& o, StageTimer* timer) {
  StageLap lap(timer);
  const bool want_json = o.json || !o.json_out.empty();
  std::string json_text = want_json ? dump(results) : "";
  std::string text;
  if (o.json && !o.out.empty())
    throw SpecError(fmt::format("--json prints the results instead of tables, so -o {} would be left unwritten: give --json-out for a JSON file, or drop --json", o.out));
  if (!o.json) {
    if (!o.out.empty()) {
      // The file's extension decides; a --format saying otherwise is refused (markdown in a .tex).
      write_tables(tables, o.out, output_format(o.out, o.format == "text" ? "" : o.format, "-o " + o.out, "--format"));
    } else {
      const TableFormat fmt = parse_table_format(o.format);
      for (size_t i = 0; i < tables.size(); ++i) text += (i ? "\n" : "") + render(tables[i], fmt);
    }
  }
  lap.lap(Stage::Output);
  std::vector<std::pair<std::string, double>> times;
  if (timer) {
    times = timer->report();
    if (want_json) {
      nlohmann::json timed = results;
      for (const auto& [stage, secs] : times) timed["timing"][stage] = secs;
      json_text = dump(timed);
    }
  }
  if (!o.json_out.empty()) {
    std::ofstream f(o.json_out);
    if (!f) throw DataError("cannot write '" + o.json_out + "': check the folder exists and is writable");
    f << json_text << "\n";
  }
  if (o.json) std::cout << json_text << "\n";
  else std::cout << text;
  if (timer) {
    std::string line = "timing (s):";
    for (const auto& [stage, secs] : times) line += fmt::format(" {} {:.3f}", stage, secs);
    std::cerr << line << "\n";
  }
}

}  // namespace cbec::cli
