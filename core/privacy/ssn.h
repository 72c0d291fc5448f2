#pragma once

#include <string_view>

namespace hindsight::privacy {

/// True when nine digits can be a US Social Security Number issued under the SSA rules:
/// the area (first three) is not 000, 666 or 900-999, the group (next two) is not 00 and the
/// serial (last four) is not 0000. `digits` must be exactly nine characters '0'-'9'.
bool ssnValid(std::string_view digits);

} // namespace hindsight::privacy
