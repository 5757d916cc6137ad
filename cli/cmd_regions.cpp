// cbec regions: add a region column (three-belt, four-region, seven, zhejiang, yrd) to a city or
// province data set by matching names in Chinese or English, reporting units not matched.
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "cbec/domain/regions.hpp"
#include "cbec/io/csv_reader.hpp"
#include "cbec/io/read_table.hpp"
#include "commands.hpp"
#include "output.hpp"

namespace cbec::cli {

void add_regions(CLI::App& app) {
  struct Opts {
    std::string data, save;
    RegionOptions r;
    OutputOptions out;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand("regions", "Region groupings of Chinese provinces and cities (NBS three-belt and four-region, seven regions, Zhejiang, Yangtze River Delta)");
  cmd->add_option("data", o->data, "Data file (.csv, .dta)")->required();
  cmd->add_option("--unit", o->r.unit, "City or province name column (Chinese or English)")->required();
  cmd->add_option("--level", o->r.level, "city (default) or province");
  cmd->add_option("--scheme", o->r.scheme, "three-belt (default) | four-region | seven | zhejiang | yrd");
  cmd->add_option("--name", o->r.column, "Name of the new column (default: the scheme, e.g. three_belt)");
  cmd->add_option("--save", o->save, "Write the data with the region column here (.csv)")->required();
  add_output_options(*cmd, o->out);
  cmd->callback([o] {
    Frame f = read_table(o->data);
    RegionReport r = cbec::add_regions(f, o->r);
    write_csv(f, o->save);
    Table t;
    t.title = fmt::format("Regions ({} scheme, {} level): {} units", r.scheme, r.level, r.units);
    t.header = {"Region", "Units"};
    for (const auto& [region, n] : r.counts) t.rows.push_back({region, std::to_string(n)});
    if (!r.outside.empty()) t.notes.push_back(fmt::format("Outside the scheme (region missing): {}", fmt::join(r.outside, ", ")));
    if (!r.ambiguous.empty()) t.notes.push_back(fmt::format("Warning: ambiguous English names, give them in Chinese (e.g. 台州/泰州, 苏州/宿州): {}", fmt::join(r.ambiguous, ", ")));
    if (!r.unmatched.empty()) t.notes.push_back(fmt::format("Warning: {} units match no known city or province: {}", r.unmatched.size(), fmt::join(r.unmatched, ", ")));
    t.notes.push_back(fmt::format("Column '{}' written to {}", r.column, o->save));
    emit({t}, to_json(r), o->out);
  });
}

}  // namespace cbec::cli
