// cli/progress_display.hpp — the progress line of long commands on a terminal.
//
// `sixlink plan` and `sixlink place` pass the library a progress sink
// (core/progress.hpp) that draws one line on standard error, rewritten in place
// with a carriage return: "samples  12/200  3.1s  ETA 48.2s"; a stage's last event
// ends its line. There is no sink, so no cost and no output, when standard error is
// not a terminal (a pipe, a file, a test) or with --quiet.
#pragma once

#include "sixlink/core/progress.hpp"

namespace sixlink::cli {

/// The help of every command's --quiet flag.
inline constexpr const char* kQuietHelp =
    "No progress line on standard error (drawn only on a terminal)";

/// A sink that draws on standard error, or none when it is not a terminal or `quiet`.
Progress terminal_progress(bool quiet);

}  // namespace sixlink::cli
