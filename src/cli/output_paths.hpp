// Checks a command's output paths before it does any work: an output never
// replaces or writes into one of the command's inputs, and a place that cannot
// be written is named at once rather than after minutes of solving.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace sixlink::cli {

/// A path the command reads (a scenario file or folder, a cohort CSV, ...).
struct InputPath {
  std::string option;  // how the user gave it: "SCENARIO", "--cohort"
  std::filesystem::path path;
};

/// A path the command writes: a file, or a folder holding `files`.
struct OutputPath {
  std::string option;  // "--export-mps", "--csv", "PATH"
  std::filesystem::path path;
  bool folder = false;
  std::vector<std::string> files;  // a folder's file names
};

/// Throws sixlink::InvalidInput, one line naming the option and both paths,
/// when an output is (or, through a symbolic or hard link, resolves to) an
/// input, lies in an input's folder, would replace a folder holding an input,
/// collides with another output, or cannot be written: its folder is missing
/// (sixlink creates no parent folders), a folder stands where a file is
/// expected or the other way round, a folder output holds files it would not
/// write, or the place is not writable. At most one output may be "-"
/// (standard output); a folder output may not.
void check_output_paths(const std::vector<InputPath>& inputs,
                        const std::vector<OutputPath>& outputs);

}  // namespace sixlink::cli
