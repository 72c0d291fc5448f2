#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace hindsight::cli {

/// 12408 -> "12,408"
std::string formatCount(std::int64_t n);
/// 123456789 -> "117.7 MiB"
std::string formatBytes(std::int64_t bytes);
/// Captured text made safe for a terminal: control characters (ESC, CR, newlines...) become
/// visible escapes (`\n`, `\x1b`), and text longer than `maxBytes` is cut with "…" at a
/// character boundary (0 = no limit).
std::string terminalSafe(std::string_view text, std::size_t maxBytes = 0);
/// A double as a JSON number that reads back to the same value ("0.8015310786106032").
std::string jsonNumber(double value);
/// True when standard error is a terminal (progress is shown only then).
bool stderrIsTerminal();

} // namespace hindsight::cli
