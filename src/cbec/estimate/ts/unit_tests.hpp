// A univariate unit-root or stationarity test (ADF, Phillips-Perron, KPSS) of every unit's series.
#pragma once
#include <array>
#include <string>
#include <vector>

#include "cbec/estimate/ts/adf.hpp"
#include "cbec/estimate/ts/unit_series.hpp"

namespace cbec {

struct UnivariateTest {
  double stat = 0, p_value = 0;
  std::array<double, 3> critical{};   // 1%, 5%, 10%
  int lags = 0;                       // ADF: lagged differences; PP, KPSS: Bartlett lag
  size_t nobs = 0;
};

struct UnitTests {
  std::string test;                   // adf, pp, kpss
  std::string label;                  // levels, differences
  std::string variable;
  Deterministic deterministic = Deterministic::Constant;
  std::string lags;                   // the lag rule as given
  PApprox p_approx = PApprox::MacKinnon1994;
  std::vector<std::string> units;
  std::vector<UnivariateTest> results;
};

struct UnitTestSpec {
  std::string test = "adf";
  Deterministic deterministic = Deterministic::Constant;
  LagChoice adf_lags;                 // ADF
  std::string bandwidth = "short";    // PP and KPSS: short, long or a lag
  bool dfcor = true;
  PApprox p_approx = PApprox::MacKinnon1994;   // ADF and PP p-values (dickey_fuller_p.hpp)
};

UnitTests unit_tests(const UnitSeries& s, const UnitTestSpec& spec);

}  // namespace cbec
