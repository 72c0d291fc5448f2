#include "core/capture/elementchain.h"

#include <algorithm>
#include <climits>
#include <cstdio>
#include <cstring>
#include <utility>
#include <vector>

namespace hindsight::capture {

namespace {

using model::Element;
using model::ElementChain;

constexpr std::string_view kAttrPrefix = "attr__";

constexpr bool isSpace(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

constexpr bool isControl(unsigned char c)
{
    return c < 0x20 || c == 0x7F;
}

/// Characters of a key as PostHog's class/attribute split recognises it: `[A-Za-z0-9_-]`.
constexpr bool isSimpleKeyChar(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

/// Bytes that may appear in a key (an HTML attribute name, prefixed): no quote, no element
/// separator, no white space or control bytes. '=' is allowed; a key ends at the first `="`.
constexpr bool isKeyByte(unsigned char c)
{
    return c > 0x20 && c != 0x7F && c != '"' && c != ';';
}

constexpr char toLowerAscii(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c;
}

/// Length of the valid UTF-8 sequence at s[i], or 0 when it is not one.
std::size_t utf8SequenceLength(std::string_view s, std::size_t i)
{
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = 0;
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF)
        len = 2;
    else if (c >= 0xE0 && c <= 0xEF)
        len = 3;
    else if (c >= 0xF0 && c <= 0xF4)
        len = 4;
    else
        return 0;
    if (i + len > s.size()) return 0;
    for (std::size_t k = 1; k < len; ++k)
        if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
    return len;
}

/// A piece of untrusted input made fit for an error message: about 40 bytes at most, control
/// bytes and bytes that are not valid UTF-8 shown as \xNN.
std::string forMessage(std::string_view s)
{
    constexpr std::size_t kMax = 40;
    std::string out;
    std::size_t i = 0;
    while (i < s.size() && i < kMax) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t len = utf8SequenceLength(s, i);
        if (len == 0 || isControl(c)) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02X", c);
            out += buf;
            ++i;
        } else {
            out.append(s.substr(i, len));
            i += len;
        }
    }
    if (i < s.size()) out += "…";
    return out;
}

std::string byteName(unsigned char c)
{
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02X", c);
    return buf;
}

void sortUnique(std::vector<std::string> &v)
{
    if (std::adjacent_find(v.begin(), v.end(), [](const auto &a, const auto &b) { return !(a < b); }) ==
        v.end())
        return; // already strictly ascending: the common case
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
}

/// Sorts attributes by name (stable) and keeps the last of several with the same name.
void sortAttributes(std::vector<std::pair<std::string, std::string>> &attrs)
{
    const auto byName = [](const auto &a, const auto &b) { return a.first < b.first; };
    if (std::adjacent_find(attrs.begin(), attrs.end(),
                           [](const auto &a, const auto &b) { return !(a.first < b.first); }) == attrs.end())
        return;
    std::stable_sort(attrs.begin(), attrs.end(), byName);
    std::size_t write = 0;
    for (std::size_t i = 0; i < attrs.size(); ++i) {
        if (i + 1 < attrs.size() && attrs[i + 1].first == attrs[i].first)
            continue; // a later one with the same name wins
        if (write != i) attrs[write] = std::move(attrs[i]);
        ++write;
    }
    attrs.resize(write);
}

void resetElement(Element &e)
{
    e.tag.clear();
    e.id.clear();
    e.classes.clear();
    e.text.clear();
    e.href.clear();
    e.attributes.clear();
    e.nthChild = 0;
    e.nthOfType = 0;
}

class ChainParser
{
  public:
    ChainParser(std::string_view text, ChainError *error) : m_in(text), m_n(text.size()), m_error(error) {}

