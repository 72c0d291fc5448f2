#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace hindsight::naming {

/// How the words of a name (or of one segment of it) are written and joined.
enum class Casing {
    Title,    ///< "Submit Purchase Form" (short function words may stay lower case)
    Sentence, ///< "Submit purchase form"
    Lower,    ///< "submit purchase form"
    Upper,    ///< "SUBMIT PURCHASE FORM"
    Snake,    ///< "submit_purchase_form"
    Camel,    ///< "submitPurchaseForm"
    Pascal,   ///< "SubmitPurchaseForm"
    Kebab,    ///< "submit-purchase-form"
};

/// Display name, also the spelling written to JSON: "Title Case", "Sentence case", "lower case",
/// "UPPER CASE", "snake_case", "camelCase", "PascalCase", "kebab-case".
std::string_view casingName(Casing casing);

/// Reads a casing name. Accepts the display names and short forms ("title", "snake", "camel",
/// "lowerCamelCase", ...), ignoring case, spaces, '-' and '_'.
std::optional<Casing> parseCasing(std::string_view text);

/// What joins two words in this casing: " ", "_", "-" or "" (camelCase and PascalCase).
std::string_view casingJoiner(Casing casing);

/// Every casing, in declaration order.
const std::vector<Casing> &allCasings();

} // namespace hindsight::naming
