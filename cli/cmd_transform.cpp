// cbec transform: add transformed columns to a data file and report what each transform did;
// cbec panel: report the panel structure (units, periods, balance, gaps, duplicates).
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <tuple>

#include "cbec/core/error.hpp"
#include "cbec/frame/panel.hpp"
#include "cbec/frame/transform_specs.hpp"
#include "cbec/report/transform_table.hpp"
#include "cbec/io/csv_reader.hpp"
#include "cbec/io/read_table.hpp"
#include "arguments.hpp"
#include "commands.hpp"
#include "output.hpp"

namespace cbec::cli {

void add_transform(CLI::App& app) {
  struct Opts {
    std::string data, panel, out;
    TransformSpecs specs;
    OutputOptions output;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand("transform", "Add transformed variables (log, lags, growth, interpolation, winsorizing, standardization)");
  cmd->add_option("data", o->data, "Data file (.csv, .dta)")->required();
  cmd->add_option("--panel", o->panel, "unit,time (needed for lags, differences, growth, interpolation)");
  cmd->add_option("--log", o->specs.log, "x -> log_x (values <= 0 become missing, counted)");
  cmd->add_option("--lag", o->specs.lag, "x[:k] -> l<k>_x (gap-aware)");
  cmd->add_option("--lead", o->specs.lead, "x[:k] -> f<k>_x");
  cmd->add_option("--diff", o->specs.diff, "x[:k] -> d<k>_x");
  cmd->add_option("--growth", o->specs.growth, "x -> g_x = x_t / x_{t-1} - 1");
  cmd->add_option("--interpolate", o->specs.interpolate, "x -> i_x, linear within unit over time");
  cmd->add_flag("--extrapolate", o->specs.extrapolate, "Also extrapolate linearly beyond the first and last observations");
  cmd->add_option("--winsor", o->specs.winsor, "x:lower:upper[:by=g] -> w_x (percentiles as Stata winsor2)");
  cmd->add_option("--std", o->specs.std, "x:z|minmax|minmax_neg[:by=g] -> z_x / mm_x");
  cmd->add_option("--save", o->out, "Write the data with the new columns here (.csv)")->required();
  add_output_options(*cmd, o->output);
  cmd->callback([o] {
    Frame f = read_table(o->data);
    if (!o->panel.empty()) std::tie(o->specs.unit, o->specs.time) = parse_panel(o->panel);
    const std::vector<TransformReport> reports = apply_transforms(f, o->specs);
    write_csv(f, o->out);
    const Table t = transform_table(reports, fmt::format("Transforms written to {}", o->out));
    const nlohmann::json j{{"cbec", CBEC_VERSION}, {"command", "transform"}, {"out", o->out}, {"transforms", to_json(reports)}};
    emit({t}, j, o->output);
  });
}

void add_panel(CLI::App& app) {
  struct Opts {
    std::string data, unit, time;
    OutputOptions out;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand("panel", "Report the panel structure: units, periods, balance, gaps, duplicates");
  cmd->add_option("data", o->data, "Data file (.csv, .dta)")->required();
  cmd->add_option("--unit", o->unit, "Unit identifier")->required();
  cmd->add_option("--time", o->time, "Time period")->required();
  add_output_options(*cmd, o->out);
  cmd->callback([o] {
    Frame f = read_table(o->data);
    Panel p = declare_panel(f, o->unit, o->time);
    Table t;
    t.title = fmt::format("Panel structure of {}", o->data);
    t.header = {"Item", "Value"};
    t.rows = {{"Units", std::to_string(p.n_units)},
              {"Periods", fmt::format("{} ({}..{})", p.n_periods(), p.times.empty() ? 0 : p.times.front(), p.times.empty() ? 0 : p.times.back())},
              {"Observations", std::to_string(p.order.size())},
              {"Balanced", p.balanced ? "yes" : "no"},
              {"Gaps (missing periods inside a unit's span)", fmt::format("{} in {} units", p.n_gaps, p.units_with_gaps)},
              {"Rows with missing unit or time", std::to_string(p.rows_missing_id)}};
    nlohmann::json j{{"cbec", CBEC_VERSION}, {"command", "panel"}, {"units", p.n_units}, {"periods", p.n_periods()},
                     {"observations", p.order.size()}, {"balanced", p.balanced}, {"gaps", p.n_gaps}, {"units_with_gaps", p.units_with_gaps},
                     {"rows_missing_id", p.rows_missing_id}, {"summary", p.summary()}};
    emit({t}, j, o->out);
  });
}

}  // namespace cbec::cli
