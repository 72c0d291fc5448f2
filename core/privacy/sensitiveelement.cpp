#include "core/privacy/sensitiveelement.h"

#include "core/privacy/detector.h"
#include "core/privacy/fieldscan.h"
#include "core/privacy/masking.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace hindsight::privacy {

namespace {

char lower(char c)
{
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

bool isAlnum(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

/// Lower-case words of an identifier: split at non-alphanumerics and at lower->upper case
/// changes (`loginPassword` -> login, password; `cc-number` -> cc, number).
std::vector<std::string> words(std::string_view text)
{
    std::vector<std::string> out;
    std::string word;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (!isAlnum(c)) {
            if (!word.empty()) out.push_back(std::move(word));
            word.clear();
            continue;
        }
        if (!word.empty() && std::isupper(static_cast<unsigned char>(c)) &&
            std::islower(static_cast<unsigned char>(text[i - 1]))) {
            out.push_back(std::move(word));
            word.clear();
        }
        word += lower(c);
    }
    if (!word.empty()) out.push_back(std::move(word));
    return out;
}

bool hasWord(const std::vector<std::string> &ws, std::initializer_list<std::string_view> any)
{
    return std::any_of(ws.begin(), ws.end(), [&](const std::string &w) {
        return std::find(any.begin(), any.end(), std::string_view(w)) != any.end();
    });
}

bool contains(std::string_view haystack, std::initializer_list<std::string_view> any)
{
    return std::any_of(any.begin(), any.end(), [&](std::string_view needle) {
        return haystack.find(needle) != std::string_view::npos;
    });
}

/// The kind an identifier (a name or id attribute) names, if any.
std::optional<SensitiveKind> kindOfIdentifier(std::string_view text)
{
    const std::vector<std::string> ws = words(text);
    std::string joined;
    for (const std::string &w : ws)
        joined += w;
    if (hasWord(ws, {"password", "passwd", "pwd", "passcode", "passphrase"}) ||
        contains(joined, {"password", "passwd"}))
        return SensitiveKind::Password;
    if (hasWord(ws, {"cc", "cvc", "cvv", "cvv2", "cvc2", "csc", "ccv", "card", "cardnumber", "cardno",
                     "creditcard", "cardholder", "ccnumber", "ccnum"}) ||
        contains(joined, {"cardnumber", "creditcard", "ccnumber", "cardnum", "cardholder", "cardexp"}))
        return SensitiveKind::Card;
    if (hasWord(ws, {"ssn", "socialsecurity", "ssnumber"}) || contains(joined, {"socialsecurity"}))
        return SensitiveKind::Ssn;
    if (hasWord(ws, {"email", "mail", "emailaddress"}) || contains(joined, {"email"}))
        return SensitiveKind::Email;
    if (hasWord(ws, {"phone", "tel", "telephone", "mobile", "cell", "cellphone", "msisdn", "phonenumber"}) ||
        contains(joined, {"phone"}))
        return SensitiveKind::Phone;
    return std::nullopt;
}

std::optional<SensitiveKind> kindOfType(std::string_view type)
{
    std::string t;
    for (char c : type)
        t += lower(c);
    if (t == "password") return SensitiveKind::Password;
    if (t == "email") return SensitiveKind::Email;
    if (t == "tel") return SensitiveKind::Phone;
    return std::nullopt;
}

std::optional<SensitiveKind> kindOfAutocomplete(std::string_view value)
{
    std::optional<SensitiveKind> best;
    std::string token;
    auto judge = [&](const std::string &t) {
        std::optional<SensitiveKind> k;
        if (t == "current-password" || t == "new-password" || t == "one-time-code")
            k = SensitiveKind::Password;
        else if (t.rfind("cc-", 0) == 0)
            k = SensitiveKind::Card;
        else if (t == "email")
            k = SensitiveKind::Email;
        else if (t == "tel" || t.rfind("tel-", 0) == 0)
            k = SensitiveKind::Phone;
        if (k && (!best || *k < *best)) best = k;
    };
    for (char c : value) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            if (!token.empty()) judge(token);
            token.clear();
        } else {
            token += lower(c);
        }
    }
    if (!token.empty()) judge(token);
    return best;
}

const std::string *attributeValue(const model::Element &e, std::string_view name)
{
    for (const auto &[n, v] : e.attributes)
        if (n.size() == name.size() &&
            std::equal(n.begin(), n.end(), name.begin(), [](char a, char b) { return lower(a) == lower(b); }))
            return &v;
    return nullptr;
}

std::string masked(std::string_view text)
{
    const std::vector<Finding> found = detect(text);
    return found.empty() ? std::string(text) : maskExample(text, found);
}

} // namespace

std::string_view toString(SensitiveKind kind)
{
    switch (kind) {
    case SensitiveKind::Password:
        return "password";
    case SensitiveKind::Card:
        return "card";
    case SensitiveKind::Ssn:
        return "ssn";
    case SensitiveKind::Email:
        return "email";
    case SensitiveKind::Phone:
        return "phone";
    }
    return "password";
}

std::optional<SensitiveMatch> classifySensitiveElement(const model::Element &element)
{
    if (element.tag != "input" && element.tag != "textarea" && element.tag != "select") return std::nullopt;
    const std::string *type = attributeValue(element, "type");
    if (type) {
        std::string t;
        for (char c : *type)
            t += lower(c);
        static constexpr std::array<std::string_view, 7> kNeverSensitive = {
            "hidden", "submit", "button", "checkbox", "radio", "image", "reset"};
        if (std::find(kNeverSensitive.begin(), kNeverSensitive.end(), t) != kNeverSensitive.end())
            return std::nullopt;
    }
    struct Clue
    {
        SensitiveKind kind;
        std::string reason;
    };
    std::vector<Clue> clues;
    auto consider = [&](std::string_view name, const std::string *value, std::optional<SensitiveKind> kind) {
        if (value && kind) clues.push_back({*kind, std::string(name) + "=" + safeFieldName(*value)});
    };
    if (type) consider("type", type, kindOfType(*type));
    if (const std::string *ac = attributeValue(element, "autocomplete"))
        consider("autocomplete", ac, kindOfAutocomplete(*ac));
    if (const std::string *name = attributeValue(element, "name"))
        consider("name", name, kindOfIdentifier(*name));
    if (!element.id.empty()) consider("id", &element.id, kindOfIdentifier(element.id));
    if (clues.empty()) return std::nullopt;

    SensitiveMatch match;
    match.kind = std::min_element(clues.begin(), clues.end(), [](const Clue &a, const Clue &b) {
                     return a.kind < b.kind;
                 })->kind;
    for (const Clue &c : clues)
        if (c.kind == match.kind) match.reasons.push_back(c.reason);
    return match;
}

std::string describeElement(const model::Element &element)
{
    std::string out = element.tag;
    if (!element.id.empty()) out += "#" + element.id;
    if (element.id.empty())
        for (const std::string &c : element.classes)
            out += "." + c;
    for (std::string_view name : {"type", "name", "autocomplete"})
        if (const std::string *v = attributeValue(element, name)) {
            out += '[';
            out += name;
            out += '=';
            out += *v;
            out += ']';
        }
    return masked(out);
}

} // namespace hindsight::privacy
