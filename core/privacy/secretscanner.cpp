#include "core/privacy/secretscanner.h"

#include "core/privacy/charclass.h"

#include <array>

namespace hindsight::privacy {

namespace {

enum class Alphabet { Alnum, AlnumUnderscore, UpperAlnum, Base64Url, AlnumDash };

struct PrefixRule
{
    std::string_view prefix;
    Alphabet alphabet;
    std::size_t minBody;
    std::size_t maxBody; ///< the body must end here; equal to minBody for fixed-length keys
    double confidence;
};

constexpr std::size_t kOpen = 4096;

constexpr std::array kRules = {
    PrefixRule{"sk_live_", Alphabet::Alnum, 16, kOpen, 0.97},
    PrefixRule{"sk_test_", Alphabet::Alnum, 16, kOpen, 0.9},
    PrefixRule{"rk_live_", Alphabet::Alnum, 16, kOpen, 0.97},
    PrefixRule{"pk_live_", Alphabet::Alnum, 16, kOpen, 0.85},
    PrefixRule{"ghp_", Alphabet::Alnum, 36, 255, 0.97},
    PrefixRule{"gho_", Alphabet::Alnum, 36, 255, 0.97},
    PrefixRule{"ghu_", Alphabet::Alnum, 36, 255, 0.97},
    PrefixRule{"ghs_", Alphabet::Alnum, 36, 255, 0.97},
    PrefixRule{"ghr_", Alphabet::Alnum, 36, 255, 0.97},
    PrefixRule{"github_pat_", Alphabet::AlnumUnderscore, 22, 255, 0.97},
    PrefixRule{"AKIA", Alphabet::UpperAlnum, 16, 16, 0.95},
    PrefixRule{"ASIA", Alphabet::UpperAlnum, 16, 16, 0.95},
    PrefixRule{"xoxb-", Alphabet::AlnumDash, 20, kOpen, 0.97},
    PrefixRule{"xoxp-", Alphabet::AlnumDash, 20, kOpen, 0.97},
    PrefixRule{"AIza", Alphabet::Base64Url, 35, 35, 0.95},
    PrefixRule{"glpat-", Alphabet::Base64Url, 20, kOpen, 0.97},
};

bool inAlphabet(char c, Alphabet a)
{
    switch (a) {
    case Alphabet::Alnum:
        return chars::isAlnum(c);
    case Alphabet::AlnumUnderscore:
        return chars::isAlnum(c) || c == '_';
    case Alphabet::UpperAlnum:
        return chars::isUpper(c) || chars::isDigit(c);
    case Alphabet::Base64Url:
        return chars::isBase64Url(c);
    case Alphabet::AlnumDash:
        return chars::isAlnum(c) || c == '-';
    }
    return false;
}

bool isValueChar(char c)
{
    if (chars::isAlnum(c)) return true;
    switch (c) {
    case '-':
    case '_':
    case '.':
    case '~':
    case '%':
    case '+':
    case '/':
    case '=':
    case ':':
    case '@':
    case '!':
    case '$':
    case '*':
        return true;
    default:
        return false;
    }
}

constexpr std::size_t kMinValue = 16;
constexpr std::size_t kMaxName = 32;

} // namespace

std::optional<Finding> scanSecretPrefix(std::string_view text, std::size_t pos)
{
    if (pos > 0 && (chars::isWordChar(text[pos - 1]))) return std::nullopt;
    const std::string_view rest = text.substr(pos);
    if (rest.size() < 4) return std::nullopt;
    for (const PrefixRule &rule : kRules) {
        // Most words share no two leading characters with any prefix; compare those first.
        if (rule.prefix[0] != rest[0] || rule.prefix[1] != rest[1] || !rest.starts_with(rule.prefix))
            continue;
        std::size_t e = rule.prefix.size();
        while (e < rest.size() && inAlphabet(rest[e], rule.alphabet) &&
               e - rule.prefix.size() <= rule.maxBody)
            ++e;
        const std::size_t body = e - rule.prefix.size();
        if (body < rule.minBody || body > rule.maxBody) return std::nullopt;
        // The key must not run on into more key-like characters.
        if (e < rest.size() && chars::isBase64Url(rest[e])) return std::nullopt;
        return Finding{DetectorType::Secret, pos, pos + e, rule.confidence};
    }
    return std::nullopt;
}

bool isSecretParameterName(std::string_view name)
{
    static constexpr std::array<std::string_view, 16> kNames = {
        "token",    "access_token", "password",      "passwd",    "secret", "api_key",
        "apikey",   "key",          "session",       "sessionid", "auth",   "refresh_token",
        "id_token", "auth_token",   "client_secret", "session_id"};
    if (name.empty() || name.size() > kMaxName) return false;
    char lower[kMaxName];
    for (std::size_t i = 0; i < name.size(); ++i)
        lower[i] = name[i] == '-' ? '_' : chars::toLower(name[i]);
    const std::string_view l(lower, name.size());
    for (std::string_view n : kNames)
        if (l == n) return true;
    return false;
}

std::optional<Finding> scanSecretParameter(std::string_view text, std::size_t equals)
{
    std::size_t b = equals;
    while (b > 0 && equals - b <= kMaxName && (chars::isWordChar(text[b - 1]) || text[b - 1] == '-'))
        --b;
    if (b == 0 || b == equals) return std::nullopt;
    const char before = text[b - 1];
    if (before != '?' && before != '&' && before != ';' && before != '#') return std::nullopt;
    if (!isSecretParameterName(text.substr(b, equals - b))) return std::nullopt;
    const std::size_t start = equals + 1;
    std::size_t e = start;
    while (e < text.size() && isValueChar(text[e]))
        ++e;
    // Sentence punctuation after a URL is not part of the value.
    while (e > start && (text[e - 1] == '.' || text[e - 1] == ':' || text[e - 1] == '!'))
        --e;
    if (e - start < kMinValue) return std::nullopt;
    bool mixed = false;
    bool letters = false, digits = false;
    for (std::size_t i = start; i < e && !mixed; ++i) {
        letters = letters || chars::isAlpha(text[i]);
        digits = digits || chars::isDigit(text[i]);
        mixed = letters && digits;
    }
    return Finding{DetectorType::Secret, start, e, mixed ? 0.85 : 0.7};
}

} // namespace hindsight::privacy
