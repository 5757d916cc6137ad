// The reference cases of the panel cointegration tests (tests/reference/ts/pedroni.R,
// westerlund.R): their fixture, the data of one case (plm's Produc in logs, or Grunfeld) and the
// 1e-6 relative comparison.
#pragma once
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <string>
#include <vector>

#include "cbec/estimate/ts/cointegration_data.hpp"
#include "cbec/io/csv_reader.hpp"
#include "../reference_fixture.hpp"

namespace cbec::testing {

inline void expect_rel(double got, double want, const std::string& what) {
  EXPECT_NEAR(got, want, 1e-6 * std::max(1e-12, std::abs(want))) << what << ": " << got << " vs " << want;
}

// Produc's reference uses the logs of gsp, pc, emp (named lgsp, lpc, lemp there).
inline CointegrationData cointegration_case(const nlohmann::json& c) {
  const bool produc = c["unit"] == "state";
  const Frame f = read_csv(std::string(CBEC_TEST_DATA) + (produc ? "/produc.csv" : "/grunfeld.csv"));
  auto column = [&](const std::string& v) { return produc ? v.substr(1) : v; };
  std::vector<std::string> x;
  for (const auto& v : c["x"]) x.push_back(column(v.get<std::string>()));
  CointegrationData d = cointegration_data(f, c["unit"], "year", column(c["y"]), x, c["trend"], produc);
  d.intercept = c.value("intercept", true);   // false: no deterministic terms
  return d;
}

}  // namespace cbec::testing
