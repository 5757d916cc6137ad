#include "cbec/core/stage_timer.hpp"

namespace cbec {

namespace {
double since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}
}  // namespace

StageTimer::StageTimer() : start_(std::chrono::steady_clock::now()) {}

void StageTimer::add(Stage s, double seconds) { seconds_[static_cast<size_t>(s)] += seconds; }

std::vector<std::pair<std::string, double>> StageTimer::report() const {
  static const char* names[kStageCount] = {"read", "weights", "design", "demean", "solve", "vcov", "impacts", "replications", "output"};
  std::vector<std::pair<std::string, double>> out;
  double claimed = 0;
  for (size_t k = 0; k < seconds_.size(); ++k) {
    out.emplace_back(names[k], seconds_[k]);
    claimed += seconds_[k];
  }
  const double total = since(start_);
  out.emplace_back("other", total > claimed ? total - claimed : 0.0);
  out.emplace_back("total", total);
  return out;
}

StageLap::StageLap(StageTimer* timer) : timer_(timer) {
  if (timer_) last_ = std::chrono::steady_clock::now();
}

void StageLap::lap(Stage s) {
  if (!timer_) return;
  const auto now = std::chrono::steady_clock::now();
  timer_->add(s, std::chrono::duration<double>(now - last_).count());
  last_ = now;
}

void StageLap::skip() {
  if (timer_) last_ = std::chrono::steady_clock::now();
}

}  // namespace cbec
