#pragma once

#include "core/naming/convention.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hindsight::naming {

/// Built-in conventions, selected by id:
///  - "heap": Category - Action Object, Title Case, present tense ("Cart - Submit Purchase Form")
///  - "segment": Object Action, Title Case, past tense ("Order Completed")
///  - "snake_case": object_action, snake_case, past tense, ASCII only ("order_completed")
std::optional<Convention> conventionPreset(std::string_view id);

/// "heap", "segment", "snake_case".
const std::vector<std::string> &conventionPresetIds();

/// Words the presets block: markers of test, temporary and abandoned definitions.
const std::vector<std::string> &defaultBlockedWords();

} // namespace hindsight::naming
