#include "detail/files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <random>
#include <system_error>

#include "sixlink/core/error.hpp"

namespace sixlink::detail {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kTemporaryTag = ".sixlink-tmp-";

// A signal that arrives during a write is held until the write is done or
// undone; the two counters follow Dekker's pattern (each side stores, then
// loads the other's), so one of them always sees the other.
std::atomic<int> g_writes_in_progress{0};
std::atomic<int> g_pending_signal{0};

void die_by(int signal_number) {
  std::signal(signal_number, SIG_DFL);
  std::raise(signal_number);
}

extern "C" void hold_signal_during_writes(int signal_number) {
  g_pending_signal.store(signal_number);
  if (g_writes_in_progress.load() == 0) die_by(signal_number);
}

class WriteSection {
 public:
  WriteSection() { g_writes_in_progress.fetch_add(1); }
  ~WriteSection() {
    if (g_writes_in_progress.fetch_sub(1) == 1) {
      if (const int pending = g_pending_signal.load(); pending != 0) die_by(pending);
    }
  }
  WriteSection(const WriteSection&) = delete;
  WriteSection& operator=(const WriteSection&) = delete;
};

std::string error_text(int error) { return std::strerror(error); }

// A temporary file or folder beside `target`, removed unless released.
class Temporary {
 public:
  explicit Temporary(const fs::path& target) {
    std::random_device entropy;
    char suffix[64];
    std::snprintf(suffix, sizeof suffix, "%ld-%08x%08x", static_cast<long>(::getpid()), entropy(),
                  entropy());
    path_ =
        target.parent_path() / (target.filename().string() + std::string(kTemporaryTag) + suffix);
  }
  ~Temporary() {
    if (!path_.empty()) {
      std::error_code ignored;
      fs::remove_all(path_, ignored);
    }
  }
  Temporary(const Temporary&) = delete;
  Temporary& operator=(const Temporary&) = delete;
  const fs::path& path() const { return path_; }
  void release() { path_.clear(); }

 private:
  fs::path path_;
};

bool process_is_gone(long pid) {
  if (pid <= 0 || pid == static_cast<long>(::getpid())) return false;
  return ::kill(static_cast<pid_t>(pid), 0) == -1 && errno == ESRCH;
}

// Removes "<target>.sixlink-tmp-<pid>-..." left by processes that no longer run.
void remove_stale_temporaries(const fs::path& target) {
  const std::string prefix = target.filename().string() + std::string(kTemporaryTag);
  std::error_code ec;
  const fs::path folder = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.compare(0, prefix.size(), prefix) != 0) continue;
    const long pid = std::strtol(name.c_str() + prefix.size(), nullptr, 10);
    if (process_is_gone(pid)) {
      std::error_code ignored;
      fs::remove_all(it->path(), ignored);
    }
  }
}

// The real reason a file cannot be created at `target`.
[[noreturn]] void throw_cannot_create(const fs::path& shown, const fs::path& target, int error) {
  std::error_code ec;
  const fs::path parent = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  if (!fs::exists(parent, ec))
    throw IoError(shown.string() + ": cannot write: the folder '" + parent.string() +
                  "' does not exist");
  if (!fs::is_directory(parent, ec))
    throw IoError(shown.string() + ": cannot write: '" + parent.string() + "' is not a folder");
  throw IoError(shown.string() + ": cannot write in '" + parent.string() +
                "': " + error_text(error));
}

void write_all(const fs::path& shown, int fd, std::string_view content) {
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw IoError(shown.string() + ": write failed: " + error_text(errno));
    }
    done += static_cast<std::size_t>(n);
  }
}

// Creates `file` (which must not exist) holding `content`, with `mode`.
void create_file(const fs::path& shown, const fs::path& target, const fs::path& file,
                 std::string_view content, mode_t mode) {
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
  if (fd < 0) throw_cannot_create(shown, target, errno);
  try {
    write_all(shown, fd, content);
  } catch (...) {
    ::close(fd);
    throw;
  }
  if (::close(fd) != 0) throw IoError(shown.string() + ": write failed: " + error_text(errno));
}

}  // namespace

std::string read_file(const fs::path& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) throw IoError(path.string() + ": is a folder, expected a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError(path.string() + ": cannot open: " + error_text(errno));
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw IoError(path.string() + ": read error");
  return content;
}

bool is_standard_output(const fs::path& path) { return path == "-"; }

