// Wall-clock time of the stages of one command, for `--timing`: read, weights, design, demean,
// solve, vcov, impacts, replications, output; the rest of the command (checks, building tables and
// JSON) is "other". Whoever does the work claims its time: the command line reads and writes, the
// analyses and estimators claim the others through a StageLap on the timer handed down by the
// analysis context:
//   weights       building or aligning the spatial weights on the units analysed
//   design        the design matrices (formula, lags, transformations)
//   demean        partialling out fixed effects
//   solve         the estimation itself (for ML: the search over the spatial parameters)
//   vcov          the variance of the estimates
//   impacts       LeSage-Pace impacts of the spatial lag models (traces and simulated draws)
//   replications  bootstrap, placebo and permutation draws
// The order above is the order of the report (printed and JSON), whatever was claimed. A null
// timer (no --timing) costs nothing: StageLap then never reads the clock.
#pragma once
#include <array>
#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace cbec {

enum class Stage { Read, Weights, Design, Demean, Solve, Vcov, Impacts, Replications, Output };
inline constexpr size_t kStageCount = 9;

class StageTimer {
 public:
  StageTimer();  // the total runs from here
  void add(Stage s, double seconds);
  // Seconds per stage in the order above, then "other" (total minus the stages) and "total".
  std::vector<std::pair<std::string, double>> report() const;

 private:
  std::array<double, kStageCount> seconds_{};
  std::chrono::steady_clock::time_point start_;
};

// Successive laps of one piece of work: lap(s) gives the time since the previous lap (or since
// construction) to stage s; skip() starts the next lap without claiming the time since the previous
// one (claimed already by an estimator handed the same timer).
class StageLap {
 public:
  explicit StageLap(StageTimer* timer);
  void lap(Stage s);
  void skip();

 private:
  StageTimer* timer_;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace cbec
