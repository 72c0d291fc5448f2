// hindsight selector check: does a CSS selector (with optional text and href conditions)
// match an autocaptured element chain, and if not, why not.
#include "app/cli/argparser.h"
#include "app/cli/command.h"
#include "core/capture/elementchain.h"
#include "core/definitions/elementcondition.h"
#include "core/definitions/selector.h"
#include "core/definitions/selectormatcher.h"
#include "core/definitions/textmatcher.h"

#include <iostream>
#include <iterator>
#include <optional>
#include <string>

namespace hindsight::cli {

namespace {

using definitions::ElementCondition;
using definitions::Selector;
using definitions::TextMatcher;
using definitions::TextMatchMode;

const char *kHelp = R"(Usage: hindsight selector check SELECTOR --chain CHAIN [OPTIONS]

Checks whether a CSS selector, optionally with text and href conditions, matches a PostHog
$elements_chain (the clicked element first, then its ancestors up to body). It matches when
ONE element of the chain, the target or one of its ancestors, is matched by the selector and
also has the text and href asked for: a click on a <span> inside <button class="buy">Buy</button>
matches 'button.buy' with --text Buy.

Options:
  --chain CHAIN         the $elements_chain text; "-" reads it from standard input
  --text T              the element's text must match T
  --text-match MODE     exact (default), contains, regex (RE2) or wildcard ('*' = any run)
  --href H              the element's link target must match H
  --href-match MODE     exact (default), contains, regex or wildcard
  --ignore-case         compare text and href case-insensitively

Selectors follow CSS: type, *, #id, .class, [attr], [attr=v], [attr~=v], [attr|=v],
[attr^=v], [attr$=v], [attr*=v] (values quoted or plain identifiers, optional i flag),
:nth-child(An+B), :nth-of-type(An+B), :first-child, :first-of-type, descendant (space) and
child (>) combinators, and comma lists. Characters such as ':' and '/' in class names must
be escaped as CSS requires: '.hover\:bg-blue-500\/75', '.w-1\/2'. Sibling combinators and
state pseudo-classes (:hover) are refused: the chain cannot answer them.

Prints the element that matched (its index, 0 being the target) or, for every element, why
it did not.

Exit status: 0 when it matches, 1 when it does not, 2 when the selector, a pattern or the
chain is invalid (the message gives the position).
)";

constexpr const char *kName = "hindsight selector";

/// The text with a caret under byte `position`, cut to a window around it for long text.
void showPosition(std::ostream &os, std::string_view text, std::size_t position)
{
    constexpr std::size_t kBefore = 40;
    constexpr std::size_t kAfter = 30;
    const std::size_t from = position > kBefore ? position - kBefore : 0;
    const std::size_t to = std::min(text.size(), position + kAfter);
    std::string line = from > 0 ? "..." : "";
    std::size_t caret = line.size() + (position - from);
    for (std::size_t i = from; i < to; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x20 || c == 0x7F) {
            line += '?';
        } else {
            line += static_cast<char>(c);
        }
    }
    if (to < text.size()) line += "...";
    os << "  " << line << "\n  " << std::string(caret, ' ') << "^\n";
}

std::string elementLabel(std::size_t index)
{
    if (index == 0) return "element 0 (target)";
    if (index == 1) return "element 1 (parent)";
    return "element " + std::to_string(index) + " (ancestor " + std::to_string(index) + ")";
}

std::string summary(const model::Element &element)
{
    std::string s = capture::summarizeTarget(model::ElementChain{element});
    return s.empty() ? "(no tag)" : s;
}

std::string quotedForMessage(std::string_view value)
{
    std::string out = "\"";
    std::size_t n = 0;
    for (const char ch : value) {
        if (++n > 60) {
            out += "...";
            break;
        }
        const auto c = static_cast<unsigned char>(ch);
        out += c < 0x20 || c == 0x7F ? ' ' : ch;
    }
    return out + "\"";
}

/// Builds a matcher for --text / --href; prints the problem and returns false when invalid.
bool makeMatcher(CommandContext &ctx, const ArgParser &p, const std::string &option, bool ignoreCase,
                 std::optional<TextMatcher> &out)
{
    const std::string modeOption = option + "-match";
    const auto pattern = p.get(option);
    if (!p.has(option)) {
        if (p.has(modeOption)) {
            ctx.err << kName << ": " << modeOption << " needs " << option << "\n";
            return false;
        }
        return true;
    }
    const std::string modeName = p.get(modeOption, "exact");
    const auto mode = TextMatcher::modeFromName(modeName);
    if (!mode) {
        ctx.err << kName << ": " << modeOption << " must be exact, contains, regex or wildcard, not '"
                << modeName << "'\n";
        return false;
    }
    definitions::TextMatcherError error;
    out = TextMatcher::create(pattern.value_or(""), *mode, !ignoreCase, &error);
    if (!out) {
        ctx.err << kName << ": invalid " << option << " " << modeName << ": " << error.reason;
        if (error.position) {
            ctx.err << " (position " << *error.position << ")\n";
            showPosition(ctx.err, pattern.value_or(""), *error.position);
        } else {
            ctx.err << "\n";
        }
        return false;
    }
    return true;
}

