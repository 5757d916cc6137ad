// cbec treat: add pilot-zone treatment variables (treat, first_treat, post, did, rel_time, batch)
// to a city or province panel from the shipped registry, reporting every unmatched unit.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cbec/domain/pilot_zones.hpp"
#include "cbec/io/csv_reader.hpp"
#include "cbec/io/read_table.hpp"
#include "commands.hpp"
#include "output.hpp"

namespace cbec::cli {

void add_treat(CLI::App& app) {
  struct Opts {
    std::string data, save, registry;
    TreatOptions t;
    OutputOptions out;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand("treat", "Pilot-zone treatment variables for a city or province panel");
  cmd->add_option("data", o->data, "Data file (.csv, .dta)")->required();
  cmd->add_option("--unit", o->t.unit, "City or province name column (Chinese or English)")->required();
  cmd->add_option("--time", o->t.time, "Year column")->required();
  cmd->add_option("--level", o->t.level, "city (default) or province");
  cmd->add_option("--county-rule", o->t.county_rule, "parent (default: a county-level zone such as Yiwu treats its prefecture) or ignore");
  cmd->add_option("--timing", o->t.timing, "year (default: approval year), july (approved after June: next year), lag=k");
  cmd->add_option("--registry", o->registry, "Use this registry CSV instead of the shipped one");
  cmd->add_option("--save", o->save, "Write the data with the new columns here (.csv)")->required();
  add_output_options(*cmd, o->out);
  cmd->callback([o] {
    Frame f = read_table(o->data);
    TreatReport r = add_treatment(f, o->t, load_pilot_zones(o->registry));
    write_csv(f, o->save);
    Table t;
    t.title = fmt::format("Pilot-zone treatment: {} of {} units treated", r.treated_units, r.units);
    t.header = {"Unit", "Zone (batch, approval year)"};
    for (const auto& m : r.matched_zones) {
      auto colon = m.find(": ");
      t.rows.push_back({m.substr(0, colon), m.substr(colon + 2)});
    }
    t.notes.push_back("Rules: " + r.rules + ".");
    if (!r.unmatched.empty())
      t.notes.push_back(fmt::format("Warning: {} units match no known city or province and are coded as never treated: {}", r.unmatched.size(),
                                    fmt::join(r.unmatched, ", ")));
    t.notes.push_back("Columns added: treat, first_treat (0 = never), post, did, rel_time, batch; written to " + o->save);
    emit({t}, to_json(r), o->out);
  });
}

}  // namespace cbec::cli