    bool run(ElementChain &out)
    {
        std::size_t count = 0;
        std::size_t pos = 0;
        while (true) {
            while (pos < m_n && isSpace(static_cast<unsigned char>(m_in[pos])))
                ++pos;
            if (pos >= m_n) break;
            if (m_in[pos] == ';') { // empty element
                ++pos;
                continue;
            }
            if (count < out.size())
                resetElement(out[count]);
            else
                out.emplace_back();
            if (!parseElement(pos, out[count])) {
                out.clear();
                return false;
            }
            ++count;
            if (pos < m_n) // at the ';' that ended the element
                ++pos;
        }
        out.resize(count);
        return true;
    }

  private:
    bool fail(std::size_t at, std::string reason)
    {
        if (m_error) {
            m_error->position = at;
            m_error->reason = std::move(reason);
        }
        return false;
    }

    unsigned char at(std::size_t i) const { return static_cast<unsigned char>(m_in[i]); }

    /// Does the ':' at `colon` end the tag/class part? True when it is followed by
    /// `[A-Za-z0-9_-]*=`, by `attr__<key bytes>="`, or by the end of the element.
    bool colonStartsAttributes(std::size_t colon)
    {
        std::size_t k = colon + 1;
        while (k < m_n && isSpace(at(k)))
            ++k;
        if (k >= m_n || at(k) == ';') return true;
        k = colon + 1;
        while (k < m_n && isSimpleKeyChar(at(k)))
            ++k;
        if (k < m_n && at(k) == '=') return true;
        if (m_in.substr(colon + 1, kAttrPrefix.size()) != kAttrPrefix) return false;
        // Every colon inside a run of key bytes that was already scanned fails the same way;
        // remembering where that run ended keeps the whole scan linear.
        if (colon < m_keyRunFailedAt) return false;
        for (k = colon + 1 + kAttrPrefix.size(); k < m_n && isKeyByte(at(k)); ++k)
            if (at(k) == '=' && k + 1 < m_n && at(k + 1) == '"') return true;
        m_keyRunFailedAt = k;
        return false;
    }

    /// Error for a '"' met in the tag/class part at `quote`.
    bool quoteInTagPart(std::size_t start, std::size_t quote)
    {
        std::size_t k = quote;
        while (k > start && isSimpleKeyChar(at(k - 1)))
            --k;
        if (k < quote && k > start && at(k - 1) == ':')
            return fail(quote, "expected '=\"' after key '" + forMessage(m_in.substr(k, quote - k)) + "'");
        return fail(quote,
                    "unexpected '\"' in the tag or class names (quotes belong in key=\"value\" pairs)");
    }

    bool parseElement(std::size_t &pos, Element &el)
    {
        const std::size_t start = pos;
        std::size_t partEnd = m_n;   // end of the tag/class part
        std::size_t attrStart = m_n; // first byte after the ':' that starts the attributes
        bool hasAttributes = false;
        std::size_t i = start;
        for (; i < m_n; ++i) {
            const unsigned char c = at(i);
            if (c == ';') break;
            if (c == ':') {
                if (colonStartsAttributes(i)) {
                    hasAttributes = true;
                    attrStart = i + 1;
                    break;
                }
                continue;
            }
            if (c == '"') return quoteInTagPart(start, i);
            if (isSpace(c)) {
                std::size_t k = i;
                while (k < m_n && isSpace(at(k)))
                    ++k;
                if (k >= m_n || at(k) == ';') {
                    partEnd = i;
                    i = k;
                    break;
                }
                return fail(i, "unexpected white space inside the tag or class names");
            }
            if (isControl(c))
                return fail(i, "unexpected control byte " + byteName(c) + " in the tag or class names");
        }
        if (partEnd == m_n) partEnd = hasAttributes ? attrStart - 1 : i;
        readTagAndClasses(m_in.substr(start, partEnd - start), el);

        pos = hasAttributes ? attrStart : i;
        if (hasAttributes && !parseAttributes(pos, el)) return false;

        if (el.id.empty())
            for (auto it = el.attributes.rbegin(); it != el.attributes.rend(); ++it)
                if (it->first == "id") {
                    el.id = it->second;
                    break;
                }
        sortAttributes(el.attributes);
        return true;
    }

