// The process-wide interrupt flag (see sixlink/core/interrupt.hpp).
#include "sixlink/core/interrupt.hpp"

namespace sixlink::detail {

static_assert(std::atomic<bool>::is_always_lock_free,
              "request_interrupt must be async-signal-safe");

std::atomic<bool> interrupt_flag{false};

}  // namespace sixlink::detail
