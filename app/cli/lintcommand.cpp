// hindsight lint: reviews the catalog's names against a naming convention (violations with
// suggestions, catalog rules, duplicates by name and by meaning) and can apply the suggested
// renames in one transaction.
#include "app/cli/answerworkspace.h"
#include "app/cli/argparser.h"
#include "app/cli/clifiles.h"
#include "app/cli/cliformat.h"
#include "app/cli/command.h"
#include "app/cli/definitionargs.h"
#include "app/cli/workspaceconvention.h"
#include "core/capture/jsonwriter.h"
#include "core/definitions/catalog.h"
#include "core/definitions/definitionjson.h"
#include "core/definitions/definitionvalidator.h"
#include "core/definitions/meaningduplicates.h"
#include "core/naming/cataloglinter.h"
#include "core/naming/conventionpresets.h"
#include "core/store/store.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <ostream>
#include <set>

namespace hindsight::cli {

namespace {

using namespace definitions;

const std::string kName = "hindsight lint";

const char *kHelp = R"(Usage: hindsight [--store PATH] lint [OPTIONS]

Reviews the names of the workspace's definitions (or of a definitions file) against a naming
convention: every violation with a rule id, a message and, where one exists, a suggested name;
catalog rules (missing description, owner or category; a verified definition that breaks the
convention); duplicates by name (the same words written another way, in another order, with
another tense or a synonym verb, a typing slip apart); and duplicates by meaning (definitions
whose matched interactions overlap strongly under unrelated names). Deprecated and archived
definitions are left out. See docs/naming.md.

Options:
  --preset ID           lint against a preset: heap, segment or snake_case
  --conventions FILE    lint against a convention file (JSON, docs/naming.md)
                        Without either: the workspace's convention ('hindsight convention'),
                        else heap.
  --definitions FILE    lint a definitions file (hindsight_definitions JSON) instead of the
                        workspace; no store is needed and there are no duplicates by meaning
  --json                print {"violations": [{"definition", "rule", "message", "suggestion"}],
                        "duplicates": [{"kind": "name"|"meaning", "names", "overlap"}]}
  --no-meaning          skip duplicates by meaning (they scan every interaction)
  --min-overlap X       Jaccard index from which definitions are duplicates by meaning
                        (0 < X <= 1, default 0.9)
  --fix                 show the suggested renames; a suggestion that clashes with another
                        (two definitions to one name, or another definition's name or former
                        name) is skipped and reported
  --yes                 with --fix: apply them, all in one transaction. Every rename is in the
                        history and old names keep resolving; undo one with
                        'hindsight rename NEW OLD'.

Exit status: 0 when nothing is reported, 1 when anything is (also when --fix is given without
--yes), 2 on a usage error, an unreadable file or store, or a refused change.
)";

int usage(CommandContext &ctx, const std::string &message)
{
    ctx.err << kName << ": " << message << "\n";
    return kUsage;
}

std::string quoted(const std::string &name)
{
    return "'" + terminalSafe(name, 200) + "'";
}

/// 0.952380... -> "0.9524".
std::string overlapNumber(double value)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4f", std::floor(value * 10000.0) / 10000.0);
    std::string s = buf;
    while (s.size() > 1 && s.back() == '0')
        s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s;
}

std::string percent(double value)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f %%", std::floor(value * 1000.0) / 10.0);
    return buf;
}

naming::CatalogEntry entryOf(const Definition &d)
{
    return naming::CatalogEntry{d.name, d.description, d.owner, d.category,
                                std::string(statusName(d.status))};
}

bool reviewed(const Definition &d)
{
    return d.status != DefinitionStatus::Deprecated && d.status != DefinitionStatus::Archived;
}

struct MeaningFinding
{
    std::vector<std::string> names;
    double overlap = 0;
    std::vector<std::string> details; ///< one line per linking pair
};

