#pragma once

#include <string_view>

namespace hindsight::privacy {

/// The Luhn (mod 10) check used by payment card numbers. `digits` must hold only '0'-'9'
/// (at least two of them); anything else is not valid.
bool luhnValid(std::string_view digits);

} // namespace hindsight::privacy
