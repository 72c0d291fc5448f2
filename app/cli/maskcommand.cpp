// hindsight mask: masking rules — add, list, remove, history, test and apply (retroactively).
#include "app/cli/argparser.h"
#include "app/cli/cliformat.h"
#include "app/cli/command.h"
#include "app/cli/definitionargs.h"
#include "core/capture/jsonwriter.h"
#include "core/capture/timestamp.h"
#include "core/privacy/maskapply.h"
#include "core/privacy/maskrule.h"
#include "core/privacy/maskstore.h"
#include "core/store/store.h"

#include <algorithm>
#include <charconv>
#include <ostream>

namespace hindsight::cli {

namespace {

using namespace privacy;

const std::string kName = "hindsight mask";

const char *kHelp = R"(Usage: hindsight [--store PATH] mask VERB [ARGS]

Masking rules remove personal data from captured fields: at the door (every import runs the
active rules before anything is written) and retroactively ('mask apply'). Every change to the
rules is recorded with who ($HINDSIGHT_ACTOR, else the login name), when and why (--reason).

Verbs:
  add --field PATTERN [--detector TYPE] [--selector CSS] [--url PATTERN]
      --action redact|hash|truncate|drop-field|drop-interaction [--keep N] [--reason TEXT] [--yes]
                        add a rule. PATTERN names fields as 'hindsight audit' does:
                        element.text, element.href, element.attr.NAME, url, url.host, url.path,
                        url.query.NAME, url.hash, referrer (and referrer.query.NAME, ...), title,
                        properties.KEY (nested keys with '.'); '*' matches any characters.
                        --detector: only the spans that detector finds (EMAIL, PHONE,
                        CREDIT_CARD, IBAN, US_SSN, IP_ADDRESS, JWT, SECRET). --selector: only
                        elements (or interactions whose chain) the CSS selector matches. --url:
                        only interactions on matching page URLs (wildcard with '*', else
                        "contains"). redact writes [REDACTED] (or [EMAIL], ... for a detected
                        span); hash writes hmac:<20 hex digits>, keyed with the workspace's
                        secret, so equal values stay equal; truncate keeps --keep N characters.
  list [--all] [--json] the active rules (--all: removed ones too)
  remove ID [--reason TEXT]
                        deactivate a rule (its history stays). Values it already masked stay
                        masked.
  history ID [--json]   every version of a rule
  test [ID] [--json]    what the active rules (or rule ID) would change in the store: per rule,
                        interactions affected, dropped, values changed and masked examples.
                        Changes nothing.
  apply [--yes]         rewrite the stored values in one transaction, then remove the old bytes
                        from the store file, its write-ahead log and its caches.

'add' and 'apply' refuse without --yes when the rules would drop every interaction or rewrite
more than half of them.

Exit status: 0 on success; 1 when 'test' finds something to change; 2 on a usage error, an
invalid rule, a refusal without --yes, or a store that cannot be used.
)";

int usage(CommandContext &ctx, const std::string &message)
{
    ctx.err << kName << ": " << message << "\n";
    return kUsage;
}

std::unique_ptr<store::Store> openStore(CommandContext &ctx, bool write)
{
    std::string error;
    auto store = store::Store::open(
        ctx.storePath, write ? store::Store::OpenMode::Existing : store::Store::OpenMode::ReadOnly, &error);
    if (!store) ctx.err << kName << ": " << error << "\n";
    return store;
}

std::optional<std::int64_t> parseId(const std::string &text)
{
    std::int64_t id = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc() || end != text.data() + text.size() || id < 1) return std::nullopt;
    return id;
}

std::string percent(std::int64_t part, std::int64_t whole)
{
    if (whole <= 0) return "0%";
    const double p = 100.0 * static_cast<double>(part) / static_cast<double>(whole);
    char buf[32];
    std::snprintf(buf, sizeof buf, p < 10 ? "%.1f%%" : "%.0f%%", p);
    return buf;
}

std::string iso(std::int64_t ms)
{
    return capture::formatIsoTimestamp(ms);
}

void printImpact(CommandContext &ctx, const MaskImpact &impact)
{
    for (const RuleImpact &r : impact.rules) {
        ctx.out << "Rule " << r.rule.id << ": " << terminalSafe(describeMaskRule(r.rule), 200) << "\n";
        ctx.out << "  interactions affected: " << formatCount(r.interactionsAffected) << " ("
                << percent(r.interactionsAffected, impact.interactions) << ")";
        if (r.rule.action == MaskAction::DropInteraction)
            ctx.out << ", dropped: " << formatCount(r.interactionsDropped);
        else
            ctx.out << ", values changed: " << formatCount(r.valuesChanged);
        ctx.out << "\n";
        for (const MaskExample &e : r.examples)
            ctx.out << "  " << terminalSafe(e.field, 80) << ": " << terminalSafe(e.before, 100) << "  ->  "
                    << terminalSafe(e.after, 100) << "\n";
    }
}