/// Duplicates by meaning among the reviewed definitions of `ws`, leaving out pairs that are
/// already duplicates by name and combos paired with their own members.
std::vector<MeaningFinding> meaningDuplicates(const AnswerWorkspace &ws, const naming::LintReport &report,
                                              double minJaccard, CommandContext &ctx)
{
    const auto &defs = ws.definitions();
    std::vector<std::size_t> catalogIndex; // compiled -> defs index
    std::vector<CompiledDefinition> compiled;
    compiled.reserve(defs.size());
    for (std::size_t i = 0; i < defs.size(); ++i) {
        // Deprecated definitions still answer and still sit in pickers: one that duplicates a
        // live definition is worth merging (its name then resolves to the live one).
        if (defs[i].status == DefinitionStatus::Archived) continue;
        CompileError error;
        auto c = CompiledDefinition::compile(defs[i], ws.index(), ws.lookup(), &error);
        if (!c) {
            ctx.err << kName << ": " << quoted(defs[i].name) << " cannot be compiled (" << error.message()
                    << "); left out of the duplicates by meaning\n";
            continue;
        }
        catalogIndex.push_back(i);
        compiled.push_back(std::move(*c));
    }
    std::vector<const CompiledDefinition *> pointers;
    for (const auto &c : compiled)
        pointers.push_back(&c);

    // Name groups, by catalog index (entries were made from every definition, in order).
    std::map<std::size_t, std::set<std::size_t>> nameGroups;
    for (std::size_t g = 0; g < report.duplicates.size(); ++g)
        for (const std::size_t member : report.duplicates[g].members)
            nameGroups[member].insert(g);
    // Every definition a combo stands for, recursively, by catalog index.
    std::map<std::size_t, std::set<std::size_t>> comboMembers;
    for (std::size_t i = 0; i < defs.size(); ++i) {
        if (!defs[i].isCombo()) continue;
        std::set<std::size_t> &out = comboMembers[i];
        std::vector<const Definition *> todo{&defs[i]};
        while (!todo.empty()) {
            const Definition *d = todo.back();
            todo.pop_back();
            for (const auto &m : d->combo) {
                const Definition *member = ws.find(m);
                if (!member) continue;
                const auto index = static_cast<std::size_t>(member - defs.data());
                if (out.insert(index).second && member->isCombo()) todo.push_back(member);
            }
        }
    }
    const auto skip = [&](std::size_t a, std::size_t b) {
        const std::size_t x = catalogIndex[a], y = catalogIndex[b];
        const auto gx = nameGroups.find(x), gy = nameGroups.find(y);
        if (gx != nameGroups.end() && gy != nameGroups.end())
            for (const auto g : gx->second)
                if (gy->second.count(g)) return true;
        for (const auto &[combo, other] : {std::pair{x, y}, std::pair{y, x}})
            if (const auto it = comboMembers.find(combo); it != comboMembers.end() && it->second.count(other))
                return true;
        return false;
    };
    MeaningDuplicateOptions options;
    options.minJaccard = minJaccard;
    const auto found = findMeaningDuplicates(ws.index(), pointers, options, skip);

    std::vector<MeaningFinding> out;
    for (const auto &group : found.groups) {
        MeaningFinding f;
        for (const auto m : group.members)
            f.names.push_back(defs[catalogIndex[m]].name);
        f.overlap = group.overlap;
        for (const auto &pair : group.pairs)
            f.details.push_back(quoted(defs[catalogIndex[pair.first]].name) + " and " +
                                quoted(defs[catalogIndex[pair.second]].name) + ": " + percent(pair.jaccard) +
                                " overlap (" + formatCount(static_cast<std::int64_t>(pair.intersection)) +
                                " shared of " + formatCount(static_cast<std::int64_t>(pair.firstSize)) +
                                " and " + formatCount(static_cast<std::int64_t>(pair.secondSize)) +
                                " interactions)");
        out.push_back(std::move(f));
    }
    return out;
}

