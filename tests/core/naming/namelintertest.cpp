#include "core/naming/namelinter.h"

#include "core/naming/conventionpresets.h"

#include <gtest/gtest.h>
#include <random>

using namespace hindsight::naming;

namespace {

const NameLinter &preset(std::string_view id)
{
    static const NameLinter heap(*conventionPreset("heap"));
    static const NameLinter segment(*conventionPreset("segment"));
    static const NameLinter snake(*conventionPreset("snake_case"));
    return id == "heap" ? heap : id == "segment" ? segment : snake;
}

std::vector<std::string> rules(const NameCheck &check)
{
    std::vector<std::string> out;
    for (const Violation &violation : check.violations)
        out.emplace_back(ruleId(violation.rule));
    return out;
}

/// Checks `name` and, when there is a suggestion, that it lints clean and that every
/// violation carries it.
NameCheck checked(const NameLinter &linter, std::string_view name)
{
    NameCheck check = linter.check(name);
    for (const Violation &violation : check.violations) {
        EXPECT_FALSE(violation.message.empty()) << name;
        EXPECT_EQ(violation.suggestion, check.suggestion) << name;
    }
    if (check.suggestion) {
        const NameCheck again = linter.check(*check.suggestion);
        EXPECT_TRUE(again.clean()) << "suggestion “" << *check.suggestion << "” for “" << name
                                   << "” breaks the convention: "
                                   << (again.clean() ? "" : again.violations[0].message);
    }
    return check;
}

std::optional<std::string> suggest(std::string_view presetId, std::string_view name)
{
    return checked(preset(presetId), name).suggestion;
}

Convention customConvention()
{
    Convention convention = *conventionPreset("heap");
    convention.id = "shop";
    convention.segments[0].allowedValues = {"Cart", "Checkout", "Account", "Product Page"};
    convention.segments[1].verbs = {"click", "submit", "view", "log in"};
    return convention;
}

} // namespace

TEST(NameLinter, PresetExamplesAreClean)
{
    for (const std::string &id : conventionPresetIds()) {
        const auto convention = conventionPreset(id);
        ASSERT_TRUE(convention) << id;
        EXPECT_TRUE(convention->validate().empty()) << id;
        EXPECT_TRUE(preset(id).check(convention->example).clean()) << id << ": " << convention->example;
    }
    EXPECT_EQ(conventionPreset("heap")->pattern(), "Category - Action Object");
    EXPECT_EQ(conventionPreset("segment")->pattern(), "Object Action");
    EXPECT_EQ(conventionPreset("snake_case")->pattern(), "object_action");
    EXPECT_FALSE(conventionPreset("camel"));
}

TEST(NameLinter, TenseThroughTheIrregularTable)
{
    EXPECT_EQ(suggest("segment", "Form Submit"), "Form Submitted");
    EXPECT_EQ(suggest("segment", "Email Send"), "Email Sent");
    EXPECT_EQ(suggest("segment", "Item Buy"), "Item Bought");
    EXPECT_EQ(suggest("segment", "Log In"), "Logged In");
    EXPECT_EQ(suggest("segment", "Sign Up"), "Signed Up");
    EXPECT_EQ(suggest("segment", "Invoice Pay"), "Invoice Paid");
    EXPECT_EQ(suggest("segment", "Product View"), "Product Viewed");
    EXPECT_EQ(suggest("segment", "Item Add"), "Item Added");
    EXPECT_EQ(suggest("segment", "Video Stop"), "Video Stopped");
    EXPECT_EQ(suggest("segment", "Coupon Apply"), "Coupon Applied");
    EXPECT_EQ(suggest("segment", "Review Wrote"), "Review Written");
    EXPECT_EQ(suggest("segment", "Order Shipping"), "Order Shipped");
    EXPECT_EQ(suggest("snake_case", "email_send"), "email_sent");
    EXPECT_EQ(suggest("heap", "Cart - Submitted Purchase Form"), "Cart - Submit Purchase Form");
    EXPECT_EQ(suggest("heap", "Account - Logged In"), "Account - Log In");
    EXPECT_EQ(suggest("heap", "Checkout - Paid Invoice"), "Checkout - Pay Invoice");
    EXPECT_EQ(suggest("heap", "Home - Clicking Sign Up"), "Home - Click Sign Up");

    const NameCheck check = preset("segment").check("Email Send");
    ASSERT_EQ(rules(check), std::vector<std::string>{"verb-tense"});
    EXPECT_NE(check.violations[0].message.find("“Sent”"), std::string::npos) << check.violations[0].message;
}

