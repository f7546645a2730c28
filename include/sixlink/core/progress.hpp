// sixlink/core/progress.hpp — reporting how far a long solve has got.
//
// A long loop (the demand samples of the recommendations, the years of the rolling
// plan, the graduates of a placement) tells a caller-supplied sink how far it is:
// a ProgressEvent with the stage's name, the steps done out of the total and the
// seconds since the stage began. The command line draws a one-line bar from these
// events on a terminal; the Python bindings call a function or tqdm.
//
// Conventions. A stage's events have `done` non-decreasing from 0 to `total`; the
// first (done = 0, sent when the reporter is made) and the last (done = total, sent
// by finish()) always arrive, those in between at most about ten a second. The
// sink is called by one thread at a time (never concurrently), but not always the
// same thread: inside an OpenMP loop it is whichever thread passes the throttle.
//
// Cost. With no sink a reporter does nothing: advance() is one branch. With a sink
// it is one relaxed atomic add and a clock read per step. Progress never changes a
// result: the loops report, they do not reorder or skip work.
//
// Errors. A sink may throw (the Python bindings rethrow a callback's exception this
// way). advance() never throws, so it is safe inside an OpenMP region: it records
// the first exception and sends no further events; stopped() tells a loop to skip
// its remaining steps, and finish() (or check()) rethrows it after the loop.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>

namespace sixlink {

struct ProgressEvent {
  std::string_view stage;  ///< e.g. "samples", "years", "candidates"
  std::int64_t done = 0;   ///< steps done, 0..total
  std::int64_t total = 0;  ///< steps in the stage
  double elapsed_s = 0.0;  ///< seconds since the stage began
};

/// Where events go; empty: nowhere (no cost).
using Progress = std::function<void(const ProgressEvent&)>;

/// One stage of a long loop: made before the loop, advance() per step (from any
/// thread), finish() after it. Not copyable; a stage lives in one function.
class ProgressReporter {
 public:
  /// Sends the first event (done = 0) unless `sink` is empty.
  ProgressReporter(const Progress& sink, std::string stage, std::int64_t total);
  ProgressReporter(const ProgressReporter&) = delete;
  ProgressReporter& operator=(const ProgressReporter&) = delete;

  /// `steps` more are done. Thread-safe and noexcept (see the essay on errors).
  void advance(std::int64_t steps = 1) noexcept {
    if (sink_ == nullptr) return;
    advance_slow(steps);
  }
  /// Whether the sink threw: the loop may skip what is left.
  bool stopped() const noexcept { return failed_.load(std::memory_order_relaxed); }
  /// Rethrows the sink's exception, if it threw.
  void check();
  /// Sends the last event (done = total) and rethrows the sink's exception, if any.
  /// Call it from one thread, after the loop.
  void finish();

 private:
  void advance_slow(std::int64_t steps) noexcept;
  void send(std::int64_t done) noexcept;  // with mutex_ held

  const Progress* sink_;  // null when the caller gave none
  std::string stage_;
  std::int64_t total_;
  std::chrono::steady_clock::time_point start_;
  std::atomic<std::int64_t> done_{0};
  std::atomic<std::int64_t> next_ns_{0};  // no event before this time (ns since start_)
  std::atomic<bool> failed_{false};
  std::mutex mutex_;
  std::exception_ptr error_;
  bool finished_ = false;
};

/// How long `event`'s stage should still take, from its rate so far; negative
/// when unknown (nothing done yet).
double progress_eta_s(const ProgressEvent& event);

/// "1m05s", "12.3s", "2h03m": a short duration for a progress line.
std::string format_progress_duration(double seconds);

}  // namespace sixlink
