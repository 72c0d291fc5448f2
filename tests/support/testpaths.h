#pragma once

namespace hindsight::test {
/// Path of the built `hindsight` command-line executable.
inline constexpr const char *kCliPath = HINDSIGHT_CLI_PATH;
/// Root of the source tree.
inline constexpr const char *kSourceDir = HINDSIGHT_SOURCE_DIR;
} // namespace hindsight::test
