// Reading whole files and writing them atomically.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace sixlink::detail {

/// The file's bytes; throws IoError naming the path when it cannot be read.
std::string read_file(const std::filesystem::path& path);

/// Writes `content` to a temporary file beside `path`, flushes it, then renames it
/// over `path`, so a reader sees the old file or the new one, never half of one.
void write_file_atomic(const std::filesystem::path& path, std::string_view content);

}  // namespace sixlink::detail