std::string impactJson(const MaskImpact &impact)
{
    std::string out = "{\"interactions\": " + std::to_string(impact.interactions) +
                      ", \"rewritten\": " + std::to_string(impact.interactionsChanged) +
                      ", \"dropped\": " + std::to_string(impact.interactionsDropped) +
                      ", \"needsConfirmation\": " + (impact.needsConfirmation() ? "true" : "false") +
                      ", \"rules\": [";
    for (std::size_t i = 0; i < impact.rules.size(); ++i) {
        const RuleImpact &r = impact.rules[i];
        out += i ? ",\n  " : "\n  ";
        out += "{\"id\": " + std::to_string(r.rule.id) + ", \"rule\": " + maskRuleToJson(r.rule) +
               ", \"description\": " + capture::jsonString(describeMaskRule(r.rule)) +
               ", \"interactionsAffected\": " + std::to_string(r.interactionsAffected) +
               ", \"interactionsDropped\": " + std::to_string(r.interactionsDropped) +
               ", \"valuesChanged\": " + std::to_string(r.valuesChanged) + ", \"examples\": [";
        for (std::size_t j = 0; j < r.examples.size(); ++j) {
            const MaskExample &e = r.examples[j];
            out += (j ? ", " : "") + std::string("{\"field\": ") + capture::jsonString(e.field) +
                   ", \"before\": " + capture::jsonString(e.before) +
                   ", \"after\": " + capture::jsonString(e.after) + "}";
        }
        out += "]}";
    }
    out += impact.rules.empty() ? "]}\n" : "\n]}\n";
    return out;
}

int add(CommandContext &ctx, const std::vector<std::string> &args)
{
    ArgParser p;
    p.value("--field");
    p.value("--detector");
    p.value("--selector");
    p.value("--url");
    p.value("--action");
    p.value("--keep");
    p.value("--reason");
    p.flag("--yes");
    if (!p.parse(args)) return usage(ctx, p.error());
    if (!p.positional().empty())
        return usage(ctx, "add: unexpected argument '" + p.positional().front() + "'");
    MaskRule rule;
    auto field = p.get("--field");
    if (!field)
        return usage(ctx, "add needs --field PATTERN (e.g. url.query.email, element.text, properties.*)");
    rule.field = *field;
    auto action = p.get("--action");
    if (!action) return usage(ctx, "add needs --action redact|hash|truncate|drop-field|drop-interaction");
    auto parsedAction = maskActionFromString(*action);
    if (!parsedAction)
        return usage(
            ctx, "option '--action' must be redact, hash, truncate, drop-field or drop-interaction, not '" +
                     *action + "'");
    rule.action = *parsedAction;
    if (auto d = p.get("--detector")) {
        rule.detector = detectorTypeFromString(*d);
        if (!rule.detector)
            return usage(ctx, "option '--detector': unknown detector '" + *d + "' (use " +
                                  detectorTypeNames() + ")");
    }
    rule.selector = p.get("--selector", "");
    rule.url = p.get("--url", "");
    if (p.has("--keep")) {
        auto keep = p.integer("--keep", 0, 1, 1'000'000);
        if (!keep) return usage(ctx, p.error());
        rule.keep = static_cast<int>(*keep);
    }
    const auto issues = validateMaskRule(rule);
    if (!issues.empty()) {
        for (const auto &issue : issues)
            ctx.err << kName << ": option '--" << issue.field << "': " << issue.message << "\n";
        return kUsage;
    }
    auto store = openStore(ctx, true);
    if (!store) return kUsage;
    // What the rule would do to what is stored: a rule that would drop everything or rewrite most
    // of the data is probably a mistake, and it will also run on every later import.
    std::string error;
    auto impact = testMaskRules(*store, {rule}, &error);
    if (!impact) return usage(ctx, error);
    if (impact->needsConfirmation() && !p.has("--yes"))
        return usage(ctx, "refusing to add the rule: on the stored data " + impact->confirmationReason() +
                              ". Run again with --yes if that is intended.");
    MaskStore rules(*store);
    auto result = rules.add(rule, {currentActor(), p.get("--reason", ""), std::nullopt});
    if (!result) return usage(ctx, result.error);
    ctx.out << "Added rule " << result.rule.id << ": " << terminalSafe(describeMaskRule(result.rule), 200)
            << "\n";
    ctx.out << "It runs on every import from now on. On the stored data it would rewrite "
            << formatCount(impact->interactionsChanged) << " and drop "
            << formatCount(impact->interactionsDropped) << " of " << formatCount(impact->interactions)
            << " interactions";
    ctx.out << (impact->changesSomething() ? "; run 'hindsight mask apply' to mask them.\n" : ".\n");
    return kOk;
}

