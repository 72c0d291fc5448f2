#pragma once

#include "core/privacy/detectoptions.h"
#include "core/privacy/detectortype.h"
#include "core/privacy/finding.h"

#include <string_view>
#include <vector>

// Personal-data detection: the public entry of core/privacy.
//
// One pass over the text looks only at the places where something can start: the beginning
// of a word that starts with a digit (cards, SSNs, phone numbers, IPv4), '+' and '(' (phone
// numbers), '@' and "%40" (e-mail), ':' (IPv6), '=' after a URL parameter name (secrets), and
// words that start like an IBAN, a JWT or a well-known key prefix. Each candidate is then validated
// beyond its pattern (Luhn, mod-97, address parsing, SSN area rules, JWT header JSON, ...).
namespace hindsight::privacy {

/// All findings in `text`, sorted by start, not overlapping. Where candidates overlap, the more
/// specific type wins (JWT, key prefix, e-mail, IBAN, card, SSN, IP, phone, URL parameter),
/// then the longer one.
std::vector<Finding> detect(std::string_view text, const DetectOptions &options = {});

} // namespace hindsight::privacy
