#include "core/privacy/masking.h"

#include "core/privacy/charclass.h"

#include <algorithm>

namespace hindsight::privacy {

namespace {

/// The first character of `s` with all its UTF-8 bytes (a masked value must stay valid UTF-8).
std::string_view firstChar(std::string_view s)
{
    if (s.empty()) return s;
    std::size_t n = 1;
    while (n < s.size() && n < 4 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80)
        ++n;
    return s.substr(0, n);
}

/// The last character of `s` with all its UTF-8 bytes.
std::string_view lastChar(std::string_view s)
{
    if (s.empty()) return s;
    std::size_t start = s.size() - 1;
    while (start > 0 && s.size() - start < 4 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80)
        --start;
    return s.substr(start);
}

std::string maskEdges(std::string_view s)
{
    const std::string_view first = firstChar(s);
    const std::string_view last = lastChar(s);
    if (first.size() + last.size() >= s.size()) return "***"; // too short to keep a hint
    std::string out(first);
    out += "***";
    out += last;
    return out;
}

std::string maskEmail(std::string_view s)
{
    std::size_t at = s.rfind('@');
    std::string_view sign = "@";
    if (at == std::string_view::npos) { // URL-encoded: bob%40example.com
        at = s.rfind("%40");
        sign = "%40";
    }
    const std::size_t dot = s.rfind('.');
    if (at == std::string_view::npos || at == 0 || dot == std::string_view::npos ||
        dot < at + sign.size() + 1)
        return maskEdges(s);
    std::string out(firstChar(s));
    out += "***";
    out += sign;
    out += firstChar(s.substr(at + sign.size()));
    out += "***";
    out += s.substr(dot);
    return out;
}

std::string maskCard(std::string_view s)
{
    const auto digits = static_cast<std::size_t>(std::count_if(s.begin(), s.end(), chars::isDigit));
    std::string out(s);
    std::size_t seen = 0;
    for (char &c : out) {
        if (!chars::isDigit(c)) continue;
        if (seen >= 4 && seen + 4 < digits) c = '*';
        ++seen;
    }
    return out;
}

} // namespace

std::string maskValue(std::string_view found, DetectorType type)
{
    switch (type) {
    case DetectorType::Email:
        return maskEmail(found);
    case DetectorType::CreditCard:
        return maskCard(found);
    default:
        return maskEdges(found);
    }
}

std::string maskExample(std::string_view value, const std::vector<Finding> &findings)
{
    std::vector<Finding> sorted = findings;
    std::sort(sorted.begin(), sorted.end(),
              [](const Finding &a, const Finding &b) { return a.start < b.start; });
    std::string out;
    out.reserve(value.size());
    std::size_t pos = 0;
    for (const Finding &f : sorted) {
        if (f.start < pos || f.end > value.size() || f.start >= f.end) continue;
        out.append(value.substr(pos, f.start - pos));
        out += maskValue(value.substr(f.start, f.length()), f.type);
        pos = f.end;
    }
    out.append(value.substr(pos));
    return out;
}

} // namespace hindsight::privacy
