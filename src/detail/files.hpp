// Reading whole files, and writing files and folders so that nothing is ever
// half-written.
//
// A file is written to a temporary beside its target and renamed over it; a
// folder of files is written to a temporary folder beside it and exchanged with
// the old one in a single rename (Linux renameat2 RENAME_EXCHANGE), so a reader,
// or a run killed at any moment, sees the whole old output or the whole new one.
// Temporaries are named "<target>.sixlink-tmp-<pid>-<hex>": one left behind by a
// killed process is removed by the next write to the same target, and, in a
// program that called remove_temporaries_on_signal(), SIGINT and SIGTERM remove
// them before the process ends. A symbolic link is written through: its final
// target is replaced, the link stays. The path "-" is standard output.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace sixlink::detail {

/// The file's bytes; throws IoError naming the path when it cannot be read.
std::string read_file(const std::filesystem::path& path);

/// True for "-", the name of standard output wherever a file is written.
bool is_standard_output(const std::filesystem::path& path);

/// The path a write to `path` replaces: trailing separators dropped ("out/" is
/// "out"), symbolic links followed to their final target, whether that exists
/// yet or not. Throws IoError on a link loop.
std::filesystem::path write_target(const std::filesystem::path& path);

/// Writes `content` atomically (see above); "-" writes it to standard output.
/// The parent folder must exist: it is not created.
void write_file_atomic(const std::filesystem::path& path, std::string_view content);

/// File name -> content of the files of one output folder.
using FolderFiles = std::map<std::string, std::string, std::less<>>;

/// Replaces `folder` with one holding exactly `files`, as a whole (see above).
/// The folder is created if it is missing (its parent must exist). An existing
/// folder may hold only files of those names: anything else in it is refused
/// with IoError rather than deleted.
void write_folder_atomic(const std::filesystem::path& folder, const FolderFiles& files);

/// Throws IoError when `folder` exists and holds an entry that `names` does not
/// list (the check write_folder_atomic makes before it writes).
void check_folder_replaceable(const std::filesystem::path& folder,
                              const std::vector<std::string>& names);

/// Installs SIGINT and SIGTERM handlers for a program: a signal that arrives
/// while a file or folder is being written waits for that write to finish or be
/// undone (milliseconds), then ends the process as the signal would have.
void remove_temporaries_on_signal();

}  // namespace sixlink::detail