    void readTagAndClasses(std::string_view part, Element &el)
    {
        const std::size_t dot = part.find('.');
        const std::string_view tag = part.substr(0, dot);
        el.tag.resize(tag.size());
        std::transform(tag.begin(), tag.end(), el.tag.begin(), toLowerAscii);
        if (dot == std::string_view::npos) return;
        std::size_t b = dot + 1;
        while (b <= part.size()) {
            std::size_t e = part.find('.', b);
            if (e == std::string_view::npos) e = part.size();
            if (e > b) el.classes.emplace_back(part.substr(b, e - b));
            b = e + 1;
        }
        sortUnique(el.classes);
    }

    /// Reads key="value" pairs from `pos` up to the end of the element; leaves `pos` at the
    /// ';' that ends it or at the end of the input.
    bool parseAttributes(std::size_t &pos, Element &el)
    {
        std::size_t p = pos;
        while (true) {
            while (p < m_n && isSpace(at(p)))
                ++p;
            if (p >= m_n || at(p) == ';') break;

            const std::size_t keyStart = p;
            while (p < m_n && isKeyByte(at(p)) && !(at(p) == '=' && p + 1 < m_n && at(p + 1) == '"'))
                ++p;
            if (p >= m_n || !isKeyByte(at(p))) {
                const std::string_view key = m_in.substr(keyStart, p - keyStart);
                if (p < m_n && isControl(at(p)))
                    return fail(p, "unexpected control byte " + byteName(at(p)) + " in key '" +
                                       forMessage(key) + "'");
                if (key.empty()) return fail(p, "expected a key followed by '=\"' (such as text=\"...\")");
                // A key with '=' but no `="` most likely lacks the quote after its first '='.
                const std::size_t eq = key.find('=');
                if (eq != std::string_view::npos)
                    return fail(keyStart + eq,
                                "expected '=\"' after key '" + forMessage(key.substr(0, eq)) + "'");
                return fail(p, "expected '=\"' after key '" + forMessage(key) + "'");
            }
            const std::string_view key = m_in.substr(keyStart, p - keyStart);
            if (key.empty()) return fail(keyStart, "missing key before '=\"'");
            const std::size_t quote = p + 1;
            p += 2;

            std::string *dest = nullptr;
            int *nth = nullptr;
            if (key == "text")
                dest = &el.text;
            else if (key == "href")
                dest = &el.href;
            else if (key == "attr_id")
                dest = &el.id;
            else if (key == "nth-child")
                nth = &el.nthChild;
            else if (key == "nth-of-type")
                nth = &el.nthOfType;
            else if (key.substr(0, kAttrPrefix.size()) == kAttrPrefix) {
                el.attributes.emplace_back(std::string(key.substr(kAttrPrefix.size())), std::string());
                dest = &el.attributes.back().second;
            } else {
                el.attributes.emplace_back(std::string(key), std::string());
                dest = &el.attributes.back().second;
            }
            if (nth) dest = &m_scratch;

            if (!readValue(p, *dest))
                return fail(quote, "unterminated quoted value for key '" + forMessage(key) + "'");
            if (nth && !parseNth(*dest, *nth))
                return fail(quote + 1, "value of '" + std::string(key) + "' is not a whole number: \"" +
                                           forMessage(*dest) + "\"");
        }
        pos = p;
        return true;
    }

