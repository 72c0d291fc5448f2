#pragma once

#include <string>

namespace hindsight::cli {

/// Reads a whole file ("-" = standard input). On failure returns false and an error naming the
/// file and the reason.
bool readTextFile(const std::string &path, std::string &out, std::string *error);

/// Writes `text` to `path` atomically (a temporary file in the same folder, then rename), so a
/// failed write never leaves half a file. "-" is not accepted here.
bool writeTextFileAtomically(const std::string &path, const std::string &text, std::string *error);

} // namespace hindsight::cli
