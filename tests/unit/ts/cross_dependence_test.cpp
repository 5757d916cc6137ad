// CD, LM, scaled LM and bias-corrected scaled LM against plm's pcdtest
// (tests/reference/ts/pcdtest_plm.R) on Grunfeld, Produc, the unbalanced EmplUK and Grunfeld with gaps.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

#include "cbec/estimate/ts/cross_dependence.hpp"
#include "cbec/io/csv_reader.hpp"
#include "../reference_fixture.hpp"

using namespace cbec;

namespace {
Frame data(const std::string& name) {
  if (name == "grunfeld_gaps") {  // as pcdtest_plm.R: without year 1933 + k of firm k >= 2
    const Frame g = read_csv(std::string(CBEC_TEST_DATA) + "/grunfeld.csv");
    std::vector<size_t> rows;
    for (size_t i = 0; i < g.nrows(); ++i)
      if (!(g.numeric("firm")[i] >= 2 && g.numeric("year")[i] == 1933 + g.numeric("firm")[i])) rows.push_back(i);
    return g.take(rows);
  }
  Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/" + name);
  if (name == "produc.csv")
    for (const auto& [to, from] : std::vector<std::pair<std::string, std::string>>{{"lgsp", "gsp"}, {"lpcap", "pcap"}, {"lpc", "pc"}, {"lemp", "emp"}}) {
      std::vector<double> v = f.numeric(from);
      for (auto& x : v) x = std::log(x);
      f.set(Column::numeric(to, v));
    }
  return f;
}
}  // namespace

TEST(CrossDependence, MatchesPlmPcdtest) {
  const auto fx = reference_fixture("ts_pcdtest_plm.json");
  ASSERT_EQ(fx["cases"].size(), 56u);
  for (const auto& c : fx["cases"]) {
    const Frame f = data(c["data"]);
    const Panel p = declare_panel(f, c["unit"], c["time"]);
    const auto r = cross_dependence(f, p, c["variable"], c["controls"].get<std::vector<std::string>>(), c["residuals"]);
    const std::string what = c["data"].get<std::string>() + " " + c["residuals"].get<std::string>() + " " + c["stat"].get<std::string>();
    const CdStat* st = nullptr;
    for (const auto& s : r.stats)
      if (s.name == c["stat"]) st = &s;
    ASSERT_NE(st, nullptr) << what;
    const double want = c["value"], want_p = c["p_value"];
    EXPECT_NEAR(st->value, want, 1e-6 * std::max(1.0, std::abs(want))) << what;
    EXPECT_NEAR(st->p_value, want_p, 1e-6 * std::max(1e-3, want_p)) << what;
  }
}