    /// Reads a value whose opening quote is just before `p`, unescaping `\"` and `\\`;
    /// leaves `p` after the closing quote. False when the input ends first.
    bool readValue(std::size_t &p, std::string &dest)
    {
        dest.clear();
        const char *const data = m_in.data();
        const char *const stop = data + m_n;
        const char *chunk = data + p; // start of the text not yet copied
        const char *from = chunk;     // where to look for the next backslash
        const char *quote = nullptr;  // the next '"' at or after `from`, searched for once per quote
        while (true) {
            if (!quote || quote < from) {
                quote = from < stop ? static_cast<const char *>(
                                          std::memchr(from, '"', static_cast<std::size_t>(stop - from)))
                                    : nullptr;
                if (!quote) return false;
            }
            const auto *slash =
                static_cast<const char *>(std::memchr(from, '\\', static_cast<std::size_t>(quote - from)));
            if (!slash) {
                dest.append(chunk, static_cast<std::size_t>(quote - chunk));
                p = static_cast<std::size_t>(quote - data) + 1;
                return true;
            }
            // A backslash before the quote: `\"` and `\\` stand for the second character, any
            // other backslash is kept as it is.
            if (slash[1] == '"' || slash[1] == '\\') { // slash < quote, so slash[1] exists
                dest.append(chunk, static_cast<std::size_t>(slash - chunk));
                chunk = slash + 1; // the escaped character starts the next chunk
                from = slash + 2;
            } else {
                from = slash + 1;
            }
        }
    }

    static bool parseNth(std::string_view v, int &out)
    {
        std::size_t i = 0;
        const bool negative = !v.empty() && v[0] == '-';
        if (negative) i = 1;
        if (i >= v.size()) return false;
        long long value = 0;
        for (; i < v.size(); ++i) {
            if (v[i] < '0' || v[i] > '9') return false;
            value = value * 10 + (v[i] - '0');
            if (value > static_cast<long long>(INT_MAX) + 1) return false;
        }
        if (negative) value = -value;
        if (value > INT_MAX || value < INT_MIN) return false;
        out = static_cast<int>(value);
        return true;
    }

    std::string_view m_in;
    std::size_t m_n;
    ChainError *m_error;
    std::size_t m_keyRunFailedAt = 0;
    std::string m_scratch;
};

// --- writing ---------------------------------------------------------------------------------

enum class NameKind { Tag, Class, Attribute };

/// Appends a tag, class or attribute name without the bytes the format cannot carry (see the
/// header). In a tag or class an '=' right after `:[A-Za-z0-9_-]*` is dropped too, since it
/// would end the class part early; a tag also loses '.' and is lower-cased.
void appendName(std::string &out, std::string_view name, NameKind kind)
{
    bool afterColonRun = false; // inside `:[A-Za-z0-9_-]*`
    for (const char ch : name) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == ';' || c == '"' || c <= 0x20 || c == 0x7F) continue;
        if (kind == NameKind::Attribute) {
            out += ch;
            continue;
        }
        if (kind == NameKind::Tag && c == '.') continue;
        if (c == '=' && afterColonRun) continue;
        if (c == ':')
            afterColonRun = true;
        else if (!isSimpleKeyChar(c))
            afterColonRun = false;
        out += kind == NameKind::Tag ? toLowerAscii(ch) : ch;
    }
}

bool isWritableClass(std::string_view cls)
{
    return std::any_of(cls.begin(), cls.end(), [](char ch) {
        const auto c = static_cast<unsigned char>(ch);
        return !(c == ';' || c == '"' || c <= 0x20 || c == 0x7F);
    });
}

void appendValue(std::string &out, std::string_view value)
{
    std::size_t chunk = 0;
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (value[i] == '"' || value[i] == '\\') {
            out.append(value.data() + chunk, i - chunk);
            out += '\\';
            chunk = i; // the character itself starts the next chunk
        }
    }
    out.append(value.data() + chunk, value.size() - chunk);
}

void appendPair(std::string &out, std::string_view key, std::string_view value)
{
    out += key;
    out += "=\"";
    appendValue(out, value);
    out += '"';
}