TEST(NameLinter, SwapsActionAndObject)
{
    EXPECT_EQ(suggest("segment", "Clicked Button"), "Button Clicked");
    EXPECT_EQ(suggest("heap", "Home - Button Click"), "Home - Click Button");
    EXPECT_EQ(suggest("segment", "Complete Order"), "Order Completed");
    EXPECT_EQ(suggest("segment", "Add Product to Wishlist"), "Product Added to Wishlist");
    EXPECT_EQ(suggest("heap", "Wishlist - Product Added to Wishlist"), "Wishlist - Add Product to Wishlist");
    EXPECT_EQ(suggest("heap", "Auth - Log In Clicked"), "Auth - Click Log In");
    EXPECT_EQ(suggest("snake_case", "completed_order"), "order_completed");
    EXPECT_EQ(rules(preset("segment").check("Clicked Button")), std::vector<std::string>{"word-order"});
    // Already in order, only the tense is off: no word-order complaint.
    EXPECT_EQ(rules(preset("segment").check("Button Click")), std::vector<std::string>{"verb-tense"});
}

TEST(NameLinter, RecasesAndFixesSeparators)
{
    EXPECT_EQ(suggest("segment", "sign_up_clicked"), "Sign Up Clicked");
    EXPECT_EQ(suggest("segment", "signUpClicked"), "Sign Up Clicked");
    EXPECT_EQ(suggest("segment", "Sign-Up Clicked"), "Sign Up Clicked");
    EXPECT_EQ(suggest("snake_case", "Sign Up Clicked"), "sign_up_clicked");
    EXPECT_EQ(suggest("snake_case", "HTMLParserLoaded"), "html_parser_loaded");
    EXPECT_EQ(suggest("heap", "cart - submit purchase form"), "Cart - Submit Purchase Form");
    EXPECT_EQ(suggest("heap", "Cart: Submit Purchase Form"), "Cart - Submit Purchase Form");
    EXPECT_EQ(suggest("heap", "Cart – Submit Purchase Form"), "Cart - Submit Purchase Form");
    EXPECT_EQ(suggest("heap", "Cart-Submit Purchase Form"), "Cart - Submit Purchase Form");
    EXPECT_EQ(suggest("heap", "Cart Submit Purchase Form"), "Cart - Submit Purchase Form");
    EXPECT_EQ(suggest("segment", "Copy Url"), "URL Copied");
    EXPECT_EQ(suggest("segment", "ios app opened"), "iOS App Opened");

    const NameCheck snake = preset("segment").check("sign_up_clicked");
    ASSERT_EQ(rules(snake), std::vector<std::string>{"casing"});
    EXPECT_NE(snake.violations[0].message.find("snake_case"), std::string::npos);
    EXPECT_EQ(rules(preset("segment").check("Sign-Up Clicked")), std::vector<std::string>{"separator"});
    EXPECT_EQ(rules(preset("heap").check("Cart: Submit Purchase Form")),
              std::vector<std::string>{"separator"});
}

TEST(NameLinter, WhiteSpace)
{
    const NameCheck check = checked(preset("segment"), "  stray  spaces ");
    EXPECT_TRUE(check.has(Rule::Whitespace));
    EXPECT_FALSE(check.suggestion); // "spaces" is no verb: nothing to suggest
    EXPECT_EQ(suggest("segment", " Order  Completed\t"), "Order Completed");
    EXPECT_EQ(rules(preset("segment").check("Order\u00A0Completed")), std::vector<std::string>{"whitespace"});
    EXPECT_EQ(rules(preset("heap").check("")), std::vector<std::string>{"empty"});
    EXPECT_EQ(rules(preset("heap").check(" \t ")), std::vector<std::string>{"empty"});
}

TEST(NameLinter, CharactersAreReportedNeverFatal)
{
    NameCheck check = checked(preset("segment"), "Order Completed 🎉");
    ASSERT_EQ(rules(check), std::vector<std::string>{"characters"});
    EXPECT_NE(check.violations[0].message.find("U+1F389"), std::string::npos) << check.violations[0].message;
    EXPECT_EQ(check.suggestion, "Order Completed");

    EXPECT_EQ(suggest("segment", "Order🎉Completed"), "Order Completed");
    EXPECT_EQ(suggest("segment", "Button Click (old)"), "Button Clicked");
    EXPECT_EQ(suggest("segment", "Save & Continue Clicked"), "Save and Continue Clicked");
    EXPECT_EQ(suggest("segment", "Order\u200BCompleted"), "Order Completed");
    EXPECT_TRUE(preset("segment").check("Café Ordered").clean());
    EXPECT_EQ(suggest("snake_case", "Café Ordered"), "cafe_ordered");
    EXPECT_EQ(suggest("snake_case", "Straße Viewed"), "strasse_viewed");

    check = checked(preset("segment"), "Überweisung Gesendet");
    EXPECT_EQ(rules(check), std::vector<std::string>{"unknown-verb"});
    check = checked(preset("snake_case"), "注文完了");
    EXPECT_TRUE(check.has(Rule::Characters));
    EXPECT_FALSE(check.suggestion);
    check = checked(preset("heap"), "🎉🎉🎉");
    EXPECT_FALSE(check.clean());
}