void printJson(std::ostream &out, const naming::LintReport &report,
               const std::vector<MeaningFinding> &meaning)
{
    out << "{\"violations\": [";
    for (std::size_t i = 0; i < report.violations.size(); ++i) {
        const auto &v = report.violations[i];
        out << (i ? ",\n  " : "\n  ") << "{\"definition\": " << capture::jsonString(v.definition)
            << ", \"rule\": " << capture::jsonString(naming::ruleId(v.rule))
            << ", \"message\": " << capture::jsonString(v.message) << ", \"suggestion\": "
            << (v.suggestion ? capture::jsonString(*v.suggestion) : std::string("null")) << "}";
    }
    out << (report.violations.empty() ? "]" : "\n]") << ",\n \"duplicates\": [";
    bool first = true;
    auto names = [](const std::vector<std::string> &list) {
        std::string s = "[";
        for (std::size_t i = 0; i < list.size(); ++i)
            s += (i ? ", " : "") + capture::jsonString(list[i]);
        return s + "]";
    };
    for (const auto &group : report.duplicates) {
        out << (first ? "\n  " : ",\n  ") << "{\"kind\": \"name\", \"names\": " << names(group.names)
            << ", \"overlap\": null}";
        first = false;
    }
    for (const auto &group : meaning) {
        out << (first ? "\n  " : ",\n  ") << "{\"kind\": \"meaning\", \"names\": " << names(group.names)
            << ", \"overlap\": " << overlapNumber(group.overlap) << "}";
        first = false;
    }
    out << (first ? "]}\n" : "\n]}\n");
}

void printText(std::ostream &out, const naming::Convention &convention, const std::string &source,
               std::size_t reviewedCount, const naming::LintReport &report,
               const std::vector<MeaningFinding> &meaning, bool meaningChecked)
{
    out << "Convention: " << terminalSafe(convention.id, 80) << " ("
        << terminalSafe(convention.pattern(), 120) << "), " << source << "\n"
        << formatCount(static_cast<std::int64_t>(reviewedCount)) << " definition"
        << (reviewedCount == 1 ? "" : "s") << " reviewed\n";
    std::string current;
    std::set<std::string> withViolations;
    for (const auto &v : report.violations) {
        if (v.definition != current || withViolations.empty()) {
            current = v.definition;
            withViolations.insert(current);
            out << "\n" << quoted(current) << "\n";
            const auto it = std::find_if(
                report.violations.begin(), report.violations.end(),
                [&](const naming::LintFinding &f) { return f.definition == current && f.suggestion; });
            if (it != report.violations.end()) out << "  suggestion: " << quoted(*it->suggestion) << "\n";
        }
        out << "  " << naming::ruleId(v.rule) << ": " << terminalSafe(v.message, 400) << "\n";
    }
    if (!report.duplicates.empty()) {
        out << "\nDuplicates by name\n";
        for (const auto &g : report.duplicates) {
            out << "  ";
            for (std::size_t i = 0; i < g.names.size(); ++i)
                out << (i ? ", " : "") << quoted(g.names[i]);
            out << " — " << naming::duplicateRuleId(g.rule) << ": " << terminalSafe(g.reason, 200) << "\n";
        }
    }
    if (!meaning.empty()) {
        out << "\nDuplicates by meaning (they match the same interactions)\n";
        for (const auto &g : meaning) {
            out << "  ";
            for (std::size_t i = 0; i < g.names.size(); ++i)
                out << (i ? ", " : "") << quoted(g.names[i]);
            out << "\n";
            for (const auto &d : g.details)
                out << "    " << d << "\n";
        }
    }
    out << "\n";
    if (report.clean() && meaning.empty()) {
        out << "Clean: no violations, no duplicates" << (meaningChecked ? "" : " by name") << ".\n";
        return;
    }
    out << formatCount(static_cast<std::int64_t>(report.violations.size())) << " violation"
        << (report.violations.size() == 1 ? "" : "s") << " in " << withViolations.size() << " definition"
        << (withViolations.size() == 1 ? "" : "s") << "; " << report.duplicates.size() << " duplicate group"
        << (report.duplicates.size() == 1 ? "" : "s") << " by name";
    if (meaningChecked) out << ", " << meaning.size() << " by meaning";
    out << ".\n";
}

struct Rename
{
    std::string from, to;
};

