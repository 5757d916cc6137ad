// Progress of long loops (placebo draws, bootstraps, permutations) on a terminal: one line on
// standard error, "label [#####.....] 45% 450/1000", redrawn at most ten times a second, and
// erased when the task ends. It is shown only when standard error is a terminal and neither CI nor
// CBEC_NO_PROGRESS is set, so logs, pipes and CI stay quiet. One task is shown at a time; the
// replication driver announces its draws and counts them from any thread.
#pragma once
#include <cstddef>
#include <string>

namespace cbec {

// The current task, for its lifetime (e.g. one analysis of a study).
class ProgressTask {
 public:
  explicit ProgressTask(const std::string& label);
  ~ProgressTask();
  ProgressTask(const ProgressTask&) = delete;
  ProgressTask& operator=(const ProgressTask&) = delete;
};

bool progress_enabled();
void progress_expect(size_t units);    // more work in the current task
void progress_advance(size_t units);   // work done; thread-safe

}  // namespace cbec
