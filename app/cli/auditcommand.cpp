// `hindsight audit`: which captured fields of the workspace hold personal data.
#include "app/cli/argparser.h"
#include "app/cli/cliformat.h"
#include "app/cli/command.h"
#include "core/capture/timestamp.h"
#include "core/privacy/fieldaudit.h"
#include "core/privacy/fieldauditjson.h"
#include "core/store/store.h"

#include <algorithm>
#include <cstdio>
#include <ostream>
#include <string>
#include <vector>

namespace hindsight::cli {

namespace {

const char *const kHelp = R"(Usage: hindsight [--store PATH] audit [--json] [--field PATTERN]

Audits every captured field of the workspace for personal data: element text, href and each
attribute by name (element.text, element.href, element.attr.NAME), the page URL's host, path,
each query parameter by name and hash (url.host, url.path, url.query.NAME, url.hash), the
referrer and its query parameters (referrer, referrer.query.NAME), the page title (title), the
distinct id (distinct_id) and each property by key, nested keys joined with dots
(properties.KEY, properties.$set.email). For every field and detector (EMAIL, PHONE,
CREDIT_CARD, IBAN, US_SSN, IP_ADDRESS, JWT, SECRET) it reports the distinct values affected,
the interactions affected, when they were first and last seen, and one masked example.
Raw values are never printed, so the report can be shared.

It also lists sensitive form fields (inputs typed or named like a password, card number, social
security number, e-mail address or phone number, or with autocomplete such as cc-number or
current-password), how often they were touched and whether text was captured from them, and
counts the interactions by consent state. Reads the store without changing it; each distinct
value is scanned once, however many interactions carry it.

Options:
  --json            print the report as JSON (see docs/privacy.md, "Audit")
  --field PATTERN   only fields whose name matches PATTERN; '*' matches any characters
                    (url.query.*, properties.*, element.attr.data-*, *email*)

Exit status: 0 when nothing was found, 1 when personal data was found (a field with findings,
or a sensitive form field whose text was captured), 2 for a usage error or a store that cannot
be read.
)";

/// Display width of UTF-8 text (one column per code point).
std::size_t width(std::string_view s)
{
    return static_cast<std::size_t>(std::count_if(
        s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

/// A table printed with columns padded to their widest cell; the last column is not padded.
class Table
{
  public:
    explicit Table(std::vector<std::string> header) { m_rows.push_back(std::move(header)); }
    void add(std::vector<std::string> row) { m_rows.push_back(std::move(row)); }

    void print(std::ostream &out) const
    {
        std::vector<std::size_t> widths(m_rows.front().size(), 0);
        for (const auto &row : m_rows)
            for (std::size_t c = 0; c < row.size(); ++c)
                widths[c] = std::max(widths[c], width(row[c]));
        for (const auto &row : m_rows) {
            std::string line;
            for (std::size_t c = 0; c < row.size(); ++c) {
                line += row[c];
                if (c + 1 < row.size()) line.append(widths[c] - width(row[c]) + 2, ' ');
            }
            while (!line.empty() && line.back() == ' ')
                line.pop_back();
            out << "  " << line << "\n";
        }
    }

  private:
    std::vector<std::vector<std::string>> m_rows;
};

/// "2026-08-03 10:04" (UTC).
std::string shortTime(std::int64_t ms)
{
    std::string iso = capture::formatIsoTimestamp(ms);
    iso = iso.substr(0, 16);
    if (iso.size() > 10) iso[10] = ' ';
    return iso;
}

std::string percentOf(std::int64_t part, std::int64_t whole)
{
    if (whole <= 0) return "";
    char buf[32];
    const double p = 100.0 * static_cast<double>(part) / static_cast<double>(whole);
    std::snprintf(buf, sizeof buf, p > 0 && p < 0.1 ? "(<0.1%%)" : "(%.1f%%)", p);
    return buf;
}

void printHuman(std::ostream &out, const std::string &storePath, const privacy::FieldAuditReport &r,
                bool filtered)
{
    out << "Field audit of " << terminalSafe(storePath) << "\n";
    out << formatCount(r.interactions) << " interactions";
    if (r.firstMs && r.lastMs)
        out << ", " << shortTime(*r.firstMs) << " to " << shortTime(*r.lastMs) << " UTC";
    out << "; " << formatCount(static_cast<std::int64_t>(r.fields.size())) << (filtered ? " matching" : "")
        << " fields\n\n";

    struct Row
    {
        const privacy::FieldReport *field;
        const privacy::DetectorFinding *finding;
    };
    std::vector<Row> rows;
    std::int64_t fieldsWithFindings = 0;
    for (const auto &f : r.fields) {
        fieldsWithFindings += f.findings.empty() ? 0 : 1;
        for (const auto &d : f.findings)
            rows.push_back({&f, &d});
    }
    std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
        const auto sa = privacy::severityOf(a.finding->type), sb = privacy::severityOf(b.finding->type);
        if (sa != sb) return sa < sb;
        if (a.finding->interactionsAffected != b.finding->interactionsAffected)
            return a.finding->interactionsAffected > b.finding->interactionsAffected;
        if (a.field->field != b.field->field) return a.field->field < b.field->field;
        return a.finding->type < b.finding->type;
    });
    if (rows.empty()) {
        out << "No personal data found in " << (filtered ? "the matching" : "any") << " captured field.\n\n";
    } else {
        out << "Personal data found: " << rows.size() << (rows.size() == 1 ? " finding" : " findings")
            << " in " << fieldsWithFindings << (fieldsWithFindings == 1 ? " field" : " fields")
            << " (values: affected of distinct; examples are masked)\n\n";
        Table t({"SEVERITY", "FIELD", "DETECTOR", "VALUES", "INTERACTIONS", "FIRST SEEN", "LAST SEEN",
                 "EXAMPLE"});
        for (const Row &row : rows) {
            const auto &d = *row.finding;
            t.add({std::string(privacy::toString(privacy::severityOf(d.type))),
                   terminalSafe(row.field->field, 48), std::string(privacy::toString(d.type)),
                   formatCount(d.valuesAffected) + " of " + formatCount(row.field->distinctValues),
                   formatCount(d.interactionsAffected) + " " +
                       percentOf(d.interactionsAffected, r.interactions),
                   shortTime(d.firstSeenMs), shortTime(d.lastSeenMs), terminalSafe(d.example, 72)});
        }
        t.print(out);
        out << "\n";
    }

    if (r.sensitiveElements.empty()) {
        out << "No sensitive form fields (password, card, SSN, e-mail, phone inputs) were interacted "
               "with.\n\n";
    } else {
        out << "Sensitive form fields: " << r.sensitiveElements.size() << "\n\n";
        Table t({"KIND", "ELEMENT", "INTERACTIONS", "TEXT CAPTURED", "FIRST SEEN", "LAST SEEN"});
        for (const auto &e : r.sensitiveElements) {
            t.add({std::string(privacy::toString(e.kind)), terminalSafe(e.element, 80),
                   formatCount(e.interactions),
                   e.textCaptured() ? "YES, in " + formatCount(e.interactionsWithText) : std::string("no"),
                   shortTime(e.firstSeenMs), shortTime(e.lastSeenMs)});
        }
        t.print(out);
        out << "\n";
    }

    out << "Consent (interactions)\n\n";
    Table c({"STATE", "INTERACTIONS", ""});
    c.add({"unknown", formatCount(r.consent.unknown), percentOf(r.consent.unknown, r.interactions)});
    c.add({"granted", formatCount(r.consent.granted), percentOf(r.consent.granted, r.interactions)});
    c.add({"denied", formatCount(r.consent.denied), percentOf(r.consent.denied, r.interactions)});
    if (r.consent.other)
        c.add({"other", formatCount(r.consent.other), percentOf(r.consent.other, r.interactions)});
    c.print(out);
}

int run(CommandContext &ctx, const std::vector<std::string> &args)
{
    ArgParser p;
    p.flag("--json");
    p.value("--field");
    if (!p.parse(args) || !p.positional().empty()) {
        ctx.err << "hindsight audit: "
                << (p.error().empty() ? "unexpected argument '" + p.positional().front() + "'" : p.error())
                << "\n";
        return kUsage;
    }
    privacy::FieldAuditOptions options;
    if (const auto pattern = p.get("--field")) {
        if (pattern->empty()) {
            ctx.err << "hindsight audit: option '--field' needs a non-empty pattern\n";
            return kUsage;
        }
        options.fieldPattern = *pattern;
    }
    std::string error;
    auto store = store::Store::open(ctx.storePath, store::Store::OpenMode::ReadOnly, &error);
    if (!store) {
        ctx.err << "hindsight audit: " << error << "\n";
        return kUsage;
    }
    const auto report = privacy::auditFields(*store, options, &error);
    if (!report) {
        ctx.err << "hindsight audit: " << error << "\n";
        return kUsage;
    }
    if (p.has("--json"))
        ctx.out << privacy::fieldAuditToJson(*report);
    else
        printHuman(ctx.out, ctx.storePath, *report, !options.fieldPattern.empty());
    ctx.out.flush();
    return report->hasFindings() ? kFindings : kOk;
}

const CommandRegistration kRegistration{
    {"audit", "find personal data in every captured field (masked examples), sensitive inputs, consent",
     kHelp, run}};

} // namespace
} // namespace hindsight::cli
