// hindsight count: how often a definition (saved, or a draft given as criteria) matched, over
// all history or a range: total, people, sessions, a time series and an optional breakdown.
#include "app/cli/answerworkspace.h"
#include "app/cli/argparser.h"
#include "app/cli/cliformat.h"
#include "app/cli/command.h"
#include "app/cli/definitionargs.h"
#include "core/capture/jsonwriter.h"
#include "core/capture/timestamp.h"
#include "core/definitions/answers.h"

#include <QDateTime>
#include <QTimeZone>
#include <algorithm>
#include <ostream>

namespace hindsight::cli {

namespace {

using namespace definitions;

const std::string kName = "hindsight count";

std::string helpText()
{
    return std::string(R"(Usage: hindsight [--store PATH] count NAME [OPTIONS]
       hindsight [--store PATH] count CRITERIA... [OPTIONS]

Answers a definition over all stored history at once (retroactively): how many interactions it
matches, how many distinct people (anonymous ids linked by $identify count once) and sessions,
and a time series. NAME is a saved definition (or one of its old names); without NAME the
criteria options describe an unsaved draft, so you can try a definition before saving it.

Options:
  --by UNIT             series buckets: hour, day (default), week (Monday first) or month
  --from WHEN           start of the range (inclusive): ISO date-time, or a date meaning local
                        midnight in --tz
  --to WHEN             end of the range (exclusive), same forms
  --tz ZONE             IANA time zone for buckets and dates (Europe/Berlin); default UTC
  --breakdown KEY       also count by page path ('path'), element text ('text') or a property
                        ('property:KEY')
  --limit N             breakdown rows to show (default 20, 0 = all)
  --json                print {"total": N, "people": N, "sessions": N,
                        "series": [{"start": ISO, "count": N}, ...]} (and "breakdown": [{"value":
                        V|null, "count": N}, ...] with --breakdown)

)") + kCriteriaHelp +
           R"(
Exit status: 0 on success (also when nothing matched), 2 on a usage error, an unknown name or
an invalid criterion (the message names the field and position).
)";
}

std::string bucketLabel(std::int64_t ms, Granularity g, const QTimeZone &zone)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, zone);
    switch (g) {
    case Granularity::Hour:
        return t.toString(QStringLiteral("yyyy-MM-dd HH:mm")).toStdString();
    case Granularity::Day:
        return t.toString(QStringLiteral("yyyy-MM-dd ddd")).toStdString();
    case Granularity::Week:
        return "week of " + t.toString(QStringLiteral("yyyy-MM-dd")).toStdString();
    case Granularity::Month:
        return t.toString(QStringLiteral("yyyy-MM")).toStdString();
    }
    return {};
}

