#pragma once

#include "core/privacy/detectortype.h"

#include <string_view>

namespace hindsight::privacy {

/// What the words shortly before a value say about it.
struct ContextWords
{
    bool supporting = false; ///< a word that announces the type ("phone", "card", "ssn", ...)
    bool opposing = false;   ///< a word that says it is something else (see hasCounterContextBefore)
};

/// Both context lookups in one pass over the text before `pos`.
ContextWords contextWordsBefore(std::string_view text, std::size_t pos, DetectorType type);

/// True when a word that announces `type` ("phone", "tel", "card", "ssn", "iban", ...) appears
/// in the few dozen bytes before `pos`. Context raises confidence, and some bare forms (nine
/// digits as an SSN, ten digits as a phone number) are only reported with it.
bool hasContextBefore(std::string_view text, std::size_t pos, DetectorType type);

/// True when a word that says the value is something else comes shortly before `pos`: for
/// card numbers "ean", "gtin", "isbn", "imei", "msisdn", "order", "tracking", "phone", "id", ...;
/// for phone numbers "serial", "order", "invoice", "account", "ref", "id", "iban", ... Under such a
/// word an unbroken card number, or a phone number without '+', is only reported when its own
/// context word is there too.
bool hasCounterContextBefore(std::string_view text, std::size_t pos, DetectorType type);

} // namespace hindsight::privacy