/// Why `chain[index]` is not a subject of the selector: the subject compound does not fit the
/// element, or it does but the ancestors do not.
std::string selectorMiss(const Selector &selector, const model::ElementChain &chain, std::size_t index)
{
    for (const auto &complex : selector.ast()) {
        const definitions::SelectorMatcher subject(
            definitions::SelectorList{definitions::ComplexSelector{{complex.compounds.back()}, {}}});
        if (complex.compounds.size() > 1 && subject.matchesAt(chain, index))
            return "is '" + definitions::toString(complex.compounds.back()) +
                   "' but its ancestors do not fit '" + definitions::toString(complex) + "'";
    }
    return "does not match the selector";
}

std::string textMiss(const char *what, const TextMatcher &matcher, const std::string &value)
{
    if (value.empty()) return std::string("has no ") + what;
    return std::string(what) + " " + quotedForMessage(value) + " does not match " +
           std::string(TextMatcher::modeName(matcher.mode())) +
           (matcher.caseSensitive() ? " " : " (ignoring case) ") + quotedForMessage(matcher.pattern());
}

int check(CommandContext &ctx, const std::vector<std::string> &args)
{
    ArgParser p;
    p.value("--chain");
    p.value("--text");
    p.value("--text-match");
    p.value("--href");
    p.value("--href-match");
    p.flag("--ignore-case");
    if (!p.parse(args)) {
        ctx.err << kName << ": " << p.error() << "\n";
        return kUsage;
    }
    const auto &pos = p.positional();
    if (pos.size() != 1) {
        ctx.err << kName << ": "
                << (pos.empty() ? "check needs a SELECTOR" : "unexpected argument '" + pos[1] + "'")
                << " (see 'hindsight selector --help')\n";
        return kUsage;
    }
    if (!p.has("--chain")) {
        ctx.err << kName << ": check needs --chain CHAIN\n";
        return kUsage;
    }

    const std::string &selectorText = pos.front();
    definitions::SelectorError selectorError;
    auto selector = Selector::parse(selectorText, &selectorError);
    if (!selector) {
        ctx.err << kName << ": invalid selector at position " << selectorError.position << ": "
                << selectorError.reason << "\n";
        showPosition(ctx.err, selectorText, selectorError.position);
        return kUsage;
    }

    const bool ignoreCase = p.has("--ignore-case");
    std::optional<TextMatcher> text;
    std::optional<TextMatcher> href;
    if (!makeMatcher(ctx, p, "--text", ignoreCase, text) || !makeMatcher(ctx, p, "--href", ignoreCase, href))
        return kUsage;

    std::string chainText = p.get("--chain", "");
    if (chainText == "-")
        chainText.assign(std::istreambuf_iterator<char>(ctx.in), std::istreambuf_iterator<char>());
    model::ElementChain chain;
    capture::ChainError chainError;
    if (!capture::parseElementsChain(chainText, chain, &chainError)) {
        ctx.err << kName << ": invalid chain at position " << chainError.position << ": " << chainError.reason
                << "\n";
        showPosition(ctx.err, chainText, chainError.position);
        return kUsage;
    }
    if (chain.empty()) {
        ctx.out << "no match: the chain is empty\n";
        return kFindings;
    }

    const ElementCondition condition(selector, text, href);
    const int index = condition.matchIndex(chain);
    if (index >= 0) {
        const auto i = static_cast<std::size_t>(index);
        ctx.out << "match: " << elementLabel(i) << ": " << summary(chain[i]) << "\n";
        return kOk;
    }

    ctx.out << "no match: no element of the chain (" << chain.size()
            << (chain.size() == 1 ? " element" : " elements") << ") satisfies '" << selector->canonicalText()
            << "'";
    if (text)
        ctx.out << " with text " << TextMatcher::modeName(text->mode()) << " "
                << quotedForMessage(text->pattern());
    if (href)
        ctx.out << (text ? " and" : " with") << " href " << TextMatcher::modeName(href->mode()) << " "
                << quotedForMessage(href->pattern());
    ctx.out << "\n";
    for (std::size_t i = 0; i < chain.size(); ++i) {
        const model::Element &element = chain[i];
        std::string why;
        auto add = [&why](const std::string &reason) { why += (why.empty() ? "" : "; ") + reason; };
        if (!selector->matchesAt(chain, i)) add(selectorMiss(*selector, chain, i));
        if (text && (element.text.empty() || !text->matches(element.text)))
            add(textMiss("text", *text, element.text));
        if (href && (element.href.empty() || !href->matches(element.href)))
            add(textMiss("href", *href, element.href));
        ctx.out << "  " << elementLabel(i) << " " << summary(element) << ": " << why << "\n";
    }
    return kFindings;
}

int run(CommandContext &ctx, const std::vector<std::string> &args)
{
    if (args.empty() || args.front() != "check") {
        ctx.err << kName << ": "
                << (args.empty() ? std::string("expected 'check'") : "unknown action '" + args.front() + "'")
                << " (usage: hindsight selector check SELECTOR --chain CHAIN)\n";
        return kUsage;
    }
    return check(ctx, std::vector<std::string>(args.begin() + 1, args.end()));
}

const CommandRegistration kRegistration{
    {"selector", "check a CSS selector against an element chain", kHelp, run}};

} // namespace
} // namespace hindsight::cli
