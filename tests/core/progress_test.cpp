// Progress reporting: first and last events always, monotone counts, throttling,
// thread safety, no sink no events, and a throwing sink stops and rethrows.
#include "sixlink/core/progress.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace sixlink {
namespace {

struct Seen {
  std::string stage;
  std::int64_t done, total;
  double elapsed_s;
};

TEST(Progress, FirstAndLastEventsAlwaysArrive) {
  std::vector<Seen> seen;
  const Progress sink = [&](const ProgressEvent& e) {
    seen.push_back({std::string(e.stage), e.done, e.total, e.elapsed_s});
  };
  ProgressReporter r(sink, "samples", 5);
  for (int k = 0; k < 5; ++k) r.advance();
  r.finish();
  ASSERT_GE(seen.size(), 2u);
  EXPECT_EQ(seen.front().stage, "samples");
  EXPECT_EQ(seen.front().done, 0);
  EXPECT_EQ(seen.back().done, 5);
  EXPECT_EQ(seen.back().total, 5);
  for (std::size_t i = 1; i < seen.size(); ++i) {
    EXPECT_GE(seen[i].done, seen[i - 1].done);
    EXPECT_GE(seen[i].elapsed_s, seen[i - 1].elapsed_s);
  }
  r.finish();  // a second finish sends nothing
  EXPECT_EQ(seen.back().done, 5);
}

TEST(Progress, ThrottlesFastLoops) {
  int events = 0;
  const Progress sink = [&](const ProgressEvent&) { ++events; };
  ProgressReporter r(sink, "fast", 1'000'000);
  for (int k = 0; k < 1'000'000; ++k) r.advance();
  r.finish();
  EXPECT_GE(events, 2);
  EXPECT_LE(events, 30);  // the loop takes well under a second or two
}

TEST(Progress, SlowStepsEachReport) {
  std::vector<std::int64_t> done;
  const Progress sink = [&](const ProgressEvent& e) { done.push_back(e.done); };
  ProgressReporter r(sink, "slow", 3);
  for (int k = 0; k < 3; ++k) {
    std::this_thread::sleep_for(std::chrono::milliseconds(120));
    r.advance();
  }
  r.finish();
  EXPECT_EQ(done, (std::vector<std::int64_t>{0, 1, 2, 3}));
}

TEST(Progress, NoSinkNoEvents) {
  const Progress none;
  ProgressReporter r(none, "quiet", 10);
  for (int k = 0; k < 10; ++k) r.advance();
  r.finish();
  EXPECT_FALSE(r.stopped());
}

TEST(Progress, ManyThreadsOneSinkAtATime) {
  std::atomic<int> inside{0};
  std::atomic<bool> overlapped{false};
  std::int64_t last = -1;
  bool monotone = true;
  const Progress sink = [&](const ProgressEvent& e) {
    if (inside.fetch_add(1) != 0) overlapped = true;
    monotone = monotone && e.done >= last && e.done <= e.total;
    last = e.done;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
    inside.fetch_sub(1);
  };
  ProgressReporter r(sink, "threads", 8 * 20000);
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&] {
      for (int k = 0; k < 20000; ++k) r.advance();
    });
  for (auto& t : threads) t.join();
  r.finish();
  EXPECT_FALSE(overlapped);
  EXPECT_TRUE(monotone);
  EXPECT_EQ(last, 8 * 20000);
}

TEST(Progress, ThrowingSinkStopsAndRethrows) {
  int calls = 0;
  const Progress sink = [&](const ProgressEvent& e) {
    ++calls;
    if (e.done > 0) throw std::runtime_error("stop");
  };
  ProgressReporter r(sink, "stage", 4);
  std::this_thread::sleep_for(std::chrono::milliseconds(120));
  r.advance();  // never throws, even from a parallel region
  EXPECT_TRUE(r.stopped());
  r.advance();
  EXPECT_THROW(r.check(), std::runtime_error);
  EXPECT_THROW(r.finish(), std::runtime_error);
  EXPECT_EQ(calls, 2);  // no event after the sink threw
}

TEST(Progress, EtaAndDurations) {
  EXPECT_LT(progress_eta_s({"s", 0, 10, 1.0}), 0.0);
  EXPECT_DOUBLE_EQ(progress_eta_s({"s", 5, 10, 2.0}), 2.0);
  EXPECT_DOUBLE_EQ(progress_eta_s({"s", 10, 10, 2.0}), 0.0);
  EXPECT_EQ(format_progress_duration(3.24), "3.2s");
  EXPECT_EQ(format_progress_duration(65.0), "1m05s");
  EXPECT_EQ(format_progress_duration(7380.0), "2h03m");
  EXPECT_EQ(format_progress_duration(-1.0), "?");
}

}  // namespace
}  // namespace sixlink
