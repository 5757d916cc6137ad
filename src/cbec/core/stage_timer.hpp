// Wall-clock time of the stages of one command, for `--timing`: read, design, demean, solve, vcov,
// output; the rest of the command (checks, building tables and JSON) is "other". Whoever does the
// work claims its time: the command line reads and writes, estimators claim design, demean, solve
// and vcov through a StageLap on the timer handed down by the analysis context. A null timer (no
// --timing) costs nothing: StageLap then never reads the clock.
#pragma once
#include <array>
#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace cbec {

enum class Stage { Read, Design, Demean, Solve, Vcov, Output };

class StageTimer {
 public:
  StageTimer();  // the total runs from here
  void add(Stage s, double seconds);
  // Seconds per stage in the order above, then "other" (total minus the stages) and "total".
  std::vector<std::pair<std::string, double>> report() const;

 private:
  std::array<double, 6> seconds_{};
  std::chrono::steady_clock::time_point start_;
};

// Successive laps of one piece of work: lap(s) gives the time since the previous lap (or since
// construction) to stage s.
class StageLap {
 public:
  explicit StageLap(StageTimer* timer);
  void lap(Stage s);

 private:
  StageTimer* timer_;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace cbec
