#include "core/definitions/definitionvalidator.h"

#include "core/definitions/selector.h"
#include "core/definitions/textmatcher.h"

#include <QString>
#include <algorithm>
#include <set>

namespace hindsight::definitions {

namespace {

/// Decodes `s` as UTF-8. Returns the number of code points, or nullopt when invalid; `control`
/// is set to the byte offset of the first control character (C0, DEL or C1), if any.
std::optional<std::size_t> utf8Length(std::string_view s, std::optional<std::size_t> *control,
                                      std::size_t *invalidAt)
{
    std::size_t count = 0;
    for (std::size_t i = 0; i < s.size(); ++count) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t len = 0;
        char32_t cp = 0;
        if (c < 0x80) {
            len = 1;
            cp = c;
        } else if (c >= 0xC2 && c < 0xE0) {
            len = 2;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c < 0xF0) {
            len = 3;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c < 0xF5) {
            len = 4;
            cp = c & 0x07;
        } else {
            *invalidAt = i;
            return std::nullopt;
        }
        if (i + len > s.size()) {
            *invalidAt = i;
            return std::nullopt;
        }
        for (std::size_t k = 1; k < len; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) {
                *invalidAt = i;
                return std::nullopt;
            }
            cp = (cp << 6) | (cc & 0x3F);
        }
        if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
            (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))) {
            *invalidAt = i;
            return std::nullopt;
        }
        if (control && !*control && (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))) *control = i;
        i += len;
    }
    return count;
}

class Checker
{
  public:
    std::vector<DefinitionIssue> issues;

    void add(std::string path, std::string reason, std::optional<std::size_t> position = std::nullopt)
    {
        issues.push_back({std::move(path), std::move(reason), position});
    }

    /// Valid UTF-8; `allowControl` lets line breaks and tabs through (descriptions).
    bool text(const std::string &path, std::string_view value, std::size_t maxLength, bool allowControl)
    {
        std::optional<std::size_t> control;
        std::size_t invalidAt = 0;
        const auto length = utf8Length(value, allowControl ? nullptr : &control, &invalidAt);
        if (!length) {
            add(path, "is not valid UTF-8", invalidAt);
            return false;
        }
        if (*length > maxLength) {
            add(path, "is too long (" + std::to_string(*length) + " characters; at most " +
                          std::to_string(maxLength) + ")");
            return false;
        }
        if (control) {
            add(path, "contains a control character", *control);
            return false;
        }
        return true;
    }

    void pattern(const std::string &path, const std::string &pattern, TextMatchMode mode, bool caseSensitive,
                 bool wildcardAllowed)
    {
        if (mode == TextMatchMode::Wildcard && !wildcardAllowed) {
            add(path + ".match", "wildcard matching is only for URLs; use exact, contains or regex");
            return;
        }
        std::size_t invalidAt = 0;
        if (!utf8Length(pattern, nullptr, &invalidAt)) {
            add(path + ".value", "is not valid UTF-8", invalidAt);
            return;
        }
        if ((mode == TextMatchMode::Regex || mode == TextMatchMode::Contains) && pattern.empty()) {
            add(path + ".value", std::string("an empty ") +
                                     (mode == TextMatchMode::Regex ? "regex" : "text") +
                                     " matches everything; give a pattern or drop the condition");
            return;
        }
        TextMatcherError error;
        if (!TextMatcher::create(pattern, mode, caseSensitive, &error))
            add(path + ".value",
                (mode == TextMatchMode::Regex ? "invalid regular expression: " : "invalid pattern: ") +
                    error.reason,
                error.position);
    }
};

bool hasSurroundingSpace(std::string_view s)
{
    auto space = [](char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    };
    return !s.empty() && (space(s.front()) || space(s.back()));
}

std::string trimmed(const std::string &s)
{
    const QString q = QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
    const QString t = q.trimmed();
    if (t.size() == q.size()) return s;
    const QByteArray bytes = t.toUtf8();
    return std::string(bytes.constData(), static_cast<std::size_t>(bytes.size()));
}

} // namespace

std::string DefinitionIssue::message() const
{
    std::string out = path.empty() ? reason : path + ": " + reason;
    if (position) out += " (at position " + std::to_string(*position) + ")";
    return out;
}

std::string definitionNameKey(std::string_view name)
{
    const QString q = QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()));
    const QByteArray key = q.normalized(QString::NormalizationForm_C).toCaseFolded().toUtf8();
    return std::string(key.constData(), static_cast<std::size_t>(key.size()));
}

