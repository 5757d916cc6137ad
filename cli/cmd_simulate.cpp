// cbec simulate: a staggered-adoption panel with SIMULATED outcomes and known true effects over a
// table of real units (see src/cbec/study/simulate.hpp for the data-generating process).
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <iostream>

#include "cbec/core/error.hpp"
#include "cbec/io/csv_reader.hpp"
#include "cbec/io/read_table.hpp"
#include "cbec/study/simulate.hpp"
#include "commands.hpp"
#include "processes.hpp"

namespace cbec::cli {

void add_simulate(CLI::App& app) {
  struct Opts {
    std::string units, out, truth_out;
    SimulationSpec spec;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand("simulate", "Simulate outcomes with known effects for a staggered rollout over given units");
  cmd->add_option("units", o->units, "Units table (.csv, .dta) with a first-treatment column")->required();
  cmd->add_option("--unit", o->spec.unit, "Unit id column");
  cmd->add_option("--first-treat", o->spec.first_treat, "First treatment period column (0: never treated)");
  cmd->add_option("--from", o->spec.first_period, "First period");
  cmd->add_option("--to", o->spec.last_period, "Last period");
  cmd->add_option("--effect", o->spec.effect, "Effect at the treatment period");
  cmd->add_option("--dynamic", o->spec.dynamic, "Growth of the effect per period since treatment");
  cmd->add_option("--cohort-gradient", o->spec.cohort_gradient, "Extra effect per period of earlier adoption (heterogeneity)");
  cmd->add_option("--sigma", o->spec.sigma, "Noise standard deviation");
  cmd->add_option("--seed", o->spec.seed, "Random seed");
  cmd->add_option("--outcome", o->spec.outcome, "Name of the outcome column");
  cmd->add_option("--controls", o->spec.control1, "Name of the first control")->expected(1);
  cmd->add_option("--control2", o->spec.control2, "Name of the second control");
  cmd->add_option("-o,--out", o->out, "Output panel CSV")->required();
  cmd->add_option("--truth-out", o->truth_out, "Write the true effects as JSON here");
  cmd->callback([o] {
    require_one_process("cbec simulate");
    Frame units = read_table(o->units);
    Frame panel = simulate_panel(units, o->spec);
    write_csv(panel, o->out);
    nlohmann::json truth = true_effects(panel, o->spec);
    if (!o->truth_out.empty()) {
      std::ofstream f(o->truth_out);
      if (!f) throw DataError(fmt::format("cannot write '{}'", o->truth_out));
      f << truth.dump(2) << "\n";
    }
    std::cout << fmt::format("{}: {} rows ({} units x {} periods), SIMULATED outcome '{}', true ATT {:.4f}\n", o->out, panel.nrows(),
                             units.nrows(), simulated_periods(o->spec), o->spec.outcome, truth["att"].get<double>());
  });
}

}  // namespace cbec::cli