/// The suggested renames, and the ones skipped because they clash.
void planRenames(const std::vector<Definition> &defs, Catalog &catalog, const naming::LintReport &report,
                 std::vector<Rename> &apply, std::vector<std::string> &skipped)
{
    std::vector<Rename> wanted;
    std::set<std::string> seen;
    for (const auto &v : report.violations) {
        if (!v.suggestion || *v.suggestion == v.definition || !seen.insert(v.definition).second) continue;
        wanted.push_back({v.definition, *v.suggestion});
    }
    // Who owns each name and former name now (by key), and how many want each new name.
    std::map<std::string, std::string> owner; // key -> current name of its definition
    for (const auto &d : defs) {
        owner[definitionNameKey(d.name)] = d.name;
        for (const auto &alias : catalog.aliases(d.name))
            owner[definitionNameKey(alias)] = d.name;
    }
    std::map<std::string, int> wantedBy;
    for (const auto &r : wanted)
        ++wantedBy[definitionNameKey(r.to)];
    for (const auto &r : wanted) {
        const std::string key = definitionNameKey(r.to);
        if (wantedBy[key] > 1) {
            skipped.push_back(quoted(r.from) + " → " + quoted(r.to) +
                              ": another definition would get the same name");
            continue;
        }
        if (const auto it = owner.find(key);
            it != owner.end() && definitionNameKey(it->second) != definitionNameKey(r.from)) {
            const bool current = definitionNameKey(it->second) == key;
            skipped.push_back(quoted(r.from) + " → " + quoted(r.to) + ": " +
                              (current ? "that is the name of another definition"
                                       : "that is a former name of " + quoted(it->second)) +
                              " (a duplicate to merge? see 'hindsight merge')");
            continue;
        }
        apply.push_back(r);
    }
}

