#include "cbec/core/progress.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <mutex>

namespace cbec {

namespace {

struct State {
  std::atomic<size_t> done{0}, total{0};
  std::atomic<int64_t> last_draw_ms{0};
  std::atomic<bool> active{false};
  std::mutex draw;
  std::string label;
};

State& state() {
  static State s;
  return s;
}

int64_t now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

void redraw(State& s) {
  const size_t done = s.done.load(), total = s.total.load();
  const double share = total ? std::min(1.0, static_cast<double>(done) / static_cast<double>(total)) : 0.0;
  const int width = 30, filled = static_cast<int>(share * width);
  const std::string bar = std::string(static_cast<size_t>(filled), '#') + std::string(static_cast<size_t>(width - filled), '.');
  std::fprintf(stderr, "\r\033[K%s", total ? fmt::format("{} [{}] {:3.0f}% {}/{}", s.label, bar, 100 * share, done, total).c_str() : s.label.c_str());
  std::fflush(stderr);
}

}  // namespace

bool progress_enabled() {
  static const bool on = isatty(STDERR_FILENO) && !std::getenv("CI") && !std::getenv("CBEC_NO_PROGRESS");
  return on;
}

ProgressTask::ProgressTask(const std::string& label) {
  if (!progress_enabled()) return;
  State& s = state();
  std::lock_guard<std::mutex> lock(s.draw);
  s.label = label;
  s.done = 0;
  s.total = 0;
  s.active = true;
  redraw(s);
}

ProgressTask::~ProgressTask() {
  if (!progress_enabled()) return;
  State& s = state();
  std::lock_guard<std::mutex> lock(s.draw);
  s.active = false;
  std::fprintf(stderr, "\r\033[K");
  std::fflush(stderr);
}

void progress_expect(size_t units) {
  if (!progress_enabled() || !state().active) return;
  state().total += units;
}

void progress_advance(size_t units) {
  if (!progress_enabled()) return;
  State& s = state();
  if (!s.active) return;
  s.done += units;
  const int64_t t = now_ms();
  if (t - s.last_draw_ms.load() < 100) return;
  std::unique_lock<std::mutex> lock(s.draw, std::try_to_lock);
  if (!lock.owns_lock() || !s.active) return;
  s.last_draw_ms = t;
  redraw(s);
}

}  // namespace cbec