int list(CommandContext &ctx, const std::vector<std::string> &args)
{
    ArgParser p;
    p.flag("--all");
    p.flag("--json");
    if (!p.parse(args)) return usage(ctx, p.error());
    if (!p.positional().empty())
        return usage(ctx, "list: unexpected argument '" + p.positional().front() + "'");
    auto store = openStore(ctx, false);
    if (!store) return kUsage;
    std::string error;
    auto rules = MaskStore(*store).list(p.has("--all"), &error);
    if (!rules) return usage(ctx, error);
    if (p.has("--json")) {
        ctx.out << "[";
        for (std::size_t i = 0; i < rules->size(); ++i) {
            const MaskRule &r = (*rules)[i];
            ctx.out << (i ? ",\n " : "\n ") << "{\"id\": " << r.id
                    << ", \"active\": " << (r.active ? "true" : "false") << ", \"version\": " << r.version
                    << ", \"rule\": " << maskRuleToJson(r)
                    << ", \"description\": " << capture::jsonString(describeMaskRule(r))
                    << ", \"createdBy\": " << capture::jsonString(r.createdBy)
                    << ", \"created\": " << capture::jsonString(iso(r.createdMs))
                    << ", \"changedBy\": " << capture::jsonString(r.changedBy)
                    << ", \"changed\": " << capture::jsonString(iso(r.changedMs)) << "}";
        }
        ctx.out << (rules->empty() ? "]\n" : "\n]\n");
        return kOk;
    }
    if (rules->empty()) {
        ctx.out << "No masking rules" << (p.has("--all") ? "" : " active")
                << ". Add one with 'hindsight mask add'.\n";
        return kOk;
    }
    for (const MaskRule &r : *rules) {
        ctx.out << r.id << (r.active ? "  " : "  (removed)  ") << terminalSafe(describeMaskRule(r), 200)
                << "  v" << r.version << ", " << iso(r.changedMs).substr(0, 16) << " by "
                << terminalSafe(r.changedBy, 60) << "\n";
    }
    return kOk;
}

int remove(CommandContext &ctx, const std::vector<std::string> &args)
{
    ArgParser p;
    p.value("--reason");
    if (!p.parse(args)) return usage(ctx, p.error());
    if (p.positional().size() != 1) return usage(ctx, "remove needs one rule ID (see 'hindsight mask list')");
    const auto id = parseId(p.positional().front());
    if (!id) return usage(ctx, "rule ID must be a number such as 3, not '" + p.positional().front() + "'");
    auto store = openStore(ctx, true);
    if (!store) return kUsage;
    auto result = MaskStore(*store).remove(*id, {currentActor(), p.get("--reason", ""), std::nullopt});
    if (!result) return usage(ctx, result.error);
    ctx.out << "Removed rule " << *id << " (" << terminalSafe(describeMaskRule(result.rule), 200)
            << "). New imports are no longer masked by it; values it already masked stay masked.\n";
    return kOk;
}

int history(CommandContext &ctx, const std::vector<std::string> &args)
{
    ArgParser p;
    p.flag("--json");
    if (!p.parse(args)) return usage(ctx, p.error());
    if (p.positional().size() != 1) return usage(ctx, "history needs one rule ID");
    const auto id = parseId(p.positional().front());
    if (!id) return usage(ctx, "rule ID must be a number such as 3, not '" + p.positional().front() + "'");
    auto store = openStore(ctx, false);
    if (!store) return kUsage;
    std::string error;
    auto entries = MaskStore(*store).history(*id, &error);
    if (!entries) return usage(ctx, error);
    if (p.has("--json")) {
        ctx.out << "[";
        for (std::size_t i = 0; i < entries->size(); ++i) {
            const auto &e = (*entries)[i];
            ctx.out << (i ? ",\n " : "\n ") << "{\"version\": " << e.version
                    << ", \"action\": " << capture::jsonString(e.action)
                    << ", \"actor\": " << capture::jsonString(e.actor)
                    << ", \"at\": " << capture::jsonString(iso(e.atMs))
                    << ", \"reason\": " << capture::jsonString(e.reason)
                    << ", \"before\": " << e.beforeJson.value_or("null")
                    << ", \"after\": " << e.afterJson.value_or("null") << "}";
        }
        ctx.out << (entries->empty() ? "]\n" : "\n]\n");
        return kOk;
    }
    for (const auto &e : *entries) {
        ctx.out << "v" << e.version << "  " << iso(e.atMs).substr(0, 16) << "  " << e.action << " by "
                << terminalSafe(e.actor, 60) << "\n";
        if (!e.reason.empty()) ctx.out << "     why: " << terminalSafe(e.reason, 300) << "\n";
    }
    return kOk;
}