void normalizeDefinition(Definition &def)
{
    def.name = trimmed(def.name);
    def.category = trimmed(def.category);
    def.owner = trimmed(def.owner);
    std::vector<std::string> tags;
    for (const auto &tag : def.tags) {
        std::string t = trimmed(tag);
        if (!t.empty()) tags.push_back(std::move(t));
    }
    std::sort(tags.begin(), tags.end());
    tags.erase(std::unique(tags.begin(), tags.end()), tags.end());
    def.tags = std::move(tags);
    for (auto &member : def.combo)
        member = trimmed(member);
}

std::vector<DefinitionIssue> validateDefinition(const Definition &def)
{
    Checker c;
    if (def.name.empty())
        c.add("name", "is empty; a definition needs a name");
    else if (hasSurroundingSpace(def.name))
        c.add("name", "starts or ends with whitespace");
    else
        c.text("name", def.name, kMaxNameLength, false);
    c.text("description", def.description, kMaxDescriptionLength, true);
    c.text("category", def.category, kMaxLabelLength, false);
    c.text("owner", def.owner, kMaxLabelLength, false);
    for (std::size_t i = 0; i < def.tags.size(); ++i) {
        const std::string path = "tags[" + std::to_string(i) + "]";
        if (def.tags[i].empty())
            c.add(path, "is empty");
        else
            c.text(path, def.tags[i], kMaxLabelLength, false);
    }

    if (def.steps.empty() && def.combo.empty())
        c.add("steps", "a definition needs at least one step (criteria) or a combo of other definitions");
    if (!def.steps.empty() && !def.combo.empty())
        c.add("combo", "a definition has either steps or a combo, not both");

    for (std::size_t s = 0; s < def.steps.size(); ++s) {
        const Step &step = def.steps[s];
        const std::string at = "steps[" + std::to_string(s) + "]";
        if (step.eventTypes.empty() && !step.selector && !step.text && !step.href && !step.url &&
            step.properties.empty()) {
            c.add(at, "has no condition; give at least one of events, selector, text, href, url, properties");
            continue;
        }
        for (std::size_t e = 0; e < step.eventTypes.size(); ++e) {
            const std::string path = at + ".events[" + std::to_string(e) + "]";
            if (step.eventTypes[e].empty())
                c.add(path, "is empty");
            else
                c.text(path, step.eventTypes[e], kMaxLabelLength, false);
        }
        if (step.selector) {
            std::size_t invalidAt = 0;
            SelectorError error;
            if (!utf8Length(*step.selector, nullptr, &invalidAt))
                c.add(at + ".selector", "is not valid UTF-8", invalidAt);
            else if (!Selector::parse(*step.selector, &error))
                c.add(at + ".selector", "invalid selector: " + error.reason, error.position);
        }
        if (step.text)
            c.pattern(at + ".text", step.text->pattern, step.text->mode, step.text->caseSensitive, false);
        if (step.href)
            c.pattern(at + ".href", step.href->pattern, step.href->mode, step.href->caseSensitive, false);
        if (step.url)
            c.pattern(at + ".url", step.url->pattern, step.url->mode, step.url->caseSensitive, true);
        for (std::size_t p = 0; p < step.properties.size(); ++p) {
            const PropertyFilter &f = step.properties[p];
            const std::string path = at + ".properties[" + std::to_string(p) + "]";
            if (f.key.empty())
                c.add(path + ".key", "is empty; name the property");
            else
                c.text(path + ".key", f.key, kMaxLabelLength, false);
            const bool takesValue = f.op != PropertyOp::IsSet && f.op != PropertyOp::IsNotSet;
            if (!takesValue) {
                if (!f.value.empty())
                    c.add(path + ".value", std::string(propertyOpName(f.op)) + " takes no value");
                continue;
            }
            std::size_t invalidAt = 0;
            if (!utf8Length(f.value, nullptr, &invalidAt)) {
                c.add(path + ".value", "is not valid UTF-8", invalidAt);
            } else if (f.op == PropertyOp::Regex || f.op == PropertyOp::Contains) {
                c.pattern(path, f.value,
                          f.op == PropertyOp::Regex ? TextMatchMode::Regex : TextMatchMode::Contains, true,
                          false);
            }
        }
    }

    std::set<std::string> seen;
    const std::string ownKey = definitionNameKey(def.name);
    for (std::size_t i = 0; i < def.combo.size(); ++i) {
        const std::string path = "combo[" + std::to_string(i) + "]";
        const std::string &member = def.combo[i];
        if (member.empty()) {
            c.add(path, "is empty; name a definition");
            continue;
        }
        if (!c.text(path, member, kMaxNameLength, false)) continue;
        const std::string key = definitionNameKey(member);
        if (key == ownKey)
            c.add(path, "a combo cannot contain itself ('" + member + "')");
        else if (!seen.insert(key).second)
            c.add(path, "'" + member + "' is listed twice");
    }
    return std::move(c.issues);
}

} // namespace hindsight::definitions
