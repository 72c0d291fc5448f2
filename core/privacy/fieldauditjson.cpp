#include "core/privacy/fieldauditjson.h"

#include "core/capture/jsonwriter.h"
#include "core/capture/timestamp.h"

#include <algorithm>

namespace hindsight::privacy {

namespace {

void appendIso(std::string &out, const std::optional<std::int64_t> &ms)
{
    if (ms)
        capture::appendJsonString(out, capture::formatIsoTimestamp(*ms));
    else
        out += "null";
}

void appendSeen(std::string &out, std::int64_t firstMs, std::int64_t lastMs)
{
    out += "\"firstSeen\": ";
    appendIso(out, firstMs);
    out += ", \"lastSeen\": ";
    appendIso(out, lastMs);
    out += ", \"firstSeenMs\": " + std::to_string(firstMs) + ", \"lastSeenMs\": " + std::to_string(lastMs);
}

} // namespace

std::string fieldAuditToJson(const FieldAuditReport &report)
{
    std::string out = "{\n  \"interactions\": " + std::to_string(report.interactions) + ",\n  \"first\": ";
    appendIso(out, report.firstMs);
    out += ",\n  \"last\": ";
    appendIso(out, report.lastMs);

    const auto fieldsWithFindings = std::count_if(report.fields.begin(), report.fields.end(),
                                                  [](const FieldReport &f) { return !f.findings.empty(); });
    const auto withText = std::count_if(report.sensitiveElements.begin(), report.sensitiveElements.end(),
                                        [](const SensitiveElement &e) { return e.textCaptured(); });
    out += ",\n  \"summary\": {\"fields\": " + std::to_string(report.fields.size()) +
           ", \"fieldsWithFindings\": " + std::to_string(fieldsWithFindings) +
           ", \"findings\": " + std::to_string(report.findingCount()) +
           ", \"sensitiveElements\": " + std::to_string(report.sensitiveElements.size()) +
           ", \"sensitiveElementsWithText\": " + std::to_string(withText) + "}";

    out += ",\n  \"fields\": [";
    for (std::size_t i = 0; i < report.fields.size(); ++i) {
        const FieldReport &f = report.fields[i];
        out += i ? ",\n    {" : "\n    {";
        out += "\"field\": ";
        capture::appendJsonString(out, f.field);
        out += ", \"distinctValues\": " + std::to_string(f.distinctValues) +
               ", \"interactions\": " + std::to_string(f.interactions) + ", \"findings\": [";
        for (std::size_t j = 0; j < f.findings.size(); ++j) {
            const DetectorFinding &d = f.findings[j];
            out += j ? ",\n      {" : "\n      {";
            out += "\"detector\": ";
            capture::appendJsonString(out, toString(d.type));
            out += ", \"severity\": ";
            capture::appendJsonString(out, toString(severityOf(d.type)));
            out += ", \"valuesAffected\": " + std::to_string(d.valuesAffected) +
                   ", \"interactionsAffected\": " + std::to_string(d.interactionsAffected) + ", ";
            appendSeen(out, d.firstSeenMs, d.lastSeenMs);
            out += ", \"example\": ";
            capture::appendJsonString(out, d.example);
            out += "}";
        }
        out += f.findings.empty() ? "]}" : "\n    ]}";
    }
    out += report.fields.empty() ? "]" : "\n  ]";

    out += ",\n  \"sensitiveElements\": [";
    for (std::size_t i = 0; i < report.sensitiveElements.size(); ++i) {
        const SensitiveElement &e = report.sensitiveElements[i];
        out += i ? ",\n    {" : "\n    {";
        out += "\"kind\": ";
        capture::appendJsonString(out, toString(e.kind));
        out += ", \"element\": ";
        capture::appendJsonString(out, e.element);
        out += ", \"reasons\": [";
        for (std::size_t j = 0; j < e.reasons.size(); ++j) {
            if (j) out += ", ";
            capture::appendJsonString(out, e.reasons[j]);
        }
        out += "], \"chains\": " + std::to_string(e.chains) +
               ", \"interactions\": " + std::to_string(e.interactions) +
               ", \"textCaptured\": " + (e.textCaptured() ? "true" : "false") +
               ", \"interactionsWithText\": " + std::to_string(e.interactionsWithText) + ", ";
        appendSeen(out, e.firstSeenMs, e.lastSeenMs);
        out += "}";
    }
    out += report.sensitiveElements.empty() ? "]" : "\n  ]";

    out += ",\n  \"consent\": {\"unknown\": " + std::to_string(report.consent.unknown) +
           ", \"granted\": " + std::to_string(report.consent.granted) +
           ", \"denied\": " + std::to_string(report.consent.denied) +
           ", \"other\": " + std::to_string(report.consent.other) + "}\n}\n";
    return out;
}

} // namespace hindsight::privacy
