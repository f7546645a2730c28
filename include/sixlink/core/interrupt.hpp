// sixlink/core/interrupt.hpp — stopping a long solve from outside.
//
// A process-wide flag that every long-running engine polls between steps of its
// main loop: a pivot of the network simplex, an augmentation of the assignment
// solvers, a bidding round of the auction, a batch of proposals of deferred
// acceptance, a graduate of the placement loops, a demand sample of the
// recommendations. When the flag is set, the next poll throws
// sixlink::Interrupted; the result being computed is abandoned and the engine's
// state stays usable (a warm-started solver starts cold on its next solve).
//
// The Python bindings set the flag when SIGINT arrives during a call and clear it
// once the solve has stopped, which is what turns Ctrl-C into KeyboardInterrupt
// within a poll of the signal. A C++ caller may do the same from a signal handler
// (request_interrupt is async-signal-safe) or from another thread. The flag is
// process-wide: every solve running in the process stops, each throwing
// Interrupted, until clear_interrupt() is called.
//
// Polling costs one relaxed atomic load; it never changes a result. No
// exception escapes an OpenMP region: parallel loops skip their remaining
// iterations once the flag is set and throw after the region.
#pragma once

#include <atomic>
#include <exception>

namespace sixlink {

/// Thrown by a poll once an interrupt is requested. Deliberately not a
/// sixlink::Error: the input was fine, the caller asked to stop.
class Interrupted : public std::exception {
 public:
  const char* what() const noexcept override { return "interrupted"; }
};

namespace detail {
extern std::atomic<bool> interrupt_flag;
}  // namespace detail

/// Asks every solve in progress to stop at its next poll. Async-signal-safe.
inline void request_interrupt() noexcept {
  detail::interrupt_flag.store(true, std::memory_order_relaxed);
}

/// Lets solves run again (call once the interrupted ones have returned).
inline void clear_interrupt() noexcept {
  detail::interrupt_flag.store(false, std::memory_order_relaxed);
}

/// Whether an interrupt is pending: one relaxed load, cheap enough for any loop.
inline bool interrupt_requested() noexcept {
  return detail::interrupt_flag.load(std::memory_order_relaxed);
}

/// The poll for serial code: throws Interrupted when an interrupt is pending.
inline void throw_if_interrupted() {
  if (interrupt_requested()) throw Interrupted();
}

}  // namespace sixlink
