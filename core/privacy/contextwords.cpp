#include "core/privacy/contextwords.h"

#include "core/privacy/charclass.h"

#include <cstdint>
#include <span>

namespace hindsight::privacy {

namespace {

constexpr std::size_t kWindow = 48;
// Words for another kind of number must name the value itself: "Serial: 0123 4567 8901",
// "EAN 4006381333931". Further back they more likely belong to the sentence ("your order ...").
constexpr std::size_t kCounterWindow = 20;

constexpr std::string_view kEmail[] = {"email", "e-mail", "mail", "contact"};
constexpr std::string_view kPhone[] = {"phone",   "telephone", "tel",      "mobile",   "mob",
                                       "cell",    "call",      "fax",      "whatsapp", "sms",
                                       "contact", "dial",      "landline", "telefon",  "msisdn"};
constexpr std::string_view kCreditCard[] = {"card", "credit", "debit", "visa",   "mastercard",
                                            "amex", "cc",     "pan",   "payment"};
constexpr std::string_view kIban[] = {"iban", "account", "bank", "sepa", "transfer"};
constexpr std::string_view kUsSsn[] = {"ssn", "social security", "social sec", "ss#", "ss no", "taxpayer"};
constexpr std::string_view kIpAddress[] = {"ip",     "ipv4",   "ipv6",   "addr",           "host",
                                           "client", "remote", "server", "x-forwarded-for"};
constexpr std::string_view kJwt[] = {"bearer", "token", "authorization", "jwt"};
constexpr std::string_view kSecret[] = {"key", "token", "secret", "password", "credential"};

std::span<const std::string_view> keywords(DetectorType type)
{
    switch (type) {
    case DetectorType::Email:
        return kEmail;
    case DetectorType::Phone:
        return kPhone;
    case DetectorType::CreditCard:
        return kCreditCard;
    case DetectorType::Iban:
        return kIban;
    case DetectorType::UsSsn:
        return kUsSsn;
    case DetectorType::IpAddress:
        return kIpAddress;
    case DetectorType::Jwt:
        return kJwt;
    case DetectorType::Secret:
        return kSecret;
    }
    return {};
}

// Words saying that a number is something other than a card number.
constexpr std::string_view kNotCard[] = {"ean",    "gtin",     "upc",    "isbn",    "imei",  "sku",
                                         "msisdn", "tracking", "order",  "invoice", "phone", "tel",
                                         "mobile", "barcode",  "serial", "id"};

// Words saying that a digit group is something other than a phone number.
constexpr std::string_view kNotPhone[] = {"serial", "order", "invoice", "account",  "acct", "ref",  "id",
                                          "sku",    "ean",   "isbn",    "tracking", "iban", "card", "ssn"};

/// Bit (c - 'a') is set when a keyword starts with the letter c.
std::uint32_t firstLetters(std::span<const std::string_view> words)
{
    std::uint32_t mask = 0;
    for (std::string_view w : words)
        mask |= 1u << (w[0] - 'a');
    return mask;
}

bool startsWithLower(std::string_view text, std::size_t at, std::size_t limit, std::string_view word)
{
    if (limit - at < word.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i)
        if (chars::toLower(text[at + i]) != word[i]) return false;
    return true;
}

/// True when `word` (lower case) starts at `at` in `text`, case-insensitively, without passing
/// `limit`; a short one ("tel", "cc", "ip") must also end a word there.
bool keywordAt(std::string_view text, std::size_t at, std::size_t limit, std::string_view word)
{
    if (!startsWithLower(text, at, limit, word)) return false;
    const std::size_t after = at + word.size();
    return word.size() > 3 || after >= limit || !chars::isAlpha(text[after]);
}

bool anyKeywordAt(std::string_view text, std::size_t at, std::size_t limit, char first,
                  std::span<const std::string_view> words)
{
    for (std::string_view word : words)
        if (word[0] == first && keywordAt(text, at, limit, word)) return true;
    return false;
}

/// Looks for the words of both lists at the word starts before `pos` (kWindow bytes for the
/// supporting, kCounterWindow for the opposing words), in one pass. Only word starts whose
/// first letter begins some keyword are compared.
ContextWords findKeywords(std::string_view text, std::size_t pos,
                          std::span<const std::string_view> supporting,
                          std::span<const std::string_view> opposing)
{
    ContextWords found;
    const std::size_t counterBegin = pos > kCounterWindow ? pos - kCounterWindow : 0;
    const std::uint32_t firstS = firstLetters(supporting);
    const std::uint32_t firstO = firstLetters(opposing);
    const std::size_t begin = pos > kWindow ? pos - kWindow : 0;
    for (std::size_t at = begin; at < pos; ++at) {
        const char c = chars::toLower(text[at]);
        if (c < 'a' || c > 'z') continue;
        const bool wordStart = at == begin || !chars::isAlpha(text[at - 1]);
        const std::uint32_t bit = 1u << (c - 'a');
        if (wordStart && !found.supporting && (firstS & bit))
            found.supporting = anyKeywordAt(text, at, pos, c, supporting);
        if (wordStart && !found.opposing && at >= counterBegin && (firstO & bit))
            found.opposing = anyKeywordAt(text, at, pos, c, opposing);
        while (at + 1 < pos && chars::isAlpha(text[at + 1])) // on to the end of this word
            ++at;
    }
    return found;
}

std::span<const std::string_view> counterKeywords(DetectorType type)
{
    if (type == DetectorType::CreditCard) return kNotCard;
    if (type == DetectorType::Phone) return kNotPhone;
    return {};
}

} // namespace

ContextWords contextWordsBefore(std::string_view text, std::size_t pos, DetectorType type)
{
    return findKeywords(text, pos, keywords(type), counterKeywords(type));
}

bool hasCounterContextBefore(std::string_view text, std::size_t pos, DetectorType type)
{
    return findKeywords(text, pos, {}, counterKeywords(type)).opposing;
}

bool hasContextBefore(std::string_view text, std::size_t pos, DetectorType type)
{
    return findKeywords(text, pos, keywords(type), {}).supporting;
}

} // namespace hindsight::privacy
