// Munnell's Produc data (48 US states, 1970-1986) with splm's 48-state weights usaww,
// row-standardized: the panel of the spatial panel references (tests/reference/spreg/*.R), with
// their model log(gsp) ~ log(pcap) + log(pc) + log(emp) + unemp.
#pragma once
#include <string>

#include "cbec/analysis/spreg/spatial_panel_sample.hpp"
#include "cbec/io/csv_reader.hpp"
#include "cbec/io/weights_io.hpp"

namespace cbec::testing {

// file: a CSV in tests/data (produc.csv or one of its unbalanced versions); intercept: random
// effects (and pooled) models carry one, fixed-effects models do not.
inline SpatialPanelSample produc_sample(const std::string& file, bool intercept) {
  const Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/" + file);
  SpatialSetup s;
  s.w = read_weights(std::string(CBEC_TEST_DATA) + "/usaww.gal");
  s.key = "state";
  s.transform = "R";
  return spatial_panel_sample(f, "log(gsp) ~ log(pcap) + log(pc) + log(emp) + unemp", intercept, "year", s, file);
}

// The balanced Produc panel, read once per test program: with the intercept (random effects) or
// without (fixed effects).
inline const SpatialPanelSample& produc_balanced(bool intercept) {
  static const SpatialPanelSample re = produc_sample("produc.csv", true), fe = produc_sample("produc.csv", false);
  return intercept ? re : fe;
}

}  // namespace cbec::testing
