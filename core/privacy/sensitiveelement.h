#pragma once

#include "core/model/element.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hindsight::privacy {

/// What a form field is for, judged from its markup.
enum class SensitiveKind {
    Password,
    Card,
    Ssn,
    Email,
    Phone,
};

/// "password", "card", "ssn", "email", "phone".
std::string_view toString(SensitiveKind kind);

/// Why an element was judged sensitive.
struct SensitiveMatch
{
    SensitiveKind kind = SensitiveKind::Password;
    /// The attributes that gave it away, as `name=value` (`type=password`,
    /// `autocomplete=cc-number`, `name=cardnumber`), in the order type, autocomplete, name, id.
    std::vector<std::string> reasons;
};

/// Whether `element` is a form field (`input`, `textarea`, `select`) that takes a password,
/// card data, a social security number, an e-mail address or a phone number, judged from its
/// `type` (password, email, tel), its `autocomplete` tokens (current-password, new-password,
/// one-time-code, cc-*, email, tel*) and words in its `name` and `id` (password, passwd, pwd,
/// card number, cc-number, cvc, cvv, ssn, social security, email, phone, mobile, tel).
/// When several kinds match, the first of password, card, ssn, email, phone wins (a field typed
/// `email` but named `password` is a password field). Inputs of type hidden, submit, button,
/// checkbox, radio, image and reset are never sensitive.
std::optional<SensitiveMatch> classifySensitiveElement(const model::Element &element);

/// A short description of an element without its text: tag, `#id` (or, when it has no id,
/// `.class` for each class), then `[type=…]`, `[name=…]`, `[autocomplete=…]` when present, e.g.
/// `input#cc-number[type=text][name=cardnumber][autocomplete=cc-number]`.
/// Personal data found in it is masked.
std::string describeElement(const model::Element &element);

} // namespace hindsight::privacy
