// progress_sink.hpp — a Python callable as the library's progress sink
// (sixlink/core/progress.hpp), for the solves that release the GIL.
//
// The solve runs without the GIL, in a worker thread (and, for the demand
// samples, in OpenMP threads); the sink takes the GIL for each event and calls
// `callback(stage, done, total, elapsed)`. The library calls the sink from one
// thread at a time and at most about ten times a second.
//
// When the callback raises, its exception is kept, the sink throws a marker that
// stops the solve at its next step (the library sends no further event), and
// rethrow_callback_error() raises the callback's own exception once the solve has
// returned: the caller sees exactly what the callback raised (KeyboardInterrupt
// included), and no result.
#pragma once

#include <pybind11/pybind11.h>

#include <exception>
#include <memory>
#include <optional>

#include "sixlink/core/progress.hpp"

namespace sixlink_python {

namespace py = pybind11;

/// Thrown through the solve when the callback raised; carries nothing.
struct ProgressCallbackFailed : std::exception {
  const char* what() const noexcept override { return "the progress callback raised"; }
};

class PythonProgress {
 public:
  /// `callback`: None (no sink) or a callable; made and destroyed with the GIL held.
  explicit PythonProgress(const py::object& callback) {
    if (callback.is_none()) return;
    if (!PyCallable_Check(callback.ptr()))
      throw py::type_error(
          "progress must be None, True or a callable (stage, done, total, elapsed)");
    state_ = std::make_shared<State>();
    state_->callback = callback;
  }

  /// The sink to put in the options; empty without a callback. It holds only a
  /// plain pointer to the state, which outlives the solve (this object does).
  sixlink::Progress sink() const {
    if (!state_) return {};
    State* state = state_.get();
    return [state](const sixlink::ProgressEvent& e) {
      py::gil_scoped_acquire acquire;
      try {
        state->callback(py::str(e.stage.data(), e.stage.size()), e.done, e.total, e.elapsed_s);
      } catch (py::error_already_set& error) {
        state->error.emplace(error);
        throw ProgressCallbackFailed();
      }
    };
  }

  /// With the GIL held, after the solve: raises the callback's exception, if it raised.
  void rethrow_callback_error() {
    if (state_ && state_->error) {
      const py::error_already_set error = *state_->error;
      state_->error.reset();
      throw error;
    }
  }

 private:
  struct State {
    py::object callback;
    std::optional<py::error_already_set> error;
  };
  std::shared_ptr<State> state_;
};

/// Runs `solve` (which calls call_interruptibly) and turns a raising callback into
/// its own exception.
template <class F>
auto with_python_progress(PythonProgress& progress, F&& solve) {
  try {
    return solve();
  } catch (const ProgressCallbackFailed&) {
    progress.rethrow_callback_error();
    throw;
  }
}

}  // namespace sixlink_python
