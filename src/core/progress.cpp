// Progress reporting (see sixlink/core/progress.hpp).
#include "sixlink/core/progress.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace sixlink {

namespace {

constexpr std::int64_t kIntervalNs = 100'000'000;  // at most ten events a second

}  // namespace

ProgressReporter::ProgressReporter(const Progress& sink, std::string stage, std::int64_t total)
    : sink_(sink ? &sink : nullptr),
      stage_(std::move(stage)),
      total_(total < 0 ? 0 : total),
      start_(std::chrono::steady_clock::now()) {
  if (sink_ == nullptr) return;
  const std::lock_guard<std::mutex> lock(mutex_);
  send(0);
  next_ns_.store(kIntervalNs, std::memory_order_relaxed);
}

void ProgressReporter::advance_slow(std::int64_t steps) noexcept {
  done_.fetch_add(steps, std::memory_order_relaxed);
  if (failed_.load(std::memory_order_relaxed)) return;
  const std::int64_t now = std::chrono::duration_cast<std::chrono::nanoseconds>(
                               std::chrono::steady_clock::now() - start_)
                               .count();
  if (now < next_ns_.load(std::memory_order_relaxed)) return;
  // Whoever holds the lock reports; the others go on with their work.
  std::unique_lock<std::mutex> lock(mutex_, std::try_to_lock);
  if (!lock.owns_lock() || finished_) return;
  if (now < next_ns_.load(std::memory_order_relaxed)) return;  // another thread just sent
  next_ns_.store(now + kIntervalNs, std::memory_order_relaxed);
  // The last event is finish()'s: a step count at the total waits for it.
  const std::int64_t done = std::min(done_.load(std::memory_order_relaxed), total_);
  if (done < total_) send(done);
}

void ProgressReporter::send(std::int64_t done) noexcept {
  if (failed_.load(std::memory_order_relaxed)) return;
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  try {
    (*sink_)(ProgressEvent{stage_, done, total_, elapsed});
  } catch (...) {
    error_ = std::current_exception();
    failed_.store(true, std::memory_order_relaxed);
  }
}

void ProgressReporter::check() {
  if (!failed_.load(std::memory_order_relaxed)) return;
  const std::lock_guard<std::mutex> lock(mutex_);
  if (error_) std::rethrow_exception(error_);
}

void ProgressReporter::finish() {
  if (sink_ != nullptr) {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (!finished_) {
      finished_ = true;
      send(total_);
    }
  }
  check();
}

double progress_eta_s(const ProgressEvent& event) {
  if (event.done <= 0 || event.total <= 0) return -1.0;
  if (event.done >= event.total) return 0.0;
  const double rate = event.elapsed_s / static_cast<double>(event.done);
  return rate * static_cast<double>(event.total - event.done);
}

std::string format_progress_duration(double seconds) {
  if (!(seconds >= 0.0) || !std::isfinite(seconds)) return "?";
  char text[32];
  if (seconds < 60.0) {
    std::snprintf(text, sizeof text, "%.1fs", seconds);
  } else if (seconds < 3600.0) {
    const auto s = static_cast<long long>(seconds);
    std::snprintf(text, sizeof text, "%lldm%02llds", s / 60, s % 60);
  } else {
    const auto m = static_cast<long long>(seconds / 60.0);
    std::snprintf(text, sizeof text, "%lldh%02lldm", m / 60, m % 60);
  }
  return text;
}

}  // namespace sixlink
