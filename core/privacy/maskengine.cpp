#include "core/privacy/maskengine.h"

#include "core/capture/elementchain.h"
#include "core/definitions/selector.h"
#include "core/definitions/textmatcher.h"
#include "core/privacy/detector.h"
#include "core/privacy/fieldaudit.h"
#include "core/privacy/fieldscan.h"
#include "core/privacy/keyedhash.h"
#include "core/privacy/masking.h"
#include "core/privacy/maskjson.h"
#include "core/privacy/maskstore.h"
#include "core/store/statement.h"
#include "core/store/store.h"

#include <algorithm>
#include <bit>

namespace hindsight::privacy {

namespace {

enum Root { kElement, kUrl, kReferrer, kTitle, kProperties, kRootCount };
constexpr std::string_view kRootNames[kRootCount] = {"element", "url", "referrer", "title", "properties"};
constexpr std::size_t kHmacHexDigits = 20;
constexpr std::string_view kRedacted = "[REDACTED]";
constexpr std::string_view kFieldRemoved = "(field removed)";
constexpr std::string_view kInteractionDropped = "(interaction dropped)";

/// How the detectors see a value: plain text, the value of something named (`?name=value`),
/// or a URL fragment (`#value`).
enum class Context { Plain, Named, Hash };

enum class Leaf { Unchanged, Changed, DropField, DropInteraction };

struct Compiled
{
    MaskRule rule;
    std::optional<definitions::Selector> selector;
    std::optional<definitions::TextMatcher> url;
    DetectOptions detect;
    bool literal = true; ///< the field pattern has no wildcard
};

bool isContinuation(char c)
{
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

/// The first `keep` code points of `value` (as a byte length).
std::size_t prefixBytes(std::string_view value, int keep)
{
    std::size_t i = 0;
    int seen = 0;
    while (i < value.size()) {
        if (!isContinuation(value[i])) {
            if (seen == keep) break;
            ++seen;
        }
        ++i;
    }
    return i;
}

/// Percent-encodes what would change the meaning of a query value or path segment.
void appendEncoded(std::string &out, std::string_view value, std::string_view reserved)
{
    static constexpr char kHex[] = "0123456789ABCDEF";
    for (char c : value) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7F || u == ' ' || u == '%' || reserved.find(c) != std::string_view::npos) {
            out += '%';
            out += kHex[u >> 4];
            out += kHex[u & 15];
        } else {
            out += c;
        }
    }
}

/// A URL cut into its raw pieces (no normalisation, so it can be put back together exactly).
struct RawUrl
{
    std::string prefix;    ///< scheme and "//" (or whatever comes before the authority)
    std::string authority; ///< host (with user info and port, as written)
    std::string path;
    std::string query; ///< without '?'
    std::string hash;  ///< without '#'
    bool hasQuery = false, hasHash = false;

    void split(std::string_view url)
    {
        prefix.clear();
        authority.clear();
        hasQuery = hasHash = false;
        std::size_t end = url.find('#');
        if (end != std::string_view::npos) {
            hasHash = true;
            hash.assign(url.substr(end + 1));
            url = url.substr(0, end);
        } else {
            hash.clear();
        }
        end = url.find('?');
        if (end != std::string_view::npos) {
            hasQuery = true;
            query.assign(url.substr(end + 1));
            url = url.substr(0, end);
        } else {
            query.clear();
        }
        const std::size_t scheme = url.find("//");
        const std::size_t firstSlash = url.find('/');
        if (scheme != std::string_view::npos && scheme == firstSlash) {
            prefix.assign(url.substr(0, scheme + 2));
            const std::size_t pathStart = url.find('/', scheme + 2);
            if (pathStart == std::string_view::npos) {
                authority.assign(url.substr(scheme + 2));
                path.clear();
            } else {
                authority.assign(url.substr(scheme + 2, pathStart - scheme - 2));
                path.assign(url.substr(pathStart));
            }
        } else {
            path.assign(url);
        }
    }