int run(CommandContext &ctx, const std::vector<std::string> &args)
{
    ArgParser p;
    p.value("--preset");
    p.value("--conventions");
    p.value("--definitions");
    p.value("--min-overlap");
    p.flag("--json");
    p.flag("--fix");
    p.flag("--yes");
    p.flag("--no-meaning");
    if (!p.parse(args)) return usage(ctx, p.error());
    if (p.helpRequested()) {
        ctx.out << kHelp;
        return kOk;
    }
    if (!p.positional().empty())
        return usage(ctx, "unexpected argument '" + p.positional().front() + "' (see --help)");
    const bool fix = p.has("--fix");
    if (p.has("--yes") && !fix) return usage(ctx, "--yes only goes with --fix");
    if (fix && p.has("--json")) return usage(ctx, "--fix prints a preview for people; use it without --json");
    const auto file = p.get("--definitions");
    if (fix && file)
        return usage(ctx, "--fix renames definitions in the workspace; edit the file to rename there");
    double minOverlap = 0.9;
    if (const auto text = p.get("--min-overlap")) {
        char *end = nullptr;
        minOverlap = std::strtod(text->c_str(), &end);
        if (text->empty() || *end != '\0' || !(minOverlap > 0.0 && minOverlap <= 1.0))
            return usage(ctx, "option '--min-overlap' must be a number above 0 and at most 1, such as 0.9");
    }

    std::vector<Definition> defs;
    std::optional<naming::Convention> stored;
    std::string source;
    std::unique_ptr<AnswerWorkspace> ws;
    std::unique_ptr<store::Store> store;
    if (file) {
        std::string text, error;
        if (!readTextFile(*file, text, &error)) return usage(ctx, error);
        DefinitionParseOptions options;
        options.validate = false; // naming is reviewed even when a criterion would not compile
        auto parsed = parseDefinitionJson(text, options);
        if (!parsed.ok()) {
            for (const auto &issue : parsed.issues)
                ctx.err << kName << ": " << *file << ": " << issue.message() << "\n";
            return kUsage;
        }
        defs = std::move(parsed.definitions);
        source = "definitions from " + *file;
    } else {
        std::string error;
        if (!p.has("--no-meaning")) {
            ws = AnswerWorkspace::open(ctx, kName);
            if (!ws) return kUsage;
            defs = ws->definitions();
        } else {
            store = store::Store::open(ctx.storePath, store::Store::OpenMode::ReadOnly, &error);
            if (!store) return usage(ctx, error);
            defs = Catalog(*store).list({}, &error);
            if (!error.empty()) return usage(ctx, error);
        }
        store::Store &s = ws ? ws->store() : *store;
        const auto wc = readWorkspaceConvention(s, &error);
        if (!wc) return usage(ctx, error);
        stored = wc->convention;
        source = wc->stored ? "the workspace's convention" : "the default (the workspace stores none)";
    }
    if (p.has("--preset") || p.has("--conventions"))
        source = p.has("--preset") ? "preset" : "from " + *p.get("--conventions");
    const auto convention = conventionFromOptions(p, stored, ctx.err, kName);
    if (!convention) return kUsage;

    std::vector<naming::CatalogEntry> entries;
    std::size_t reviewedCount = 0;
    for (const auto &d : defs) {
        entries.push_back(entryOf(d));
        if (reviewed(d)) ++reviewedCount;
    }
    const naming::CatalogLinter linter(*convention);
    const naming::LintReport report = linter.lint(entries);
    std::vector<MeaningFinding> meaning;
    if (ws) meaning = meaningDuplicates(*ws, report, minOverlap, ctx);
    const bool anything = !report.clean() || !meaning.empty();

    if (p.has("--json")) {
        printJson(ctx.out, report, meaning);
        return anything ? kFindings : kOk;
    }
    printText(ctx.out, *convention, source, reviewedCount, report, meaning, ws != nullptr);
    if (!fix) return anything ? kFindings : kOk;

    // --fix: the preview, then (with --yes) every rename in one transaction.
    std::string error;
    auto writable = store::Store::open(
        ctx.storePath, p.has("--yes") ? store::Store::OpenMode::Existing : store::Store::OpenMode::ReadOnly,
        &error);
    if (!writable) return usage(ctx, error);
    Catalog catalog(*writable);
    std::vector<Rename> renames;
    std::vector<std::string> skipped;
    planRenames(defs, catalog, report, renames, skipped);
    ctx.out << "\nSuggested renames (" << renames.size() << ")\n";
    for (const auto &r : renames)
        ctx.out << "  " << quoted(r.from) << " → " << quoted(r.to) << "\n";
    if (renames.empty()) ctx.out << "  (none)\n";
    if (!skipped.empty()) {
        ctx.out << "Skipped (" << skipped.size() << ")\n";
        for (const auto &s : skipped)
            ctx.out << "  " << s << "\n";
    }
    if (!p.has("--yes")) {
        if (!renames.empty())
            ctx.out
                << "\nNothing was changed. Run again with --fix --yes to apply these renames in one go.\n";
        return anything ? kFindings : kOk;
    }
    if (!renames.empty()) {
        std::vector<std::pair<std::string, std::string>> pairs;
        for (const auto &r : renames)
            pairs.emplace_back(r.from, r.to);
        const auto result = catalog.renameMany(
            pairs, {currentActor(), "hindsight lint --fix (naming convention " + convention->id + ")",
                    std::nullopt});
        if (!result) {
            ctx.err << kName << ": nothing was renamed:\n" << result.error << "\n";
            return kUsage;
        }
        ctx.out << "\nRenamed " << renames.size() << " definition" << (renames.size() == 1 ? "" : "s")
                << " in one change. The old names still resolve; undo one with 'hindsight rename NEW OLD'.\n";
    }
    // What is left after the renames.
    auto after = catalog.list({}, &error);
    std::vector<naming::CatalogEntry> afterEntries;
    for (const auto &d : after)
        afterEntries.push_back(entryOf(d));
    const auto left = linter.lint(afterEntries);
    ctx.out << "Left: " << left.violations.size() << " violation" << (left.violations.size() == 1 ? "" : "s")
            << ", " << left.duplicates.size() << " duplicate group"
            << (left.duplicates.size() == 1 ? "" : "s") << " by name"
            << (ws ? ", " + std::to_string(meaning.size()) + " by meaning" : std::string()) << ".\n";
    return left.clean() && meaning.empty() ? kOk : kFindings;
}

const CommandRegistration kRegistration{
    {"lint", "review definition names against a naming convention; duplicates by name and meaning; --fix",
     kHelp, run}};

} // namespace
} // namespace hindsight::cli