void appendElement(std::string &out, const Element &el)
{
    appendName(out, el.tag, NameKind::Tag);

    const bool classesCanonical =
        std::adjacent_find(el.classes.begin(), el.classes.end(),
                           [](const auto &a, const auto &b) { return !(a < b); }) == el.classes.end();
    const auto writeClasses = [&out](const std::vector<std::string> &classes) {
        for (const auto &cls : classes) {
            if (!isWritableClass(cls)) continue;
            out += '.';
            appendName(out, cls, NameKind::Class);
        }
    };
    if (classesCanonical) {
        writeClasses(el.classes);
    } else {
        std::vector<std::string> sorted = el.classes;
        sortUnique(sorted);
        writeClasses(sorted);
    }
    out += ':';

    const auto writeAttributes = [&out](const std::vector<std::pair<std::string, std::string>> &attrs) {
        for (std::size_t i = 0; i < attrs.size(); ++i) {
            if (i + 1 < attrs.size() && attrs[i + 1].first == attrs[i].first)
                continue; // the last of equal names wins, as when reading
            out += kAttrPrefix;
            appendName(out, attrs[i].first, NameKind::Attribute);
            out += "=\"";
            appendValue(out, attrs[i].second);
            out += '"';
        }
    };
    const bool attrsSorted = std::is_sorted(el.attributes.begin(), el.attributes.end(),
                                            [](const auto &a, const auto &b) { return a.first < b.first; });
    if (attrsSorted) {
        writeAttributes(el.attributes);
    } else {
        auto sorted = el.attributes;
        std::stable_sort(sorted.begin(), sorted.end(),
                         [](const auto &a, const auto &b) { return a.first < b.first; });
        writeAttributes(sorted);
    }

    if (!el.id.empty()) appendPair(out, "attr_id", el.id);
    if (!el.href.empty()) appendPair(out, "href", el.href);
    if (el.nthChild != 0) appendPair(out, "nth-child", std::to_string(el.nthChild));
    if (el.nthOfType != 0) appendPair(out, "nth-of-type", std::to_string(el.nthOfType));
    if (!el.text.empty()) appendPair(out, "text", el.text);
}

} // namespace

bool parseElementsChain(std::string_view text, model::ElementChain &out, ChainError *error)
{
    ChainParser parser(text, error);
    return parser.run(out);
}

std::string serializeElementsChain(const model::ElementChain &chain)
{
    std::string out;
    std::size_t estimate = 0;
    for (const auto &el : chain) {
        estimate += el.tag.size() + el.id.size() + el.text.size() + el.href.size() + 64;
        for (const auto &c : el.classes)
            estimate += c.size() + 1;
        for (const auto &[name, value] : el.attributes)
            estimate += name.size() + value.size() + 10;
    }
    out.reserve(estimate);
    for (std::size_t i = 0; i < chain.size(); ++i) {
        if (i > 0) out += ';';
        appendElement(out, chain[i]);
    }
    return out;
}

void canonicalize(model::Element &element)
{
    sortUnique(element.classes);
    sortAttributes(element.attributes);
}

std::string summarizeTarget(const model::ElementChain &chain)
{
    if (chain.empty()) return {};
    const Element &el = chain.front();
    std::string out = el.tag;
    if (!el.id.empty()) {
        out += '#';
        out += el.id;
    }
    for (const auto &cls : el.classes) {
        out += '.';
        out += cls;
    }

    // Text with runs of white space (and control bytes) collapsed to one space, trimmed,
    // cut after 40 code points.
    constexpr std::size_t kMaxChars = 40;
    std::string text;
    std::size_t chars = 0;
    bool pendingSpace = false;
    bool cut = false;
    for (const char ch : el.text) {
        const auto c = static_cast<unsigned char>(ch);
        if (isSpace(c) || isControl(c)) {
            pendingSpace = !text.empty();
            continue;
        }
        const bool startsCodePoint = (c & 0xC0) != 0x80;
        if (startsCodePoint) {
            if (chars + (pendingSpace ? 1 : 0) >= kMaxChars) {
                cut = true;
                break;
            }
            if (pendingSpace) {
                text += ' ';
                ++chars;
                pendingSpace = false;
            }
            ++chars;
        }
        text += ch;
    }
    if (!text.empty()) {
        if (!out.empty()) out += ' ';
        out += '"';
        out += text;
        if (cut) out += "…";
        out += '"';
    }
    return out;
}

} // namespace hindsight::capture
