#pragma once

#include <string_view>

namespace hindsight::privacy {

/// Length (1-3) of the ITU-T E.164 country calling code that `digits` starts with
/// ("4930901820" -> 2 for Germany, "14155552671" -> 1 for the NANP), or 0 when the leading
/// digits are not an assigned country code.
int callingCodeLength(std::string_view digits);

} // namespace hindsight::privacy