int test(CommandContext &ctx, const std::vector<std::string> &args)
{
    ArgParser p;
    p.flag("--json");
    if (!p.parse(args)) return usage(ctx, p.error());
    if (p.positional().size() > 1) return usage(ctx, "test takes at most one rule ID");
    std::optional<std::int64_t> id;
    if (!p.positional().empty()) {
        id = parseId(p.positional().front());
        if (!id)
            return usage(ctx, "rule ID must be a number such as 3, not '" + p.positional().front() + "'");
    }
    auto store = openStore(ctx, false);
    if (!store) return kUsage;
    std::string error;
    MaskStore ruleStore(*store);
    std::vector<MaskRule> rules;
    if (id) {
        auto rule = ruleStore.find(*id, &error);
        if (!rule) return usage(ctx, error);
        rules.push_back(std::move(*rule));
    } else {
        auto active = ruleStore.list(false, &error);
        if (!active) return usage(ctx, error);
        rules = std::move(*active);
    }
    auto impact = testMaskRules(*store, rules, &error);
    if (!impact) return usage(ctx, error);
    if (p.has("--json")) {
        ctx.out << impactJson(*impact);
        return impact->changesSomething() ? kFindings : kOk;
    }
    if (rules.empty()) {
        ctx.out << "No active masking rules. Add one with 'hindsight mask add'.\n";
        return kOk;
    }
    printImpact(ctx, *impact);
    ctx.out << "In all: " << formatCount(impact->interactionsChanged) << " of "
            << formatCount(impact->interactions) << " interactions would be rewritten and "
            << formatCount(impact->interactionsDropped) << " dropped. Nothing was changed.\n";
    if (impact->needsConfirmation())
        ctx.out << "Note: " << impact->confirmationReason() << "; 'mask apply' will ask for --yes.\n";
    return impact->changesSomething() ? kFindings : kOk;
}

int apply(CommandContext &ctx, const std::vector<std::string> &args)
{
    ArgParser p;
    p.flag("--yes");
    if (!p.parse(args)) return usage(ctx, p.error());
    if (!p.positional().empty())
        return usage(ctx, "apply: unexpected argument '" + p.positional().front() + "'");
    auto store = openStore(ctx, true);
    if (!store) return kUsage;
    std::string error;
    auto rules = MaskStore(*store).list(false, &error);
    if (!rules) return usage(ctx, error);
    if (rules->empty()) {
        ctx.out << "No active masking rules; nothing to apply.\n";
        return kOk;
    }
    auto report = applyMaskRules(*store, *rules, {currentActor(), p.has("--yes")}, &error);
    if (!report) return usage(ctx, error);
    if (report->refused)
        return usage(ctx, "refusing to apply: " + report->impact.confirmationReason() +
                              ". Check with 'hindsight mask test', then run again with --yes.");
    const MaskImpact &impact = report->impact;
    if (!report->applied) {
        ctx.out << "Nothing to mask: the stored values already follow the " << rules->size() << " active rule"
                << (rules->size() == 1 ? "" : "s") << ".\n";
        return kOk;
    }
    ctx.out << "Masked " << formatCount(impact.interactionsChanged) << " interactions and dropped "
            << formatCount(impact.interactionsDropped) << " (of " << formatCount(impact.interactions) << ")";
    ctx.out << "; " << formatCount(report->rowsAdded) << " masked values stored, "
            << formatCount(report->rowsRemoved) << " raw values deleted.\n";
    ctx.out << "The old bytes were removed from the store file, its write-ahead log and its caches ("
            << static_cast<int>(report->seconds * 1000) << " ms to rewrite, "
            << static_cast<int>(report->scrubSeconds * 1000) << " ms to scrub).\n";
    return kOk;
}

int run(CommandContext &ctx, const std::vector<std::string> &args)
{
    if (args.empty() || args.front() == "--help" || args.front() == "-h") {
        (args.empty() ? ctx.err : ctx.out) << kHelp;
        return args.empty() ? kUsage : kOk;
    }
    const std::string verb = args.front();
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    if (std::find(rest.begin(), rest.end(), "--help") != rest.end()) {
        ctx.out << kHelp;
        return kOk;
    }
    if (verb == "add") return add(ctx, rest);
    if (verb == "list") return list(ctx, rest);
    if (verb == "remove") return remove(ctx, rest);
    if (verb == "history") return history(ctx, rest);
    if (verb == "test") return test(ctx, rest);
    if (verb == "apply") return apply(ctx, rest);
    return usage(ctx, "unknown verb '" + verb + "' (add, list, remove, history, test, apply)");
}

const CommandRegistration kRegistration{
    {"mask", "masking rules: add, list, remove, test, apply (at the door and retroactively)", kHelp, run}};

} // namespace
} // namespace hindsight::cli
