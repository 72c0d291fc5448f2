#include "core/naming/wordsplitter.h"

#include "core/naming/acronymlist.h"

#include <gtest/gtest.h>

using namespace hindsight::naming;
using Words = std::vector<std::string>;

namespace {

Words split(std::string_view text)
{
    static const AcronymList acronyms;
    return WordSplitter(acronyms).words(text);
}

} // namespace

TEST(WordSplitter, EveryCasingGivesTheSameWords)
{
    const Words expected{"sign", "Up", "Clicked"};
    EXPECT_EQ(split("signUpClicked"), expected);
    EXPECT_EQ(split("sign_up_clicked"), (Words{"sign", "up", "clicked"}));
    EXPECT_EQ(split("Sign-Up Clicked"), (Words{"Sign", "Up", "Clicked"}));
    EXPECT_EQ(split("SignUpClicked"), (Words{"Sign", "Up", "Clicked"}));
    EXPECT_EQ(split("SIGN_UP_CLICKED"), (Words{"SIGN", "UP", "CLICKED"}));
    EXPECT_EQ(split("sign-up-clicked"), (Words{"sign", "up", "clicked"}));
}

TEST(WordSplitter, StraySpacesAndPunctuationOnlySeparate)
{
    EXPECT_EQ(split("  stray  spaces "), (Words{"stray", "spaces"}));
    EXPECT_EQ(split("Cart - Submit:Form."), (Words{"Cart", "Submit", "Form"}));
    EXPECT_EQ(split("   "), Words{});
    EXPECT_EQ(split(""), Words{});
}

TEST(WordSplitter, UpperCaseRunsEndBeforeACapitalisedWord)
{
    EXPECT_EQ(split("HTMLParserLoaded"), (Words{"HTML", "Parser", "Loaded"}));
    EXPECT_EQ(split("XMLHttpRequest"), (Words{"XML", "Http", "Request"}));
    EXPECT_EQ(split("APIKeyCreated"), (Words{"API", "Key", "Created"}));
}

TEST(WordSplitter, NumbersAreWordsButShortTagsStayWhole)
{
    EXPECT_EQ(split("Step2Completed"), (Words{"Step", "2", "Completed"}));
    EXPECT_EQ(split("step_2_completed"), (Words{"step", "2", "completed"}));
    EXPECT_EQ(split("Checkout V2 Viewed"), (Words{"Checkout", "V2", "Viewed"}));
    EXPECT_EQ(split("3rd Step"), (Words{"3rd", "Step"}));
    EXPECT_EQ(split("Level10Reached"), (Words{"Level", "10", "Reached"}));
}

TEST(WordSplitter, ListedAcronymsStayWholeInAnyCasing)
{
    EXPECT_EQ(split("iOSAppOpened"), (Words{"iOS", "App", "Opened"}));
    EXPECT_EQ(split("openiOSApp"), (Words{"open", "iOS", "App"}));
    EXPECT_EQ(split("Enable2FA"), (Words{"Enable", "2FA"}));
    EXPECT_EQ(split("enable_2fa"), (Words{"enable", "2fa"}));
    EXPECT_EQ(split("B2BSignup"), (Words{"B2B", "Signup"}));
    EXPECT_EQ(split("URLsCopied"), (Words{"URLs", "Copied"}));
    EXPECT_EQ(split("userIdCopied"), (Words{"user", "Id", "Copied"}));
    EXPECT_EQ(split("YouTubeVideoPlayed"), (Words{"YouTube", "Video", "Played"}));
    // A listed acronym at the start of an ordinary word does not cut it.
    EXPECT_EQ(split("IdentityVerified"), (Words{"Identity", "Verified"}));
    EXPECT_EQ(split("IDEASPage"), (Words{"IDEAS", "Page"}));
}

TEST(WordSplitter, LettersOfAnyScript)
{
    EXPECT_EQ(split("Café Ordered"), (Words{"Café", "Ordered"}));
    EXPECT_EQ(split("Überweisung Gesendet"), (Words{"Überweisung", "Gesendet"}));
    EXPECT_EQ(split("überweisungGesendet"), (Words{"überweisung", "Gesendet"}));
    EXPECT_EQ(split("Заказ Оформлен"), (Words{"Заказ", "Оформлен"}));
    EXPECT_EQ(split("注文完了"), (Words{"注文完了"}));
    // A decomposed accent (e + U+0301) stays in its word.
    EXPECT_EQ(split("Cafe\u0301 Ordered"), (Words{"Cafe\u0301", "Ordered"}));
}

TEST(WordSplitter, EmojiAndSymbolsSeparateWords)
{
    EXPECT_EQ(split("Order🎉Completed"), (Words{"Order", "Completed"}));
    EXPECT_EQ(split("🛒 Add to Cart 🎉"), (Words{"Add", "to", "Cart"}));
    EXPECT_EQ(split("🎉🎉"), Words{});
    EXPECT_EQ(split("What's New"), (Words{"What's", "New"}));
}

TEST(WordSplitter, InvalidUtf8NeverCrashes)
{
    const std::string broken =
        std::string("Order") + char(0xC3) + "Completed" + char(0xFF) + char(0xE2) + char(0x82);
    const Words words = split(broken);
    ASSERT_EQ(words.size(), 2u);
    EXPECT_EQ(words[0], "Order");
    EXPECT_EQ(words[1], "Completed");
}

TEST(WordSplitter, GapsAndOffsetsRebuildTheText)
{
    const AcronymList acronyms;
    const WordSplitter splitter(acronyms);
    for (const std::string text : {"  Cart -  submitPurchaseForm 🎉", "HTMLParser", "", "a_b-c d"}) {
        const SplitText parts = splitter.split(text);
        ASSERT_EQ(parts.gaps.size(), parts.words.size() + 1) << text;
        std::string rebuilt = parts.gaps[0];
        for (std::size_t i = 0; i < parts.words.size(); ++i) {
            EXPECT_EQ(text.substr(parts.offsets[i], parts.words[i].size()), parts.words[i]);
            rebuilt += parts.words[i] + parts.gaps[i + 1];
        }
        EXPECT_EQ(rebuilt, text);
    }
}

TEST(WordSplitter, SliceMatchesSplittingThePart)
{
    const AcronymList acronyms;
    const WordSplitter splitter(acronyms);
    const std::string text = "Cart - submitPurchase Form ";
    const SplitText whole = splitter.split(text);
    const SplitText part = WordSplitter::slice(whole, text, 7, text.size());
    const SplitText direct = splitter.split(text.substr(7));
    EXPECT_EQ(part.words, direct.words);
    EXPECT_EQ(part.gaps, direct.gaps);
    EXPECT_EQ(part.offsets, direct.offsets);
}

TEST(WordSplitter, CustomAcronymList)
{
    const AcronymList acronyms({"GmbH", "SKU"});
    const WordSplitter splitter(acronyms);
    EXPECT_EQ(splitter.words("GmbHRegistered"), (Words{"GmbH", "Registered"}));
    EXPECT_EQ(acronyms.canonical("skus"), "SKUs");
    EXPECT_FALSE(acronyms.canonical("url")); // not in this list
}
