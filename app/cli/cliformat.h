#pragma once

#include <cstdint>
#include <string>

namespace hindsight::cli {

/// 12408 -> "12,408"
std::string formatCount(std::int64_t n);
/// 123456789 -> "117.7 MiB"
std::string formatBytes(std::int64_t bytes);
/// True when standard error is a terminal (progress is shown only then).
bool stderrIsTerminal();

} // namespace hindsight::cli
