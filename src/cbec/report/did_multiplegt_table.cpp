#include "cbec/report/did_multiplegt_table.hpp"

#include <fmt/format.h>

namespace cbec {

Table did_multiplegt_table(const DidMultiplegtResult& r) {
  Table t;
  t.title = "de Chaisemartin-D'Haultfoeuille DID_M: effect of switching treatment";
  t.header = {"Estimate", "Horizon", "Value", "Std. error", "CI low", "CI high", "Switchers", "Obs. used"};
  for (const auto& e : r.effects)
    t.rows.push_back({e.name, std::to_string(e.horizon), format_fixed(e.estimate), format_fixed(e.se), format_fixed(e.ci_low),
                      format_fixed(e.ci_high), fmt::format("{:g}", e.n_switchers), fmt::format("{:g}", e.n_obs)});
  t.notes.push_back(fmt::format("Treatment {}; {} units x {} periods ({} cells).", r.treatment, r.n_units, r.n_periods, r.n_cells));
  t.notes.push_back(r.draws ? fmt::format("Standard errors: unit-cluster bootstrap, {} draws, seed {}; 95% normal intervals.", r.draws, r.seed)
                            : "No standard errors: give --draws for the unit-cluster bootstrap.");
  for (const auto& w : r.warnings) t.notes.push_back("Warning: " + w);
  return t;
}

}  // namespace cbec