TEST(NameLinter, AcronymsAndNumbers)
{
    EXPECT_TRUE(preset("segment").check("iOS App Opened").clean());
    EXPECT_TRUE(preset("segment").check("2FA Enabled").clean());
    EXPECT_TRUE(preset("segment").check("Step 2 Completed").clean());
    EXPECT_TRUE(preset("segment").check("Checkout V2 Viewed").clean());
    EXPECT_TRUE(preset("segment").check("FAQs Viewed").clean());
    EXPECT_TRUE(preset("snake_case").check("2fa_enabled").clean());
    EXPECT_EQ(suggest("segment", "Step2Completed"), "Step 2 Completed");
    EXPECT_EQ(suggest("segment", "enable_2fa"), "2FA Enabled");
    EXPECT_EQ(suggest("segment", "User Id Copied"), "User ID Copied");
    EXPECT_EQ(suggest("segment", "IOS App Opened"), "iOS App Opened");
}

TEST(NameLinter, BlockedWordsAreDroppedFromTheSuggestion)
{
    NameCheck check = checked(preset("segment"), "Test Order Completed");
    EXPECT_EQ(rules(check), std::vector<std::string>{"blocked-word"});
    EXPECT_EQ(check.suggestion, "Order Completed");
    check = checked(preset("segment"), "Untitled Event");
    EXPECT_TRUE(check.has(Rule::BlockedWord));
    EXPECT_FALSE(check.suggestion);
}

TEST(NameLinter, SegmentCountAndUnknownVerb)
{
    NameCheck check = checked(preset("heap"), "Order Completed");
    EXPECT_EQ(rules(check), std::vector<std::string>{"segment-count"});
    EXPECT_FALSE(check.suggestion);
    check = checked(preset("heap"), "Cart - Checkout - Submit Form");
    EXPECT_EQ(rules(check), std::vector<std::string>{"segment-count"});
    check = checked(preset("heap"), "Cart - Frobnicate Widget");
    EXPECT_EQ(rules(check), std::vector<std::string>{"unknown-verb"});
    EXPECT_NE(check.violations[0].message.find("“Click”"), std::string::npos) << check.violations[0].message;
    check = checked(preset("segment"), "Checkout");
    EXPECT_EQ(rules(check), std::vector<std::string>{"unknown-verb"});
    // An unknown verb that looks like a past participle is accepted, but cannot be conjugated.
    EXPECT_TRUE(preset("segment").check("Widget Frobnicated").clean());
    check = checked(preset("heap"), "Widgets - Frobnicated Widget");
    EXPECT_EQ(rules(check), std::vector<std::string>{"verb-tense"});
    EXPECT_FALSE(check.suggestion);
}

TEST(NameLinter, MaxLength)
{
    const std::string longName =
        "Checkout Confirmation Page Primary Call To Action Button Below The Fold On Small "
        "Screens Clicked";
    const NameCheck check = checked(preset("segment"), longName);
    EXPECT_EQ(rules(check), std::vector<std::string>{"max-length"});
    EXPECT_FALSE(check.suggestion);
}

TEST(NameLinter, AllowedValuesWithNearMisses)
{
    const NameLinter linter(customConvention());
    EXPECT_TRUE(checked(linter, "Cart - Submit Form").clean());
    EXPECT_TRUE(checked(linter, "Product Page - View Reviews").clean());
    NameCheck check = checked(linter, "Chekout - Submit Form");
    EXPECT_EQ(rules(check), std::vector<std::string>{"allowed-value"});
    EXPECT_EQ(check.suggestion, "Checkout - Submit Form");
    check = checked(linter, "cart - Submit Form");
    EXPECT_EQ(rules(check), std::vector<std::string>{"casing"});
    EXPECT_EQ(check.suggestion, "Cart - Submit Form");
    check = checked(linter, "Homepage - Submit Form");
    EXPECT_EQ(rules(check), std::vector<std::string>{"allowed-value"});
    EXPECT_FALSE(check.suggestion);
    EXPECT_NE(check.violations[0].message.find("Cart, Checkout, Account, Product Page"), std::string::npos);
    // The category list also finds a missing separator.
    EXPECT_EQ(checked(linter, "Product Page Submit Form").suggestion, "Product Page - Submit Form");
}

