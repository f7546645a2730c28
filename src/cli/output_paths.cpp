#include "cli/output_paths.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>

#include "detail/files.hpp"
#include "sixlink/core/error.hpp"

namespace sixlink::cli {

namespace fs = std::filesystem;

namespace {

std::string quoted(const fs::path& p) { return "'" + p.string() + "'"; }

std::string named(const std::string& option, const fs::path& p) { return option + " " + quoted(p); }

// Absolute, with every symbolic link that exists resolved.
fs::path resolved(const fs::path& p) {
  std::error_code ec;
  const fs::path absolute = fs::absolute(p, ec);
  const fs::path canonical = fs::weakly_canonical(absolute, ec);
  return ec ? absolute.lexically_normal() : canonical;
}

// The same file or folder: one inode (hard links too), or one resolved path.
bool same_place(const fs::path& a, const fs::path& b) {
  std::error_code ec;
  if (fs::exists(a, ec) && fs::exists(b, ec)) return fs::equivalent(a, b, ec) && !ec;
  return resolved(a) == resolved(b);
}

// `inner` lies strictly inside the folder `outer`.
bool strictly_inside(const fs::path& inner, const fs::path& outer) {
  const fs::path in = resolved(inner), out = resolved(outer);
  auto i = in.begin();
  for (auto o = out.begin(); o != out.end(); ++o, ++i) {
    if (o->empty()) continue;  // a trailing separator
    if (i == in.end() || *i != *o) return false;
  }
  return i != in.end();
}

fs::path parent_of(const fs::path& target) {
  return target.has_parent_path() ? target.parent_path() : fs::path(".");
}

void check_writable(const OutputPath& out) {
  const std::string who = named(out.option, out.path);
  const fs::path target = detail::write_target(out.path);
  const fs::path parent = parent_of(target);
  std::error_code ec;
  if (!fs::exists(parent, ec))
    throw InvalidInput(who + ": the folder " + quoted(parent) +
                       " does not exist (sixlink creates no parent folders)");
  if (!fs::is_directory(parent, ec))
    throw InvalidInput(who + ": " + quoted(parent) + " is not a folder");
  if (fs::exists(target, ec)) {
    const bool is_folder = fs::is_directory(target, ec);
    if (out.folder && !is_folder)
      throw InvalidInput(who + ": exists and is not a folder (this output is a folder of files)");
    if (!out.folder && is_folder) throw InvalidInput(who + ": is a folder; give a file name");
  }
  if (out.folder) {
    try {
      detail::check_folder_replaceable(target, out.files);
    } catch (const IoError& e) {
      throw InvalidInput(out.option + " " + e.what());
    }
  }
  if (::access(parent.c_str(), W_OK | X_OK) != 0)
    throw InvalidInput(who + ": cannot write in " + quoted(parent) + ": " + std::strerror(errno));
}

}  // namespace

void check_output_paths(const std::vector<InputPath>& inputs,
                        const std::vector<OutputPath>& outputs) {
  const OutputPath* standard_output = nullptr;
  for (const auto& out : outputs) {
    if (detail::is_standard_output(out.path)) {
      if (out.folder)
        throw InvalidInput(out.option + " -: a folder of files cannot go to standard output");
      if (standard_output != nullptr)
        throw InvalidInput(standard_output->option + " and " + out.option +
                           " both name standard output ('-'); give one of them a file");
      standard_output = &out;
      continue;
    }
    const std::string who = named(out.option, out.path);
    if (out.path.empty()) throw InvalidInput(out.option + ": the path is empty");
    const fs::path target = detail::write_target(out.path);
    std::error_code ec;
    for (const auto& in : inputs) {
      if (in.path.empty() || !fs::exists(in.path, ec)) continue;
      const std::string what = named(in.option, in.path);
      if (same_place(target, in.path))
        throw InvalidInput(who + ": is the input " + what + "; choose another output path");
      if (fs::is_directory(in.path, ec) && same_place(parent_of(target), in.path))
        throw InvalidInput(who + ": would write into the input folder " + what +
                           "; choose a path outside it");
      if (out.folder && strictly_inside(in.path, target))
        throw InvalidInput(who + ": would replace the folder that holds the input " + what);
    }
    for (const auto& other : outputs) {
      if (&other == &out) break;
      if (detail::is_standard_output(other.path)) continue;
      const std::string them = named(other.option, other.path);
      if (same_place(target, detail::write_target(other.path)))
        throw InvalidInput(who + " and " + them + " are the same path; give two");
      if ((other.folder && strictly_inside(target, other.path)) ||
          (out.folder && strictly_inside(other.path, target)))
        throw InvalidInput(who + " and " + them + ": one would be written inside the other");
    }
    check_writable(out);
  }
}

}  // namespace sixlink::cli
