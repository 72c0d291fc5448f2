#include "core/definitions/textmatcher.h"

#include <re2/re2.h>

namespace hindsight::definitions {

namespace {

/// Byte offset of the first invalid UTF-8 sequence, or npos.
std::size_t firstInvalidUtf8(std::string_view s)
{
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t len = 0;
        unsigned cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
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
            return i;
        }
        if (i + len > s.size()) return i;
        for (std::size_t k = 1; k < len; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (cc & 0x3F);
        }
        if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
            (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
            return i;
        i += len;
    }
    return std::string_view::npos;
}

/// Where RE2's complaint about a parenthesis points: the last '(' left open, or the first
/// ')' without a partner. Skips escapes and bracketed character classes.
std::optional<std::size_t> parenthesisProblem(std::string_view pattern, bool wantUnclosed)
{
    std::vector<std::size_t> open;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c == '\\') {
            ++i;
        } else if (c == '[') {
            std::size_t k = i + 1;
            if (k < pattern.size() && pattern[k] == '^') ++k;
            if (k < pattern.size() && pattern[k] == ']') ++k;
            for (; k < pattern.size() && pattern[k] != ']'; ++k)
                if (pattern[k] == '\\') ++k;
            i = k;
        } else if (c == '(') {
            open.push_back(i);
        } else if (c == ')') {
            if (open.empty()) {
                if (!wantUnclosed) return i;
            } else {
                open.pop_back();
            }
        }
    }
    if (wantUnclosed && !open.empty()) return open.back();
    return std::nullopt;
}

std::vector<std::string> splitStars(std::string_view pattern)
{
    std::vector<std::string> pieces;
    std::size_t start = 0;
    for (;;) {
        const std::size_t star = pattern.find('*', start);
        pieces.emplace_back(pattern.substr(start, star == std::string_view::npos ? star : star - start));
        if (star == std::string_view::npos) return pieces;
        start = star + 1;
    }
}

bool wildcardMatches(const std::vector<std::string> &pieces, std::string_view text)
{
    // pieces.size() >= 2: text = pieces[0] ... pieces[1] ... ... pieces[last]
    const std::string &first = pieces.front();
    const std::string &last = pieces.back();
    if (text.size() < first.size() + last.size()) return false;
    if (text.substr(0, first.size()) != first || text.substr(text.size() - last.size()) != last) return false;
    std::string_view middle = text.substr(first.size(), text.size() - first.size() - last.size());
    for (std::size_t i = 1; i + 1 < pieces.size(); ++i) {
        // Taking each piece at its leftmost occurrence leaves the most room for the rest.
        const std::size_t at = middle.find(pieces[i]);
        if (at == std::string_view::npos) return false;
        middle.remove_prefix(at + pieces[i].size());
    }
    return true;
}

} // namespace

std::string_view TextMatcher::modeName(TextMatchMode mode)
{
    switch (mode) {
    case TextMatchMode::Exact:
        return "exact";
    case TextMatchMode::Contains:
        return "contains";
    case TextMatchMode::Regex:
        return "regex";
    case TextMatchMode::Wildcard:
        return "wildcard";
    }
    return "exact";
}

std::optional<TextMatchMode> TextMatcher::modeFromName(std::string_view name)
{
    for (auto mode :
         {TextMatchMode::Exact, TextMatchMode::Contains, TextMatchMode::Regex, TextMatchMode::Wildcard})
        if (modeName(mode) == name) return mode;
    return std::nullopt;
}

std::optional<TextMatcher> TextMatcher::create(std::string pattern, TextMatchMode mode, bool caseSensitive,
                                               TextMatcherError *error)
{
    TextMatcher m;
    m.m_mode = mode;
    m.m_caseSensitive = caseSensitive;
    if (mode == TextMatchMode::Wildcard) m.m_pieces = splitStars(pattern);

    if (mode == TextMatchMode::Regex || !caseSensitive) {
        if (const std::size_t bad = firstInvalidUtf8(pattern); bad != std::string_view::npos) {
            if (error) *error = TextMatcherError{"the pattern is not valid UTF-8", bad};
            return std::nullopt;
        }
        std::string expression;
        switch (mode) {
        case TextMatchMode::Regex:
            expression = pattern;
            break;
        case TextMatchMode::Exact:
        case TextMatchMode::Contains:
            expression = RE2::QuoteMeta(pattern);
            break;
        case TextMatchMode::Wildcard:
            for (std::size_t i = 0; i < m.m_pieces.size(); ++i) {
                if (i > 0) expression += ".*";
                expression += RE2::QuoteMeta(m.m_pieces[i]);
            }
            break;
        }
        RE2::Options options;
        options.set_log_errors(false);
        options.set_case_sensitive(caseSensitive);
        options.set_dot_nl(mode == TextMatchMode::Wildcard);
        if (mode == TextMatchMode::Exact || mode == TextMatchMode::Wildcard)
            expression = "(?:" + expression + ")";
        auto re = std::make_shared<const RE2>(expression, options);
        if (!re->ok()) {
            if (error) {
                TextMatcherError e;
                e.reason = re->error();
                if (mode == TextMatchMode::Regex) {
                    if (re->error_code() == RE2::ErrorMissingParen)
                        e.position = parenthesisProblem(pattern, true);
                    else if (re->error_code() == RE2::ErrorUnexpectedParen)
                        e.position = parenthesisProblem(pattern, false);
                    else if (!re->error_arg().empty() && re->error_arg() != pattern) {
                        const std::size_t at = pattern.find(re->error_arg());
                        if (at != std::string::npos) e.position = at;
                    }
                }
                *error = std::move(e);
            }
            return std::nullopt;
        }
        m.m_regex = std::move(re);
    }
    m.m_pattern = std::move(pattern);
    return m;
}

bool TextMatcher::matches(std::string_view text) const
{
    if (m_regex) {
        const re2::StringPiece piece(text.data(), text.size());
        if (m_mode == TextMatchMode::Regex || m_mode == TextMatchMode::Contains)
            return RE2::PartialMatch(piece, *m_regex);
        return RE2::FullMatch(piece, *m_regex);
    }
    switch (m_mode) {
    case TextMatchMode::Exact:
        return text == m_pattern;
    case TextMatchMode::Contains:
        return text.find(m_pattern) != std::string_view::npos;
    case TextMatchMode::Wildcard:
        return m_pieces.size() == 1 ? text == m_pattern : wildcardMatches(m_pieces, text);
    case TextMatchMode::Regex:
        break;
    }
    return false;
}

} // namespace hindsight::definitions