TEST(NameLinter, AllowedVerbsSuggestASynonym)
{
    const NameLinter linter(customConvention());
    NameCheck check = checked(linter, "Cart - Tap Button");
    EXPECT_EQ(rules(check), std::vector<std::string>{"unknown-verb"});
    EXPECT_EQ(check.suggestion, "Cart - Click Button");
    check = checked(linter, "Cart - Signed In");
    EXPECT_EQ(check.suggestion, "Cart - Log In");
    check = checked(linter, "Cart - Download Receipt");
    EXPECT_TRUE(check.has(Rule::UnknownVerb));
    EXPECT_FALSE(check.suggestion);
}

TEST(NameLinter, OtherCasingsAndTaughtVerbs)
{
    Convention camel;
    camel.id = "camel";
    camel.acronyms = AcronymList::defaults();
    Segment object;
    object.role = SegmentRole::Object;
    object.casing = Casing::Camel;
    Segment action;
    action.role = SegmentRole::Action;
    action.casing = Casing::Camel;
    action.separator = "";
    action.tense = Tense::Past;
    action.verbs = {"click", "view", "frobnicate/frobnicated"};
    camel.segments = {object, action};
    ASSERT_TRUE(camel.validate().empty());
    const NameLinter linter(camel);
    EXPECT_TRUE(checked(linter, "buttonClicked").clean());
    EXPECT_TRUE(checked(linter, "widgetFrobnicated").clean());
    EXPECT_EQ(checked(linter, "Button Clicked").suggestion, "buttonClicked");
    EXPECT_EQ(checked(linter, "view_ios_app").suggestion, "iosAppViewed");
    EXPECT_EQ(checked(linter, "widget_frobnicate").suggestion, "widgetFrobnicated");
    EXPECT_EQ(camel.pattern(), "objectAction");

    Convention sentence = *conventionPreset("segment");
    for (Segment &segment : sentence.segments)
        segment.casing = Casing::Sentence;
    const NameLinter sentenceLinter(sentence);
    EXPECT_TRUE(checked(sentenceLinter, "Order completed").clean());
    EXPECT_TRUE(checked(sentenceLinter, "PDF downloaded").clean());
    EXPECT_EQ(checked(sentenceLinter, "Order Completed").suggestion, "Order completed");
}

TEST(NameLinter, InvalidConventionThrows)
{
    Convention broken = *conventionPreset("heap");
    broken.segments[1].separator = " ";
    EXPECT_THROW(NameLinter{broken}, std::invalid_argument);
    Convention empty;
    EXPECT_THROW(NameLinter{empty}, std::invalid_argument);
}

TEST(NameLinter, ReportsTheWordsItRead)
{
    EXPECT_EQ(preset("segment").check("signUpClicked").words,
              (std::vector<std::string>{"sign", "Up", "Clicked"}));
}

// Any text at all: no crash, no exception, and a suggestion is always clean.
TEST(NameLinter, RandomInputNeverBreaksIt)
{
    const std::vector<std::string> pieces = {
        "Order", "completed", "CLICK", "Tap", "sign", "Up",    "_",    "-",    " - ",  " ",
        "  ",    "\t",        "🎉",     "é",   "Ü",    "ß",     "2",    "V2",   "iOS",  "url",
        "PDF",   ":",         ".",     "(",   ")",    "'",     "to",   "Test", "注文", "\xC3",
        "\xFF",  "\u200B",    "Log",   "In",  "With", "Added", "Cart", "&",    "2FA",  "x"};
    std::mt19937 rng(11);
    for (int round = 0; round < 3000; ++round) {
        std::string name;
        const std::size_t count = rng() % 8;
        for (std::size_t i = 0; i < count; ++i)
            name += pieces[rng() % pieces.size()];
        for (const std::string &id : conventionPresetIds()) {
            const NameCheck check = preset(id).check(name);
            if (check.suggestion) {
                EXPECT_TRUE(preset(id).check(*check.suggestion).clean())
                    << id << ": “" << name << "” -> “" << *check.suggestion << "”";
            }
        }
    }
}