int run(CommandContext &ctx, const std::vector<std::string> &args)
{
    ArgParser p;
    declareCriteriaOptions(p);
    p.value("--by");
    p.value("--from");
    p.value("--to");
    p.value("--tz");
    p.value("--breakdown");
    p.value("--limit");
    p.flag("--json");
    if (!p.parse(args)) {
        ctx.err << kName << ": " << p.error() << "\n";
        return kUsage;
    }
    if (p.helpRequested()) {
        ctx.out << helpText();
        return kOk;
    }
    const auto granularity = granularityFromName(p.get("--by", "day"));
    if (!granularity) {
        ctx.err << kName << ": option '--by' must be hour, day, week or month, not '" << p.get("--by", "")
                << "'\n";
        return kUsage;
    }
    const auto limit = p.integer("--limit", 20, 0, 1'000'000);
    if (!limit) {
        ctx.err << kName << ": " << p.error() << "\n";
        return kUsage;
    }
    std::optional<BreakdownKind> breakdownKind;
    std::string propertyKey;
    if (auto b = p.get("--breakdown")) {
        if (*b == "path")
            breakdownKind = BreakdownKind::Path;
        else if (*b == "text")
            breakdownKind = BreakdownKind::Text;
        else if (b->rfind("property:", 0) == 0 && b->size() > 9) {
            breakdownKind = BreakdownKind::Property;
            propertyKey = b->substr(9);
        } else {
            ctx.err << kName << ": option '--breakdown' must be path, text or property:KEY, not '" << *b
                    << "'\n";
            return kUsage;
        }
    }
    const std::string tz = p.get("--tz", "");
    QTimeZone zone = QTimeZone::utc();
    if (!tz.empty()) {
        zone = QTimeZone(QByteArray::fromStdString(tz));
        if (!zone.isValid()) {
            ctx.err << kName << ": option '--tz': unknown time zone '" << tz
                    << "' (use an IANA name such as Europe/Berlin)\n";
            return kUsage;
        }
    }
    TimeRange range;
    if (!parseTimeRange(p, tz, range, ctx, kName)) return kUsage;

    auto ws = AnswerWorkspace::open(ctx, kName);
    if (!ws) return kUsage;
    auto def = definitionFromArgs(*ws, p, ctx, kName);
    if (!def) return kUsage;
    auto compiled = ws->compile(*def, ctx, kName);
    if (!compiled) return kUsage;

    const Totals totalsResult = totals(ws->index(), *compiled, range);
    std::string error;
    auto points = series(ws->index(), *compiled, *granularity, range, tz, &error);
    if (!points) {
        ctx.err << kName << ": " << error << "\n";
        return kUsage;
    }
    std::vector<BreakdownRow> rows;
    if (breakdownKind)
        rows = breakdown(ws->index(), *compiled, *breakdownKind, propertyKey, range,
                         static_cast<std::size_t>(*limit));

    if (p.has("--json")) {
        ctx.out << "{\"total\": " << totalsResult.count << ", \"people\": " << totalsResult.people
                << ", \"sessions\": " << totalsResult.sessions << ", \"series\": [";
        for (std::size_t i = 0; i < points->size(); ++i)
            ctx.out << (i ? ", " : "") << "{\"start\": "
                    << capture::jsonString(capture::formatIsoTimestamp((*points)[i].startMs))
                    << ", \"count\": " << (*points)[i].count << "}";
        ctx.out << "]";
        if (breakdownKind) {
            ctx.out << ", \"breakdown\": [";
            for (std::size_t i = 0; i < rows.size(); ++i)
                ctx.out << (i ? ", " : "") << "{\"value\": "
                        << (rows[i].missing ? std::string("null") : capture::jsonString(rows[i].value))
                        << ", \"count\": " << rows[i].count << "}";
            ctx.out << "]";
        }
        ctx.out << "}\n";
        return kOk;
    }

    ctx.out << (def->name.empty() ? std::string("Draft definition") : def->name) << "\n"
            << "  " << formatCount(totalsResult.count) << " interactions, "
            << formatCount(totalsResult.people) << " people, " << formatCount(totalsResult.sessions)
            << " sessions\n";
    if (!points->empty()) {
        std::int64_t peak = 1;
        for (const auto &pt : *points)
            peak = std::max(peak, pt.count);
        ctx.out << "\nBy " << granularityName(*granularity) << " (" << (tz.empty() ? "UTC" : tz) << ")\n";
        std::size_t labelWidth = 0;
        std::vector<std::string> labels;
        for (const auto &pt : *points) {
            labels.push_back(bucketLabel(pt.startMs, *granularity, zone));
            labelWidth = std::max(labelWidth, labels.back().size());
        }
        for (std::size_t i = 0; i < points->size(); ++i) {
            std::string count = formatCount((*points)[i].count);
            ctx.out << "  " << labels[i] << std::string(labelWidth - labels[i].size() + 2, ' ')
                    << std::string(count.size() < 10 ? 10 - count.size() : 0, ' ') << count << "  "
                    << std::string(static_cast<std::size_t>((*points)[i].count * 40 / peak), '#') << "\n";
        }
    }
    if (breakdownKind) {
        ctx.out << "\nBreakdown by " << *p.get("--breakdown") << "\n";
        if (rows.empty()) ctx.out << "  (no matches)\n";
        for (const auto &row : rows) {
            std::string count = formatCount(row.count);
            ctx.out << "  " << std::string(count.size() < 10 ? 10 - count.size() : 0, ' ') << count << "  "
                    << (row.missing         ? std::string("(not set)")
                        : row.value.empty() ? std::string("(empty)")
                                            : terminalSafe(row.value, 120))
                    << "\n";
        }
    }
    return kOk;
}

const CommandRegistration kRegistration{
    {"count", "count a definition's matches over all history (total, people, sessions, series)", helpText(),
     run}};

} // namespace
} // namespace hindsight::cli