fs::path write_target(const fs::path& path) {
  // "out/" names the folder "out": drop trailing separators (never the root's).
  fs::path target = path;
  while (!target.has_filename() && target.has_relative_path()) target = target.parent_path();
  std::error_code ec;
  for (int hops = 0; fs::is_symlink(target, ec); ++hops) {
    if (hops == 40) throw IoError(path.string() + ": too many levels of symbolic links");
    const fs::path link = fs::read_symlink(target, ec);
    if (ec) throw IoError(path.string() + ": cannot read the link: " + ec.message());
    target = link.is_absolute() ? link : target.parent_path() / link;
  }
  return target;
}

void write_file_atomic(const fs::path& path, std::string_view content) {
  if (is_standard_output(path)) {
    const bool ok = std::fwrite(content.data(), 1, content.size(), stdout) == content.size() &&
                    std::fflush(stdout) == 0;
    if (!ok) throw IoError("standard output: write failed: " + error_text(errno));
    return;
  }
  const fs::path target = write_target(path);
  std::error_code ec;
  if (fs::is_directory(target, ec))
    throw IoError(path.string() + ": is a folder, expected a file name");
  // A replaced file keeps its permissions.
  mode_t mode = 0666;
  if (struct stat old; ::stat(target.c_str(), &old) == 0) mode = old.st_mode & 07777;

  WriteSection section;
  remove_stale_temporaries(target);
  Temporary temporary(target);
  create_file(path, target, temporary.path(), content, mode);
  if (::rename(temporary.path().c_str(), target.c_str()) != 0)
    throw IoError(path.string() + ": cannot replace: " + error_text(errno));
  temporary.release();
}

void check_folder_replaceable(const fs::path& folder, const std::vector<std::string>& names) {
  std::error_code ec;
  if (!fs::exists(folder, ec)) return;
  if (!fs::is_directory(folder, ec))
    throw IoError(folder.string() + ": exists and is not a folder");
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    bool ours = false;
    for (const auto& n : names) ours = ours || n == name;
    if (!ours || !it->is_regular_file())
      throw IoError(folder.string() + ": holds '" + name +
                    "', which this output does not write; give a new or empty folder, so "
                    "that nothing else in it is replaced");
  }
  if (ec) throw IoError(folder.string() + ": cannot list: " + ec.message());
}

void write_folder_atomic(const fs::path& folder, const FolderFiles& files) {
  if (is_standard_output(folder))
    throw IoError("-: a folder of files cannot be written to standard output");
  const fs::path target = write_target(folder);
  std::vector<std::string> names;
  for (const auto& [name, content] : files) names.push_back(name);
  check_folder_replaceable(target, names);
  std::error_code ec;
  const bool replacing = fs::exists(target, ec);

  WriteSection section;
  remove_stale_temporaries(target);
  Temporary staging(target);
  if (::mkdir(staging.path().c_str(), 0777) != 0) throw_cannot_create(folder, target, errno);
  for (const auto& [name, content] : files)
    create_file(folder / name, staging.path() / name, staging.path() / name, content, 0666);
  if (!replacing) {
    if (::rename(staging.path().c_str(), target.c_str()) != 0)
      throw IoError(folder.string() + ": cannot create: " + error_text(errno));
    staging.release();
    return;
  }
  // One step: the new folder takes the old one's place, the old one the
  // temporary name, which `staging` then removes.
  if (::renameat2(AT_FDCWD, staging.path().c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) == 0)
    return;
  if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
    throw IoError(folder.string() + ": cannot replace: " + error_text(errno));
  // A file system without the exchange: two renames, the old folder aside first.
  Temporary old(target);
  if (::rename(target.c_str(), old.path().c_str()) != 0)
    throw IoError(folder.string() + ": cannot replace: " + error_text(errno));
  if (::rename(staging.path().c_str(), target.c_str()) != 0) {
    const int error = errno;
    ::rename(old.path().c_str(), target.c_str());
    old.release();
    throw IoError(folder.string() + ": cannot replace: " + error_text(error));
  }
  staging.release();
}

void remove_temporaries_on_signal() {
  struct sigaction action {};
  action.sa_handler = hold_signal_during_writes;
  sigemptyset(&action.sa_mask);
  ::sigaction(SIGINT, &action, nullptr);
  ::sigaction(SIGTERM, &action, nullptr);
}

}  // namespace sixlink::detail