    void join(std::string &out) const
    {
        out.clear();
        out += prefix;
        out += authority;
        out += path;
        if (hasQuery && !query.empty()) {
            out += '?';
            out += query;
        }
        if (hasHash && !hash.empty()) {
            out += '#';
            out += hash;
        }
    }
};

} // namespace

bool isHmacToken(std::string_view value)
{
    if (value.size() != 5 + kHmacHexDigits || value.substr(0, 5) != "hmac:") return false;
    for (char c : value.substr(5))
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

struct MaskEngine::Impl : JsonValueEditor
{
    std::vector<MaskRule> rules;
    std::vector<Compiled> compiled;
    std::string secret;
    RuleBits all = 0;
    RuleBits dropRules = 0;
    RuleBits conditional = 0;
    RuleBits withSelector = 0;
    RuleBits rootBits[kRootCount] = {};
    ExampleSink sink;

    // Scratch, reused between calls.
    std::string field, detectText, work, before, decoded, rebuilt, joined;
    std::vector<Finding> findings;
    model::ElementChain chain, condChain;
    std::vector<RuleBits> elementBits;
    RawUrl rawUrl;
    std::vector<std::string> pieces;
    // Properties walk state.
    RuleBits jsonBits = 0;
    MaskOutcome *jsonOutcome = nullptr;

    std::string hmac(std::string_view value) const
    {
        return "hmac:" + hmacSha256Hex(secret, value, kHmacHexDigits);
    }

    bool fieldMatches(const Compiled &c, std::string_view name) const
    {
        if (c.literal) return c.rule.field == name;
        return fieldMatchesPattern(c.rule.field, name);
    }

    /// Findings of the rule's detector in `value`, seen in its context, minus what a hash rule
    /// wrote before (so masking twice changes nothing).
    void detectIn(const Compiled &c, Context context, std::string_view name, std::string_view value)
    {
        findings.clear();
        std::size_t prefix = 0;
        if (context == Context::Plain) {
            findings = detect(value, c.detect);
        } else {
            detectText.clear();
            detectText += context == Context::Hash ? "#" : "?";
            if (context == Context::Named) {
                detectText.append(name);
                detectText += '=';
            }
            prefix = detectText.size();
            detectText.append(value);
            findings = detect(detectText, c.detect);
        }
        std::size_t kept = 0;
        for (Finding f : findings) {
            if (f.start < prefix) continue;
            f.start -= prefix;
            f.end -= prefix;
            const std::string_view span = value.substr(f.start, f.length());
            if (span.find("hmac:") != std::string_view::npos) {
                // A span holding a hash token: the value was hashed before.
                bool hashed = false;
                for (std::size_t at = span.find("hmac:"); at != std::string_view::npos && !hashed;
                     at = span.find("hmac:", at + 1))
                    hashed = isHmacToken(span.substr(at, 5 + kHmacHexDigits));
                if (hashed) continue;
            }
            findings[kept++] = f;
        }
        findings.resize(kept);
    }

    void example(std::size_t rule, std::string_view fieldName, std::string_view beforeHint,
                 std::string_view after)
    {
        if (sink) sink(rule, fieldName, beforeHint, after);
    }

    /// Applies one rule to one value (in place).
    Leaf applyOne(std::size_t index, std::string_view fieldName, Context context, std::string_view name,
                  std::string &value)
    {
        const Compiled &c = compiled[index];
        const MaskRule &r = c.rule;
        if (value.empty()) return Leaf::Unchanged;
        if (!r.detector) {
            switch (r.action) {
            case MaskAction::DropInteraction:
                if (sink)
                    example(index, fieldName, maskValue(value, DetectorType::Secret), kInteractionDropped);
                return Leaf::DropInteraction;
            case MaskAction::DropField:
                if (sink) example(index, fieldName, maskValue(value, DetectorType::Secret), kFieldRemoved);
                return Leaf::DropField;
            case MaskAction::Redact:
                if (value == kRedacted) return Leaf::Unchanged;
                if (sink) example(index, fieldName, maskValue(value, DetectorType::Secret), kRedacted);
                value.assign(kRedacted);
                return Leaf::Changed;
            case MaskAction::Hash: {
                if (isHmacToken(value)) return Leaf::Unchanged;
                std::string hashed = hmac(value);
                if (sink) example(index, fieldName, maskValue(value, DetectorType::Secret), hashed);
                value = std::move(hashed);
                return Leaf::Changed;
            }
            case MaskAction::Truncate: {
                const std::size_t bytes = prefixBytes(value, r.keep);
                if (bytes >= value.size()) return Leaf::Unchanged;
                if (sink) example(index, fieldName, value.substr(0, bytes) + "***", value.substr(0, bytes));
                value.resize(bytes);
                return Leaf::Changed;
            }
            }
            return Leaf::Unchanged;
        }
        detectIn(c, context, name, value);
        if (findings.empty()) return Leaf::Unchanged;
        if (r.action == MaskAction::DropInteraction || r.action == MaskAction::DropField) {
            if (sink)
                example(index, fieldName, maskExample(value, findings),
                        r.action == MaskAction::DropField ? kFieldRemoved : kInteractionDropped);
            return r.action == MaskAction::DropField ? Leaf::DropField : Leaf::DropInteraction;
        }
        work.clear();
        std::size_t pos = 0;
        bool changed = false;
        for (const Finding &f : findings) {
            const std::string_view span = std::string_view(value).substr(f.start, f.length());
            work.append(value, pos, f.start - pos);
            switch (r.action) {
            case MaskAction::Redact:
                work += '[';
                work.append(toString(f.type));
                work += ']';
                changed = true;
                break;
            case MaskAction::Hash:
                // A value found percent-encoded in a URL (`jane%40example.org`) hashes like the
                // same value elsewhere, so joins still work.
                work +=
                    span.find('%') == std::string_view::npos ? hmac(span) : hmac(percentDecode(span, false));
                changed = true;
                break;
            case MaskAction::Truncate: {
                const std::size_t bytes = prefixBytes(span, r.keep);
                work.append(span.substr(0, bytes));
                changed |= bytes < span.size();
                break;
            }
            default:
                work.append(span);
                break;
            }
            pos = f.end;
        }
        work.append(value, pos, std::string::npos);
        if (!changed || work == value) return Leaf::Unchanged;
        if (sink) example(index, fieldName, maskExample(value, findings), work);
        value.swap(work);
        return Leaf::Changed;
    }

    /// Applies every rule of `bits` whose pattern matches `fieldName`, in order.
    Leaf applyRules(RuleBits bits, std::string_view fieldName, Context context, std::string_view name,
                    std::string &value, MaskOutcome &o)
    {
        Leaf result = Leaf::Unchanged;
        while (bits) {
            const auto i = static_cast<std::size_t>(std::countr_zero(bits));
            bits &= bits - 1;
            if (!fieldMatches(compiled[i], fieldName)) continue;
            const Leaf leaf = applyOne(i, fieldName, context, name, value);
            const RuleBits bit = RuleBits(1) << i;
            if (leaf == Leaf::DropInteraction) {
                o.drop = true;
                o.droppedBy |= bit;
                return leaf;
            }
            if (leaf == Leaf::DropField) {
                o.changed = true;
                o.changedBy |= bit;
                value.clear();
                return leaf;
            }
            if (leaf == Leaf::Changed) {
                o.changed = true;
                o.changedBy |= bit;
                result = Leaf::Changed;
            }
        }
        return result;
    }

    /// The rules to run in a phase: drop-interaction rules first, on raw values; then the others.
    template <typename Run> MaskOutcome phases(RuleBits bits, const Run &run)
    {
        MaskOutcome o;
        if (const RuleBits drops = bits & dropRules) {
            run(drops, o);
            if (o.drop) return o;
        }
        if (const RuleBits others = bits & ~dropRules) run(others, o);
        return o;
    }

    // ---- URLs ------------------------------------------------------------------------------

    /// Masks one URL with the rules of `bits`; `url` in, `out` the result when changed.
    void urlPass(Root root, RuleBits bits, std::string &url, MaskOutcome &o)
    {
        const std::string_view rootName = kRootNames[root];
        // Rules on the whole URL first.
        if (applyRules(bits, rootName, Context::Plain, {}, url, o) == Leaf::DropField || o.drop) return;
        if (url.empty()) return;
        rawUrl.split(url);
        bool changed = false;
        auto partField = [&](std::string_view part) -> std::string_view {
            field.assign(rootName);
            field += '.';
            field.append(part);
            return field;
        };
        // Host.
        if (!rawUrl.authority.empty()) {
            const Leaf leaf = applyRules(bits, partField("host"), Context::Plain, {}, rawUrl.authority, o);
            if (o.drop) return;
            changed |= leaf != Leaf::Unchanged;
        }
        // Path: rules with a detector look at each segment (percent-decoded) on its own, since a
        // '/' glues a value to its neighbours for the detectors; others take the whole path.
        if (!rawUrl.path.empty()) {
            const std::string pathField(partField("path"));
            RuleBits rest = bits;
            while (rest) {
                const auto i = static_cast<std::size_t>(std::countr_zero(rest));
                rest &= rest - 1;
                if (!fieldMatches(compiled[i], pathField)) continue;
                const RuleBits bit = RuleBits(1) << i;
                Leaf leaf = Leaf::Unchanged;
                if (!compiled[i].rule.detector) {
                    leaf = applyOne(i, pathField, Context::Plain, {}, rawUrl.path);
                } else {
                    rebuilt.clear();
                    std::size_t start = 0;
                    bool any = false;
                    while (start <= rawUrl.path.size()) {
                        std::size_t slash = rawUrl.path.find('/', start);
                        if (slash == std::string::npos) slash = rawUrl.path.size();
                        const std::string_view segment =
                            std::string_view(rawUrl.path).substr(start, slash - start);
                        decoded = percentDecode(segment, false);
                        const Leaf segmentLeaf = applyOne(i, pathField, Context::Plain, {}, decoded);
                        if (segmentLeaf == Leaf::DropInteraction || segmentLeaf == Leaf::DropField) {
                            leaf = segmentLeaf;
                            break;
                        }
                        if (segmentLeaf == Leaf::Changed) {
                            any = true;
                            appendEncoded(rebuilt, decoded, "/?#");
                        } else {
                            rebuilt.append(segment);
                        }
                        if (slash == rawUrl.path.size()) break;
                        rebuilt += '/';
                        start = slash + 1;
                    }
                    if (leaf == Leaf::Unchanged && any) {
                        rawUrl.path.swap(rebuilt);
                        leaf = Leaf::Changed;
                    }
                }
                if (leaf == Leaf::DropInteraction) {
                    o.drop = true;
                    o.droppedBy |= bit;
                    return;
                }
                if (leaf == Leaf::Unchanged) continue;
                o.changed = true;
                o.changedBy |= bit;
                changed = true;
                if (leaf == Leaf::DropField) {
                    rawUrl.path = rawUrl.authority.empty() ? "" : "/";
                    break;
                }
            }
        }
        // Query parameters, by (decoded) name.
        if (rawUrl.hasQuery && !rawUrl.query.empty()) {
            rebuilt.clear();
            bool queryChanged = false;
            std::size_t start = 0;
            const std::string &q = rawUrl.query;
            while (start <= q.size()) {
                std::size_t end = q.find_first_of("&;", start);
                if (end == std::string::npos) end = q.size();
                const std::string_view piece = std::string_view(q).substr(start, end - start);
                bool keepPiece = true;
                std::string newPiece;
                if (!piece.empty()) {
                    const std::size_t eq = piece.find('=');
                    const std::string name = percentDecode(piece.substr(0, eq), true);
                    std::string value = eq == std::string_view::npos
                                            ? std::string()
                                            : percentDecode(piece.substr(eq + 1), true);
                    field.assign(rootName);
                    field += ".query.";
                    field += name;
                    const std::string fieldName = field;
                    const Leaf leaf = applyRules(bits, fieldName, Context::Named, name, value, o);
                    if (o.drop) return;
                    if (leaf == Leaf::DropField) {
                        keepPiece = false;
                    } else if (leaf == Leaf::Changed) {
                        newPiece.assign(piece.substr(0, eq));
                        newPiece += '=';
                        appendEncoded(newPiece, value, "&;#+=");
                    }
                    if (leaf != Leaf::Unchanged) queryChanged = true;
                }
                if (keepPiece && !piece.empty()) {
                    if (!rebuilt.empty()) rebuilt += '&';
                    rebuilt += newPiece.empty() ? std::string(piece) : newPiece;
                }
                if (end == q.size()) break;
                start = end + 1;
            }
            if (queryChanged) {
                // Separators are written as '&' where something was removed or rewritten.
                rawUrl.query.swap(rebuilt);
                changed = true;
            }
        }
        // Fragment.
        if (rawUrl.hasHash && !rawUrl.hash.empty()) {
            const Leaf leaf = applyRules(bits, partField("hash"), Context::Hash, {}, rawUrl.hash, o);
            if (o.drop) return;
            changed |= leaf != Leaf::Unchanged;
        }
        if (changed) {
            rawUrl.join(rebuilt);
            url.swap(rebuilt);
        }
    }

    MaskOutcome maskUrl(std::string_view url, Root root, const RuleConditions &c, std::string &out)
    {
        const RuleBits bits = c.applicable & rootBits[root];
        if (!bits || url.empty()) return {};
        return phases(bits, [&](RuleBits b, MaskOutcome &o) {
            out.assign(url);
            urlPass(root, b, out, o);
        });
    }

    // ---- Element chains --------------------------------------------------------------------

    void elementPass(model::Element &e, RuleBits bits, MaskOutcome &o)
    {
        applyRules(bits, "element.text", Context::Plain, {}, e.text, o);
        if (o.drop) return;
        applyRules(bits, "element.href", Context::Plain, {}, e.href, o);
        if (o.drop) return;
        applyRules(bits, "element.attr.id", Context::Named, "id", e.id, o);
        if (o.drop) return;
        if (!e.classes.empty()) {
            joined.clear();
            for (const auto &cls : e.classes) {
                if (!joined.empty()) joined += ' ';
                joined += cls;
            }
            const std::string original = joined;
            const Leaf classLeaf = applyRules(bits, "element.attr.class", Context::Named, "class", joined, o);
            if (o.drop) return;
            if (classLeaf != Leaf::Unchanged && joined != original) {
                e.classes.clear();
                std::size_t start = 0;
                while (start < joined.size()) {
                    std::size_t space = joined.find(' ', start);
                    if (space == std::string::npos) space = joined.size();
                    if (space > start) e.classes.emplace_back(joined.substr(start, space - start));
                    start = space + 1;
                }
                std::sort(e.classes.begin(), e.classes.end());
                e.classes.erase(std::unique(e.classes.begin(), e.classes.end()), e.classes.end());
            }
        }
        for (std::size_t a = 0; a < e.attributes.size();) {
            auto &[name, value] = e.attributes[a];
            field.assign("element.attr.");
            field += name;
            const std::string fieldName = field;
            const Leaf attrLeaf = applyRules(bits, fieldName, Context::Named, name, value, o);
            if (o.drop) return;
            if (attrLeaf == Leaf::DropField)
                e.attributes.erase(e.attributes.begin() + static_cast<std::ptrdiff_t>(a));
            else
                ++a;
        }
    }

    MaskOutcome maskChain(std::string_view text, const RuleConditions &c, std::string &out)
    {
        const RuleBits bits = c.urlOk & rootBits[kElement];
        if (!bits || text.empty()) return {};
        if (!capture::parseElementsChain(text, chain)) return {};
        // Which rules apply to which element, decided on the chain as captured.
        elementBits.assign(chain.size(), bits & ~withSelector);
        for (RuleBits s = bits & withSelector; s;) {
            const auto i = static_cast<std::size_t>(std::countr_zero(s));
            s &= s - 1;
            for (std::size_t e = 0; e < chain.size(); ++e)
                if (compiled[i].selector->matchesAt(chain, e)) elementBits[e] |= RuleBits(1) << i;
        }
        MaskOutcome o;
        // Drop rules first, on the raw chain.
        for (std::size_t e = 0; e < chain.size() && !o.drop; ++e)
            if (const RuleBits d = elementBits[e] & dropRules) {
                model::Element copy = chain[e];
                elementPass(copy, d, o);
            }
        if (o.drop) return o;
        for (std::size_t e = 0; e < chain.size() && !o.drop; ++e)
            if (const RuleBits b = elementBits[e] & ~dropRules) elementPass(chain[e], b, o);
        if (o.changed && !o.drop) out = capture::serializeElementsChain(chain);
        if (o.changed && out == text) o.changed = false;
        return o;
    }

    // ---- Titles and properties ----------------------------------------------------------------

    MaskOutcome maskTitle(std::string_view title, const RuleConditions &c, std::string &out)
    {
        const RuleBits bits = c.applicable & rootBits[kTitle];
        if (!bits || title.empty()) return {};
        return phases(bits, [&](RuleBits b, MaskOutcome &o) {
            out.assign(title);
            applyRules(b, "title", Context::Plain, {}, out, o);
        });
    }

    JsonEdit scalar(std::string_view path, std::string_view value, std::string &replacement) override
    {
        std::string_view key = path.substr(path.rfind('.') + 1);
        while (key.size() >= 2 && key.substr(key.size() - 2) == "[]")
            key.remove_suffix(2);
        replacement.assign(value);
        const Leaf leaf = applyRules(jsonBits, path, Context::Named, key, replacement, *jsonOutcome);
        switch (leaf) {
        case Leaf::Unchanged:
            return JsonEdit::Keep;
        case Leaf::Changed:
            return JsonEdit::Replace;
        case Leaf::DropField:
            return JsonEdit::Remove;
        case Leaf::DropInteraction:
            return JsonEdit::Abort;
        }
        return JsonEdit::Keep;
    }

    JsonEdit container(std::string_view path, bool isEmpty) override
    {
        // A whole object or array: removed by drop-field, and (when it holds something) drops
        // the interaction under a drop-interaction rule, for rules without a detector.
        for (RuleBits b = jsonBits; b;) {
            const auto i = static_cast<std::size_t>(std::countr_zero(b));
            b &= b - 1;
            const Compiled &c = compiled[i];
            if (c.rule.detector || !fieldMatches(c, path)) continue;
            const RuleBits bit = RuleBits(1) << i;
            if (c.rule.action == MaskAction::DropField) {
                jsonOutcome->changed = true;
                jsonOutcome->changedBy |= bit;
                if (sink) example(i, path, "{…}", kFieldRemoved);
                return JsonEdit::Remove;
            }
            if (c.rule.action == MaskAction::DropInteraction && !isEmpty) {
                jsonOutcome->drop = true;
                jsonOutcome->droppedBy |= bit;
                if (sink) example(i, path, "{…}", kInteractionDropped);
                return JsonEdit::Abort;
            }
        }
        return JsonEdit::Keep;
    }

    MaskOutcome maskProperties(std::string_view json, const RuleConditions &c, std::string &out)
    {
        const RuleBits bits = c.applicable & rootBits[kProperties];
        if (!bits || json.empty() || json == "{}") return {};
        return phases(bits, [&](RuleBits b, MaskOutcome &o) {
            jsonBits = b;
            jsonOutcome = &o;
            const JsonRewrite result = rewriteJsonObject(json, "properties", *this, out);
            jsonOutcome = nullptr;
            if (result == JsonRewrite::Changed) {
                if (out == "{}") out.clear();
            } else if (result != JsonRewrite::Aborted) {
                o.changed = false;
                o.changedBy = 0;
            }
        });
    }

    // ---- Conditions ----------------------------------------------------------------------------

    RuleConditions conditions(std::string_view chainText, std::string_view pageUrl)
    {
        RuleConditions c;
        c.urlOk = all;
        for (RuleBits b = conditional; b;) {
            const auto i = static_cast<std::size_t>(std::countr_zero(b));
            b &= b - 1;
            if (compiled[i].url && !compiled[i].url->matches(pageUrl)) c.urlOk &= ~(RuleBits(1) << i);
        }
        c.applicable = c.urlOk;
        if (RuleBits s = withSelector & c.urlOk) {
            const bool parsed = !chainText.empty() && capture::parseElementsChain(chainText, condChain);
            while (s) {
                const auto i = static_cast<std::size_t>(std::countr_zero(s));
                s &= s - 1;
                if (!parsed || !compiled[i].selector->matches(condChain)) c.applicable &= ~(RuleBits(1) << i);
            }
        }
        return c;
    }
};

MaskEngine::MaskEngine() : m_impl(std::make_unique<Impl>()) {}
MaskEngine::~MaskEngine() = default;

std::unique_ptr<MaskEngine> MaskEngine::create(std::vector<MaskRule> rules, std::string secret,
                                               std::string *error)
{
    if (rules.size() > kMaxMaskRules) {
        if (error)
            *error = "at most " + std::to_string(kMaxMaskRules) +
                     " masking rules can be active at once (there are " + std::to_string(rules.size()) + ")";
        return nullptr;
    }
    std::unique_ptr<MaskEngine> engine(new MaskEngine());
    Impl &d = *engine->m_impl;
    d.secret = std::move(secret);
    for (std::size_t i = 0; i < rules.size(); ++i) {
        const MaskRule &r = rules[i];
        const auto issues = validateMaskRule(r);
        if (!issues.empty()) {
            if (error) *error = "masking rule " + std::to_string(r.id) + ": " + issues.front().text();
            return nullptr;
        }
        if (r.action == MaskAction::Hash && d.secret.empty()) {
            if (error) *error = "hash rules need the workspace secret, and the store has none";
            return nullptr;
        }
        Compiled c;
        c.rule = r;
        if (!r.selector.empty()) c.selector = definitions::Selector::parse(r.selector);
        if (!r.url.empty())
            c.url = definitions::TextMatcher::create(r.url, r.url.find('*') != std::string::npos
                                                                ? definitions::TextMatchMode::Wildcard
                                                                : definitions::TextMatchMode::Contains);
        if (r.detector) c.detect = DetectOptions::only({*r.detector});
        c.literal = r.field.find_first_of("*?") == std::string::npos;
        const RuleBits bit = RuleBits(1) << i;
        d.all |= bit;
        if (r.action == MaskAction::DropInteraction) d.dropRules |= bit;
        if (c.url) d.conditional |= bit;
        if (c.selector) d.withSelector |= bit;
        const std::string_view root = std::string_view(r.field).substr(0, r.field.find('.'));
        const bool wildRoot = root.find_first_of("*?") != std::string_view::npos;
        for (int k = 0; k < kRootCount; ++k)
            if (wildRoot
                    ? fieldMatchesPattern(root, kRootNames[k]) || root.find('*') != std::string_view::npos
                    : root == kRootNames[k])
                d.rootBits[k] |= bit;
        d.compiled.push_back(std::move(c));
    }
    d.rules = std::move(rules);
    return engine;
}

const std::vector<MaskRule> &MaskEngine::rules() const
{
    return m_impl->rules;
}

bool MaskEngine::empty() const
{
    return m_impl->rules.empty();
}

bool MaskEngine::hasConditions() const
{
    return (m_impl->conditional | m_impl->withSelector) != 0;
}

RuleBits MaskEngine::allRules() const
{
    return m_impl->all;
}

bool MaskEngine::touchesUrl() const
{
    return m_impl->rootBits[kUrl] != 0;
}
bool MaskEngine::touchesReferrer() const
{
    return m_impl->rootBits[kReferrer] != 0;
}
bool MaskEngine::touchesTitle() const
{
    return m_impl->rootBits[kTitle] != 0;
}
bool MaskEngine::touchesChain() const
{
    return m_impl->rootBits[kElement] != 0;
}
bool MaskEngine::touchesProperties() const
{
    return m_impl->rootBits[kProperties] != 0;
}

void MaskEngine::setExampleSink(ExampleSink sink)
{
    m_impl->sink = std::move(sink);
}

std::string MaskEngine::hmac(std::string_view value) const
{
    return m_impl->hmac(value);
}

RuleConditions MaskEngine::conditions(std::string_view chain, std::string_view pageUrl)
{
    return m_impl->conditions(chain, pageUrl);
}

MaskOutcome MaskEngine::maskUrl(std::string_view url, bool referrer, const RuleConditions &c,
                                std::string &out)
{
    return m_impl->maskUrl(url, referrer ? kReferrer : kUrl, c, out);
}

MaskOutcome MaskEngine::maskTitle(std::string_view title, const RuleConditions &c, std::string &out)
{
    return m_impl->maskTitle(title, c, out);
}

MaskOutcome MaskEngine::maskChain(std::string_view chain, const RuleConditions &c, std::string &out)
{
    return m_impl->maskChain(chain, c, out);
}

MaskOutcome MaskEngine::maskProperties(std::string_view json, const RuleConditions &c, std::string &out)
{
    return m_impl->maskProperties(json, c, out);
}

MaskOutcome MaskEngine::maskEvent(model::CapturedEvent &event)
{
    Impl &d = *m_impl;
    MaskOutcome total;
    if (d.rules.empty()) return total;
    const RuleConditions c =
        (d.conditional | d.withSelector) ? d.conditions(event.chain, event.url) : RuleConditions{};
    std::string &out = d.before; // scratch for the new value
    auto step = [&](MaskOutcome o, std::string &target) {
        total.add(o);
        if (o.changed && !o.drop) target = out;
        return !o.drop;
    };
    // Conditions were read from the raw URL and chain above, so the order below does not matter.
    if (!step(d.maskUrl(event.url, kUrl, c, out), event.url)) return total;
    if (!step(d.maskUrl(event.referrer, kReferrer, c, out), event.referrer)) return total;
    if (!step(d.maskTitle(event.title, c, out), event.title)) return total;
    if (!step(d.maskChain(event.chain, c, out), event.chain)) return total;
    if (!step(d.maskProperties(event.properties, c, out), event.properties)) return total;
    if (event.properties.empty()) event.properties = "{}";
    return total;
}

std::optional<std::string> workspaceSecret(store::Store &store, std::string *error)
{
    store::Statement st(store.db(), "SELECT value FROM meta WHERE key = 'secret'");
    if (!st.valid()) {
        if (error) *error = store.path() + ": cannot read the workspace secret: " + store.db().error();
        return std::nullopt;
    }
    if (!st.next() || st.blob(0).size() < 16) {
        if (error) *error = store.path() + ": the store has no workspace secret";
        return std::nullopt;
    }
    return std::string(st.blob(0));
}

std::optional<std::function<bool(model::CapturedEvent &)>> buildImportFilter(store::Store &store,
                                                                             std::string *error)
{
    MaskStore rules(store);
    auto active = rules.list(false, error);
    if (!active) return std::nullopt;
    if (active->empty()) return std::function<bool(model::CapturedEvent &)>();
    auto secret = workspaceSecret(store, error);
    if (!secret) return std::nullopt;
    std::shared_ptr<MaskEngine> engine = MaskEngine::create(std::move(*active), std::move(*secret), error);
    if (!engine) return std::nullopt;
    return std::function<bool(model::CapturedEvent &)>(
        [engine](model::CapturedEvent &event) { return !engine->maskEvent(event).drop; });
}

} // namespace hindsight::privacy
