#pragma once

#include "core/privacy/fieldaudit.h"

#include <string>

namespace hindsight::privacy {

/// The report as one JSON object (members in a fixed order, arrays in the report's order,
/// two-space indentation, a final newline):
///
///   {"interactions": N, "first": ISO|null, "last": ISO|null,
///    "summary": {"fields": N, "fieldsWithFindings": N, "findings": N, "sensitiveElements": N,
///                "sensitiveElementsWithText": N},
///    "fields": [{"field": F, "distinctValues": N, "interactions": N,
///                "findings": [{"detector": T, "severity": S, "valuesAffected": N,
///                              "interactionsAffected": N, "firstSeen": ISO, "lastSeen": ISO,
///                              "firstSeenMs": N, "lastSeenMs": N, "example": MASKED}, …]}, …],
///    "sensitiveElements": [{"kind": K, "element": E, "reasons": [R, …], "chains": N,
///                           "interactions": N, "textCaptured": B, "interactionsWithText": N,
///                           "firstSeen": ISO, "lastSeen": ISO, "firstSeenMs": N, "lastSeenMs": N}, …],
///    "consent": {"unknown": N, "granted": N, "denied": N, "other": N}}
///
/// Only masked examples appear; no raw captured value does.
std::string fieldAuditToJson(const FieldAuditReport &report);

} // namespace hindsight::privacy
