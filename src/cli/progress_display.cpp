// The progress line on a terminal (see cli/progress_display.hpp).
#include "cli/progress_display.hpp"

#include <unistd.h>

#include <cstdio>
#include <string>

namespace sixlink::cli {

namespace {

// One line: stage, done/total, elapsed and the estimated time left; cleared to the
// end of the line (ESC [K) so a shorter line leaves nothing of a longer one.
void draw(const ProgressEvent& e) {
  std::string line = "\r" + std::string(e.stage) + "  " + std::to_string(e.done) + "/" +
                     std::to_string(e.total) + "  " + format_progress_duration(e.elapsed_s);
  const double eta = progress_eta_s(e);
  if (e.done < e.total)
    line += "  ETA " + (eta < 0.0 ? std::string("?") : format_progress_duration(eta));
  line += "\x1b[K";
  if (e.done >= e.total) line += '\n';
  std::fputs(line.c_str(), stderr);
  std::fflush(stderr);
}

}  // namespace

Progress terminal_progress(bool quiet) {
  if (quiet || isatty(STDERR_FILENO) == 0) return {};
  return draw;
}

}  // namespace sixlink::cli
