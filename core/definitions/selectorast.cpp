#include "core/definitions/selectorast.h"

#include <cstdio>

namespace hindsight::definitions {

namespace {

void appendHexEscape(std::string &out, unsigned char c)
{
    char buf[8];
    std::snprintf(buf, sizeof buf, "\\%x ", static_cast<unsigned>(c));
    out += buf;
}

bool isAsciiLetter(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool isDigit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

std::string nthArgument(const NthSelector &nth)
{
    if (nth.a == 0) return std::to_string(nth.b);
    std::string out;
    if (nth.a == -1)
        out = "-";
    else if (nth.a != 1)
        out = std::to_string(nth.a);
    out += 'n';
    if (nth.b > 0) out += '+';
    if (nth.b != 0) out += std::to_string(nth.b);
    return out;
}

const char *operatorText(AttributeOperator op)
{
    switch (op) {
    case AttributeOperator::Exists:
        return "";
    case AttributeOperator::Equals:
        return "=";
    case AttributeOperator::Includes:
        return "~=";
    case AttributeOperator::DashMatch:
        return "|=";
    case AttributeOperator::Prefix:
        return "^=";
    case AttributeOperator::Suffix:
        return "$=";
    case AttributeOperator::Substring:
        return "*=";
    }
    return "";
}

} // namespace

std::string escapeIdentifier(std::string_view identifier)
{
    std::string out;
    out.reserve(identifier.size() + 4);
    if (identifier == "-") return "\\-";
    for (std::size_t i = 0; i < identifier.size(); ++i) {
        const auto c = static_cast<unsigned char>(identifier[i]);
        if (c == 0) {
            out += "\xEF\xBF\xBD"; // U+FFFD, as CSS reads NUL
        } else if (c < 0x20 || c == 0x7F) {
            appendHexEscape(out, c);
        } else if (isDigit(c) && (i == 0 || (i == 1 && identifier[0] == '-'))) {
            appendHexEscape(out, c);
        } else if (c >= 0x80 || c == '-' || c == '_' || isDigit(c) || isAsciiLetter(c)) {
            out += static_cast<char>(c);
        } else {
            out += '\\';
            out += static_cast<char>(c);
        }
    }
    return out;
}

std::string quoteString(std::string_view value)
{
    std::string out = "\"";
    for (const char ch : value) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == 0)
            out += "\xEF\xBF\xBD";
        else if (c < 0x20 || c == 0x7F)
            appendHexEscape(out, c);
        else if (c == '"' || c == '\\') {
            out += '\\';
            out += ch;
        } else
            out += ch;
    }
    out += '"';
    return out;
}

std::string toString(const CompoundSelector &compound)
{
    std::string out = escapeIdentifier(compound.tag);
    for (const auto &id : compound.ids) {
        out += '#';
        out += escapeIdentifier(id);
    }
    for (const auto &cls : compound.classes) {
        out += '.';
        out += escapeIdentifier(cls);
    }
    for (const auto &attr : compound.attributes) {
        out += '[';
        out += escapeIdentifier(attr.name);
        out += operatorText(attr.op);
        if (attr.op != AttributeOperator::Exists) {
            out += quoteString(attr.value);
            if (attr.ignoreCase) out += " i";
        }
        out += ']';
    }
    for (const auto &nth : compound.nth) {
        out += nth.ofType ? ":nth-of-type(" : ":nth-child(";
        out += nthArgument(nth);
        out += ')';
    }
    if (out.empty()) out = "*";
    return out;
}

std::string toString(const ComplexSelector &selector)
{
    std::string out;
    for (std::size_t i = 0; i < selector.compounds.size(); ++i) {
        if (i > 0)
            out += i - 1 < selector.combinators.size() && selector.combinators[i - 1] == Combinator::Child
                       ? " > "
                       : " ";
        out += toString(selector.compounds[i]);
    }
    return out;
}

std::string toString(const SelectorList &selectors)
{
    std::string out;
    for (std::size_t i = 0; i < selectors.size(); ++i) {
        if (i > 0) out += ", ";
        out += toString(selectors[i]);
    }
    return out;
}

} // namespace hindsight::definitions
