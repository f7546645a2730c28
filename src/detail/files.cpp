#include "detail/files.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <random>
#include <system_error>

#include "sixlink/core/error.hpp"

namespace sixlink::detail {

namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) throw IoError(path.string() + ": is a folder, expected a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError(path.string() + ": cannot open: " + std::strerror(errno));
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw IoError(path.string() + ": read error");
  return content;
}

void write_file_atomic(const fs::path& path, std::string_view content) {
  // A unique temporary name in the same folder, so the rename stays on one file system.
  std::random_device entropy;
  const fs::path tmp = path.string() + ".tmp-" + std::to_string(entropy());
  {
    std::FILE* out = std::fopen(tmp.c_str(), "wb");
    if (out == nullptr) throw IoError(path.string() + ": cannot write: " + std::strerror(errno));
    const bool written = std::fwrite(content.data(), 1, content.size(), out) == content.size();
    const bool flushed = std::fflush(out) == 0;
    const bool closed = std::fclose(out) == 0;
    if (!written || !flushed || !closed) {
      std::remove(tmp.c_str());
      throw IoError(path.string() + ": write failed");
    }
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) {
    fs::remove(tmp, ec);
    throw IoError(path.string() + ": cannot replace: " + ec.message());
  }
}

}  // namespace sixlink::detail
