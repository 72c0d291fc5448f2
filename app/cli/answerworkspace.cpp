#include "app/cli/answerworkspace.h"

#include "app/cli/definitionargs.h"
#include "core/capture/timestamp.h"
#include "core/definitions/catalog.h"
#include "core/definitions/definitionvalidator.h"

#include <QDateTime>
#include <QTimeZone>
#include <ostream>
#include <regex>

namespace hindsight::cli {

using namespace definitions;

std::unique_ptr<AnswerWorkspace> AnswerWorkspace::open(CommandContext &ctx, const std::string &command)
{
    auto ws = std::unique_ptr<AnswerWorkspace>(new AnswerWorkspace());
    std::string error;
    ws->m_store = store::Store::open(ctx.storePath, store::Store::OpenMode::ReadOnly, &error);
    if (!ws->m_store) {
        ctx.err << command << ": " << error << "\n";
        return nullptr;
    }
    Catalog catalog(*ws->m_store);
    error.clear();
    ws->m_definitions = catalog.list({}, &error);
    if (!error.empty()) {
        ctx.err << command << ": " << error << "\n";
        return nullptr;
    }
    for (std::size_t i = 0; i < ws->m_definitions.size(); ++i) {
        ws->m_aliases.emplace_back(definitionNameKey(ws->m_definitions[i].name), i);
        for (const std::string &alias : catalog.aliases(ws->m_definitions[i].name))
            ws->m_aliases.emplace_back(definitionNameKey(alias), i);
    }
    ws->m_index = InteractionIndex::load(*ws->m_store, &error);
    if (!ws->m_index) {
        ctx.err << command << ": " << error << "\n";
        return nullptr;
    }
    return ws;
}

const Definition *AnswerWorkspace::find(std::string_view nameOrAlias) const
{
    const std::string key = definitionNameKey(nameOrAlias);
    for (const auto &[alias, i] : m_aliases)
        if (alias == key) return &m_definitions[i];
    return nullptr;
}

DefinitionLookup AnswerWorkspace::lookup() const
{
    return [this](std::string_view name) { return find(name); };
}

std::optional<CompiledDefinition> AnswerWorkspace::compile(const Definition &def, CommandContext &ctx,
                                                           const std::string &command) const
{
    CompileError error;
    auto compiled = CompiledDefinition::compile(def, *m_index, lookup(), &error);
    if (!compiled)
        ctx.err << command << ": " << (def.name.empty() ? std::string("the criteria") : "'" + def.name + "'")
                << ": " << error.message() << "\n";
    return compiled;
}

std::optional<Definition> definitionFromArgs(const AnswerWorkspace &ws, const ArgParser &p,
                                             CommandContext &ctx, const std::string &command)
{
    const bool criteria = hasCriteriaOptions(p);
    if (p.positional().size() > 1) {
        ctx.err << command << ": give one definition name (quote names with spaces), not "
                << p.positional().size() << " words\n";
        return std::nullopt;
    }
    if (p.positional().empty() && !criteria) {
        ctx.err << command << ": give a definition NAME or criteria such as --event click --selector CSS"
                << " (see --help)\n";
        return std::nullopt;
    }
    if (!p.positional().empty() && criteria) {
        ctx.err << command << ": give either a definition NAME or criteria options, not both\n";
        return std::nullopt;
    }
    if (!p.positional().empty()) {
        const Definition *def = ws.find(p.positional().front());
        if (!def) {
            ctx.err << command << ": no definition named '" << p.positional().front()
                    << "' (see 'hindsight definitions list')\n";
            return std::nullopt;
        }
        return *def;
    }
    std::string error;
    auto step = stepFromOptions(p, &error);
    if (!step) {
        ctx.err << command << ": " << error << "\n";
        return std::nullopt;
    }
    Definition draft;
    draft.name = "Draft definition";
    draft.steps.push_back(std::move(*step));
    const auto issues = validateDefinition(draft);
    if (!issues.empty()) {
        for (const auto &issue : issues)
            ctx.err << command << ": " << issue.message() << "\n";
        return std::nullopt;
    }
    draft.name.clear();
    return draft;
}

namespace {

bool parseWhen(const std::string &text, const QTimeZone &zone, std::int64_t &ms, std::string *error)
{
    static const std::regex kDate(R"(\d{4}-\d{2}-\d{2})");
    if (std::regex_match(text, kDate)) {
        const QDate date = QDate::fromString(QString::fromStdString(text), Qt::ISODate);
        if (!date.isValid()) {
            *error = "'" + text + "' is not a valid date";
            return false;
        }
        ms = QDateTime(date, QTime(0, 0), zone).toMSecsSinceEpoch();
        return true;
    }
    auto parsed = capture::parseIsoTimestamp(text, error);
    if (!parsed) return false;
    ms = *parsed;
    return true;
}

} // namespace

bool parseTimeRange(const ArgParser &p, const std::string &timeZone, TimeRange &range, CommandContext &ctx,
                    const std::string &command)
{
    const QTimeZone zone =
        timeZone.empty() ? QTimeZone::utc() : QTimeZone(QByteArray::fromStdString(timeZone));
    for (const auto &[option, target] :
         {std::pair{"--from", &range.fromMs}, std::pair{"--to", &range.toMs}}) {
        auto value = p.get(option);
        if (!value) continue;
        std::int64_t ms = 0;
        std::string error;
        if (!parseWhen(*value, zone, ms, &error)) {
            ctx.err << command << ": option '" << option << "': " << error
                    << " (use 2026-09-01 or 2026-09-01T12:00:00Z)\n";
            return false;
        }
        *target = ms;
    }
    if (range.fromMs && range.toMs && *range.fromMs >= *range.toMs) {
        ctx.err << command << ": option '--from' must be before '--to'\n";
        return false;
    }
    return true;
}

} // namespace hindsight::cli
