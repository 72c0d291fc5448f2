#include "core/definitions/selectorparser.h"

#include <cstdio>
#include <initializer_list>
#include <string>
#include <utility>

namespace hindsight::definitions {

namespace {

bool isWhitespace(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}
bool isDigit(unsigned char c)
{
    return c >= '0' && c <= '9';
}
bool isHexDigit(unsigned char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
unsigned hexValue(unsigned char c)
{
    if (isDigit(c)) return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return c - 'A' + 10;
}
bool isNameStart(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}
bool isNameChar(unsigned char c)
{
    return isNameStart(c) || isDigit(c) || c == '-';
}
bool isPrintableAscii(unsigned char c)
{
    return c > 0x20 && c < 0x7F;
}

void toLowerAscii(std::string &s)
{
    for (char &ch : s)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
}

void appendUtf8(std::string &out, unsigned cp)
{
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

/// Bytes in the UTF-8 sequence that starts with `lead` (1 for ASCII and stray bytes).
std::size_t utf8Length(unsigned char lead)
{
    if (lead >= 0xF0 && lead < 0xF8) return 4;
    if (lead >= 0xE0) return lead < 0xF0 ? 3 : 1;
    if (lead >= 0xC0) return 2;
    return 1;
}

std::string quoted(unsigned char c)
{
    return std::string("'") + static_cast<char>(c) + "'";
}

std::string hexEscapeFor(unsigned char c)
{
    char buf[8];
    std::snprintf(buf, sizeof buf, "\\%x ", static_cast<unsigned>(c));
    return buf;
}

bool contains(std::initializer_list<std::string_view> list, std::string_view name)
{
    for (auto item : list)
        if (item == name) return true;
    return false;
}

const char *const kSupportedPseudo =
    "supported pseudo-classes are :nth-child(), :nth-of-type(), :first-child and "
    ":first-of-type";

std::string pseudoClassReason(const std::string &name)
{
    const std::string shown = "':" + name + "'";
    if (contains({"hover",         "active",        "focus",
                  "focus-within",  "focus-visible", "visited",
                  "link",          "any-link",      "checked",
                  "disabled",      "enabled",       "target",
                  "target-within", "indeterminate", "required",
                  "optional",      "valid",         "invalid",
                  "user-valid",    "user-invalid",  "placeholder-shown",
                  "read-only",     "read-write",    "default",
                  "in-range",      "out-of-range",  "autofill",
                  "playing",       "paused",        "current",
                  "past",          "future",        "fullscreen",
                  "modal",         "open",          "closed",
                  "popover-open",  "defined",       "blank",
                  "local-link"},
                 name))
        return shown + " is not supported: autocapture does not record the state of an element";
    if (contains({"last-child", "last-of-type", "only-child", "only-of-type", "empty"}, name))
        return shown +
               " is not supported: the chain records an element's position among its siblings from the start "
               "only, not its later siblings or children; use :nth-child() or :nth-of-type()";
    if (name == "nth-child" || name == "nth-of-type")
        return shown + " needs an argument, e.g. ':" + name + "(2)'";
    if (contains({"root", "scope", "host", "lang", "dir", "not", "is", "where", "has"}, name))
        return shown + " is not supported; " + kSupportedPseudo;
    return shown + " is not a supported pseudo-class (" + kSupportedPseudo +
           "); if ':' is part of a class name, as in Tailwind's 'hover:bg-blue-500', escape it as '\\:'";
}

std::string functionalPseudoReason(const std::string &name)
{
    const std::string shown = "':" + name + "()'";
    if (name == "nth-last-child" || name == "nth-last-of-type")
        return shown + " is not supported: the chain does not record how many siblings follow an element";
    if (contains({"not", "is", "where", "has", "matches", "any", "-webkit-any", "-moz-any"}, name))
        return shown + " is not supported; " + kSupportedPseudo + " (a comma list expresses 'any of')";
    return shown + " is not supported; " + kSupportedPseudo;
}

} // namespace

std::optional<SelectorList> SelectorParser::parse(std::string_view text, SelectorError *error)
{
    SelectorParser parser(text);
    SelectorList out;
    if (!parser.parseList(out)) {
        if (error) *error = std::move(parser.m_error);
        return std::nullopt;
    }
    return out;
}

bool SelectorParser::fail(std::size_t position, std::string reason)
{
    m_error.position = position;
    m_error.reason = std::move(reason);
    return false;
}

bool SelectorParser::failUnexpected(std::size_t position)
{
    if (position >= m_text.size()) return fail(position, "unexpected end of the selector");
    const unsigned char c = at(position);
    switch (c) {
    case '+':
    case '~':
        return fail(position,
                    "the sibling combinator " + quoted(c) +
                        " is not supported: the element chain holds only the target and its ancestors");
    case '|':
        return fail(position, "namespaces and the column combinator ('|') are not supported");
    case '&':
        return fail(position, "the nesting selector '&' is not supported");
    case '"':
    case '\'':
        return fail(position, "unexpected quote: quoted text is only allowed as an attribute value, e.g. "
                              "[title=\"Buy now\"]");
    case ']':
        return fail(position, "unexpected ']': no attribute selector is open");
    case ')':
        return fail(position, "unexpected ')'");
    case ',':
        return fail(position, "expected a selector before ','");
    case '\\':
        return fail(position, "a backslash must be followed by the character it escapes");
    default:
        break;
    }
    if (isDigit(c))
        return fail(position, "unexpected " + quoted(c) +
                                  ": a name cannot start with a digit; escape it as '" + hexEscapeFor(c) +
                                  "'");
    if (isPrintableAscii(c))
        return fail(position, "unexpected " + quoted(c) +
                                  "; if it is part of a class or id name, escape it as '\\" +
                                  static_cast<char>(c) + "'");
    char buf[48];
    std::snprintf(buf, sizeof buf, "unexpected control character 0x%02x", static_cast<unsigned>(c));
    return fail(position, buf);
}

bool SelectorParser::isValidEscape(std::size_t pos) const
{
    if (at(pos) != '\\' || pos + 1 >= m_text.size()) return false;
    const unsigned char next = at(pos + 1);
    return next != '\n' && next != '\r' && next != '\f';
}

bool SelectorParser::startsIdentifier(std::size_t pos) const
{
    if (pos >= m_text.size()) return false;
    const unsigned char c = at(pos);
    if (c == '-') {
        const unsigned char next = at(pos + 1);
        return pos + 1 < m_text.size() && (next == '-' || isNameStart(next) || isValidEscape(pos + 1));
    }
    return isNameStart(c) || isValidEscape(pos);
}

bool SelectorParser::skipWhitespace()
{
    const std::size_t start = m_pos;
    while (!atEnd() && isWhitespace(current()))
        ++m_pos;
    return m_pos != start;
}

void SelectorParser::consumeEscape(std::string &out)
{
    ++m_pos; // the backslash; isValidEscape() guaranteed a character follows
    if (isHexDigit(current())) {
        unsigned cp = 0;
        for (int n = 0; n < 6 && isHexDigit(current()); ++n, ++m_pos)
            cp = cp * 16 + hexValue(current());
        if (current() == '\r' && at(m_pos + 1) == '\n')
            m_pos += 2;
        else if (!atEnd() && isWhitespace(current()))
            ++m_pos;
        if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = 0xFFFD;
        appendUtf8(out, cp);
        return;
    }
    std::size_t len = utf8Length(current());
    if (m_pos + len > m_text.size()) len = m_text.size() - m_pos;
    out.append(m_text.substr(m_pos, len));
    m_pos += len;
}

bool SelectorParser::parseIdentifier(std::string &out)
{
    while (!atEnd()) {
        const unsigned char c = current();
        if (isNameChar(c)) {
            out += static_cast<char>(c);
            ++m_pos;
        } else if (isValidEscape(m_pos)) {
            consumeEscape(out);
        } else {
            break;
        }
    }
    return true;
}

bool SelectorParser::parseString(std::string &out)
{
    const std::size_t open = m_pos;
    const unsigned char quote = current();
    ++m_pos;
    for (;;) {
        if (atEnd()) return fail(open, "unterminated string: the quote opened here is never closed");
        const unsigned char c = current();
        if (c == quote) {
            ++m_pos;
            return true;
        }
        if (c == '\n' || c == '\r' || c == '\f')
            return fail(open, "unterminated string: a line break inside a string must be escaped");
        if (c == '\\') {
            const unsigned char next = at(m_pos + 1);
            if (m_pos + 1 >= m_text.size()) {
                ++m_pos;
            } else if (next == '\n' || next == '\f') {
                m_pos += 2;
            } else if (next == '\r') {
                m_pos += at(m_pos + 2) == '\n' ? 3 : 2;
            } else {
                consumeEscape(out);
            }
            continue;
        }
        out += static_cast<char>(c);
        ++m_pos;
    }
}

bool SelectorParser::parseInteger(long long &out)
{
    const std::size_t start = m_pos;
    out = 0;
    while (isDigit(current())) {
        if (m_pos - start >= 9) return fail(start, "the number is too large");
        out = out * 10 + (current() - '0');
        ++m_pos;
    }
    return true;
}

bool SelectorParser::parseList(SelectorList &out)
{
    skipWhitespace();
    if (atEnd()) return fail(m_pos, "the selector is empty");
    for (;;) {
        ComplexSelector complex;
        if (!parseComplex(complex)) return false;
        out.push_back(std::move(complex));
        if (atEnd()) return true;
        ++m_pos; // parseComplex() stops only at the end or at ','
        skipWhitespace();
        if (atEnd()) return fail(m_pos, "expected a selector after ','");
    }
}

bool SelectorParser::parseComplex(ComplexSelector &out)
{
    if (current() == '>') return fail(m_pos, "a selector cannot start with the combinator '>'");
    CompoundSelector first;
    if (!parseCompound(first)) return false;
    out.compounds.push_back(std::move(first));
    for (;;) {
        const bool sawSpace = skipWhitespace();
        if (atEnd() || current() == ',') return true;
        Combinator combinator = Combinator::Descendant;
        if (current() == '>') {
            const std::size_t combinatorPos = m_pos;
            ++m_pos;
            skipWhitespace();
            if (atEnd() || current() == ',') return fail(combinatorPos, "expected a selector after '>'");
            if (current() == '>') return fail(m_pos, "expected a selector between the two '>' combinators");
            combinator = Combinator::Child;
        } else if (!sawSpace) {
            return failUnexpected(m_pos);
        }
        CompoundSelector next;
        if (!parseCompound(next)) return false;
        out.combinators.push_back(combinator);
        out.compounds.push_back(std::move(next));
    }
}

bool SelectorParser::parseCompound(CompoundSelector &out)
{
    const std::size_t start = m_pos;
    bool any = false;
    if (current() == '*') {
        ++m_pos;
        any = true;
        if (current() == '|' && at(m_pos + 1) != '|')
            return fail(m_pos, "namespaces ('ns|tag', '*|tag') are not supported");
    } else if (startsIdentifier(m_pos)) {
        parseIdentifier(out.tag);
        toLowerAscii(out.tag);
        any = true;
        if (current() == '|' && at(m_pos + 1) != '|')
            return fail(m_pos, "namespaces ('ns|tag', '*|tag') are not supported");
    }
    for (;;) {
        const unsigned char c = current();
        if (atEnd()) break;
        if (c == '#' || c == '.') {
            const char *what = c == '#' ? "an id" : "a class name";
            ++m_pos;
            if (!startsIdentifier(m_pos)) {
                const unsigned char next = current();
                if (isDigit(next))
                    return fail(m_pos, std::string(what) +
                                           " cannot start with a digit; escape the digit as '" +
                                           hexEscapeFor(next) + "'");
                if (next == '-' && isDigit(at(m_pos + 1)))
                    return fail(m_pos, std::string(what) +
                                           " cannot start with '-' and a digit; escape the digit "
                                           "as '" +
                                           hexEscapeFor(at(m_pos + 1)) + "'");
                if (atEnd() || isWhitespace(next) || next == ',' || next == '>')
                    return fail(m_pos - 1, "expected " + std::string(what) + " after " + quoted(c));
                if (isPrintableAscii(next))
                    return fail(m_pos, "expected " + std::string(what) + " after " + quoted(c) + "; to use " +
                                           quoted(next) + " in the name, escape it as '\\" +
                                           static_cast<char>(next) + "'");
                return failUnexpected(m_pos);
            }
            std::string name;
            parseIdentifier(name);
            (c == '#' ? out.ids : out.classes).push_back(std::move(name));
        } else if (c == '[') {
            if (!parseAttribute(out)) return false;
        } else if (c == ':') {
            if (!parsePseudo(out)) return false;
        } else if (c == '*' || startsIdentifier(m_pos)) {
            if (!any) break; // cannot happen: handled above
            return fail(m_pos, c == '*' ? "'*' must come first in a compound selector"
                                        : "a type selector must come first in a compound selector, e.g. "
                                          "'div.item' rather than '.item div'");
        } else {
            break;
        }
        any = true;
    }
    if (!any) return failUnexpected(start);
    return true;
}

bool SelectorParser::parseAttribute(CompoundSelector &out)
{
    const std::size_t open = m_pos;
    ++m_pos;
    skipWhitespace();
    if (current() == '*' || current() == '|') return fail(m_pos, "attribute namespaces are not supported");
    if (!startsIdentifier(m_pos)) {
        if (atEnd()) return fail(open, "unclosed '[': expected an attribute name and ']'");
        return fail(m_pos, "expected an attribute name after '['");
    }
    AttributeSelector attr;
    parseIdentifier(attr.name);
    toLowerAscii(attr.name);
    if (current() == '|' && at(m_pos + 1) != '=')
        return fail(m_pos, "attribute namespaces are not supported");
    skipWhitespace();
    if (current() == ']') {
        ++m_pos;
        out.attributes.push_back(std::move(attr));
        return true;
    }
    const unsigned char c = current();
    std::string opText;
    if (c == '=') {
        attr.op = AttributeOperator::Equals;
        opText = "=";
    } else if (at(m_pos + 1) == '=' && (c == '~' || c == '|' || c == '^' || c == '$' || c == '*')) {
        attr.op = c == '~'   ? AttributeOperator::Includes
                  : c == '|' ? AttributeOperator::DashMatch
                  : c == '^' ? AttributeOperator::Prefix
                  : c == '$' ? AttributeOperator::Suffix
                             : AttributeOperator::Substring;
        opText = std::string(1, static_cast<char>(c)) + "=";
    } else if (atEnd()) {
        return fail(open, "unclosed '[': expected ']'");
    } else {
        return fail(m_pos, "expected ']' or an operator (=, ~=, |=, ^=, $=, *=) after the attribute name");
    }
    m_pos += opText.size();
    skipWhitespace();
    if (current() == '"' || current() == '\'') {
        if (!parseString(attr.value)) return false;
    } else if (startsIdentifier(m_pos)) {
        parseIdentifier(attr.value);
    } else if (atEnd()) {
        return fail(m_pos, "expected a value after '" + opText + "'");
    } else {
        return fail(m_pos, "an unquoted attribute value must be a CSS identifier; quote it, e.g. [" +
                               attr.name + opText + "\"...\"]");
    }
    skipWhitespace();
    if (startsIdentifier(m_pos)) {
        const std::size_t flagPos = m_pos;
        std::string flag;
        parseIdentifier(flag);
        toLowerAscii(flag);
        if (flag == "i")
            attr.ignoreCase = true;
        else if (flag != "s")
            return fail(flagPos, "unknown attribute flag '" + flag + "' (only 'i' and 's' are allowed)");
        skipWhitespace();
    }
    if (current() != ']') {
        if (atEnd()) return fail(open, "unclosed '[': expected ']'");
        return fail(m_pos, "expected ']' to close the attribute selector opened at position " +
                               std::to_string(open));
    }
    ++m_pos;
    out.attributes.push_back(std::move(attr));
    return true;
}

bool SelectorParser::parsePseudo(CompoundSelector &out)
{
    const std::size_t start = m_pos;
    ++m_pos;
    if (current() == ':')
        return fail(start,
                    "pseudo-elements such as '::before' are not supported: they are not elements of the "
                    "chain");
    if (!startsIdentifier(m_pos)) {
        if (isPrintableAscii(current()) && !isDigit(current()))
            return fail(start,
                        "expected a pseudo-class name after ':'; if ':' is part of a class name, escape it "
                        "as '\\:'");
        return fail(start, "expected a pseudo-class name after ':'");
    }
    std::string name;
    parseIdentifier(name);
    toLowerAscii(name);
    if (current() == '(') {
        if (name != "nth-child" && name != "nth-of-type") return fail(start, functionalPseudoReason(name));
        ++m_pos;
        skipWhitespace();
        NthSelector nth;
        nth.ofType = name == "nth-of-type";
        if (!parseNth(nth)) return false;
        skipWhitespace();
        if (current() != ')') {
            if ((current() == 'o' || current() == 'O') && (at(m_pos + 1) == 'f' || at(m_pos + 1) == 'F'))
                return fail(m_pos, "':" + name + "(An+B of S)' is not supported");
            if (atEnd()) return fail(start, "unclosed ':" + name + "(': expected ')'");
            return fail(m_pos, "expected ')' after the argument of ':" + name + "('");
        }
        ++m_pos;
        out.nth.push_back(nth);
        return true;
    }
    if (name == "first-child" || name == "first-of-type") {
        out.nth.push_back(NthSelector{name == "first-of-type", 0, 1});
        return true;
    }
    return fail(start, pseudoClassReason(name));
}

bool SelectorParser::parseNth(NthSelector &out)
{
    const std::size_t start = m_pos;
    auto word = [&](std::string_view w) {
        for (std::size_t i = 0; i < w.size(); ++i) {
            unsigned char c = at(m_pos + i);
            if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
            if (c != static_cast<unsigned char>(w[i])) return false;
        }
        return !isNameChar(at(m_pos + w.size())) && at(m_pos + w.size()) != '\\';
    };
    if (word("odd")) {
        m_pos += 3;
        out.a = 2;
        out.b = 1;
        return true;
    }
    if (word("even")) {
        m_pos += 4;
        out.a = 2;
        out.b = 0;
        return true;
    }
    long long sign = 1;
    if (current() == '+' || current() == '-') {
        sign = current() == '-' ? -1 : 1;
        ++m_pos;
        if (isWhitespace(current())) return fail(m_pos, "no space is allowed after the sign in An+B");
    }
    long long digits = -1;
    if (isDigit(current()) && !parseInteger(digits)) return false;
    if (current() == 'n' || current() == 'N') {
        ++m_pos;
        const long long a = sign * (digits < 0 ? 1 : digits);
        long long b = 0;
        const std::size_t afterN = m_pos;
        skipWhitespace();
        if (current() == '+' || current() == '-') {
            const unsigned char bSign = current();
            ++m_pos;
            skipWhitespace();
            if (!isDigit(current()))
                return fail(m_pos, std::string("expected a number after '") + static_cast<char>(bSign) +
                                       "' in An+B");
            if (!parseInteger(b)) return false;
            if (bSign == '-') b = -b;
        } else {
            m_pos = afterN;
        }
        out.a = static_cast<int>(a);
        out.b = static_cast<int>(b);
        return true;
    }
    if (digits < 0)
        return fail(start, "expected An+B, an integer, 'odd' or 'even', e.g. '2', '2n+1' or 'odd'");
    out.a = 0;
    out.b = static_cast<int>(sign * digits);
    return true;
}

} // namespace hindsight::definitions
