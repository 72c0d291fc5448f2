#pragma once

#include <string_view>

namespace hindsight::privacy {

/// The IBAN length of a country in the SWIFT IBAN registry ("DE" -> 22), or 0 when the
/// two letters name no IBAN country.
int ibanLength(std::string_view countryCode);

/// True for an IBAN in electronic form (no spaces, upper case): a registered country, the
/// country's length, check digits 02-98, an alphanumeric BBAN and the ISO 7064 mod-97 check.
bool ibanValid(std::string_view compact);

} // namespace hindsight::privacy
