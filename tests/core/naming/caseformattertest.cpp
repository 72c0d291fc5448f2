#include "core/naming/caseformatter.h"

#include "core/naming/acronymlist.h"
#include "core/naming/casing.h"

#include <gtest/gtest.h>

using namespace hindsight::naming;
using Words = std::vector<std::string>;

namespace {

std::string join(const Words &words, Casing casing)
{
    static const AcronymList acronyms;
    return CaseFormatter(acronyms).join(words, casing);
}

} // namespace

TEST(Casing, EveryCasingFromTheSameWords)
{
    const Words words{"submit", "purchase", "form"};
    EXPECT_EQ(join(words, Casing::Title), "Submit Purchase Form");
    EXPECT_EQ(join(words, Casing::Sentence), "Submit purchase form");
    EXPECT_EQ(join(words, Casing::Lower), "submit purchase form");
    EXPECT_EQ(join(words, Casing::Upper), "SUBMIT PURCHASE FORM");
    EXPECT_EQ(join(words, Casing::Snake), "submit_purchase_form");
    EXPECT_EQ(join(words, Casing::Camel), "submitPurchaseForm");
    EXPECT_EQ(join(words, Casing::Pascal), "SubmitPurchaseForm");
    EXPECT_EQ(join(words, Casing::Kebab), "submit-purchase-form");
}

TEST(Casing, AcronymsKeepTheirSpelling)
{
    EXPECT_EQ(join({"copy", "url"}, Casing::Title), "Copy URL");
    EXPECT_EQ(join({"ios", "app", "opened"}, Casing::Title), "iOS App Opened");
    EXPECT_EQ(join({"IOS", "APP", "OPENED"}, Casing::Title), "iOS App Opened");
    EXPECT_EQ(join({"download", "pdf"}, Casing::Sentence), "Download PDF");
    EXPECT_EQ(join({"2fa", "enabled"}, Casing::Title), "2FA Enabled");
    EXPECT_EQ(join({"faqs", "viewed"}, Casing::Title), "FAQs Viewed");
    EXPECT_EQ(join({"user", "id", "copied"}, Casing::Title), "User ID Copied");
    // All-lower and all-upper casings win over the acronym's spelling.
    EXPECT_EQ(join({"iOS", "App"}, Casing::Snake), "ios_app");
    EXPECT_EQ(join({"iOS", "App"}, Casing::Upper), "IOS APP");
    // Inside camelCase and PascalCase an acronym starts with a capital; leading, it is lower case.
    EXPECT_EQ(join({"open", "ios", "app"}, Casing::Camel), "openIOSApp");
    EXPECT_EQ(join({"url", "copied"}, Casing::Camel), "urlCopied");
    EXPECT_EQ(join({"download", "pdf"}, Casing::Pascal), "DownloadPDF");
}

TEST(Casing, NumbersStayAsWritten)
{
    EXPECT_EQ(join({"step", "2", "completed"}, Casing::Title), "Step 2 Completed");
    EXPECT_EQ(join({"3RD", "step"}, Casing::Title), "3rd Step");
    EXPECT_EQ(join({"checkout", "v2"}, Casing::Title), "Checkout V2");
    EXPECT_EQ(join({"step", "2", "completed"}, Casing::Camel), "step2Completed");
}

TEST(Casing, TitleCaseShortWords)
{
    const AcronymList acronyms;
    const CaseFormatter formatter(acronyms);
    EXPECT_EQ(join({"product", "added", "to", "cart"}, Casing::Title), "Product Added to Cart");
    // Either spelling of a short word in the middle fits; at the start it is capitalised.
    EXPECT_TRUE(formatter.fits("to", Casing::Title, 2, 4));
    EXPECT_TRUE(formatter.fits("To", Casing::Title, 2, 4));
    EXPECT_FALSE(formatter.fits("to", Casing::Title, 0, 4));
    // The particle of "Log In" is capitalised when asked.
    EXPECT_EQ(formatter.format("in", Casing::Title, 1, 3, true), "In");
    EXPECT_EQ(formatter.format("in", Casing::Title, 1, 3, false), "in");
}

TEST(Casing, NonAsciiLetters)
{
    EXPECT_EQ(join({"überweisung", "gesendet"}, Casing::Title), "Überweisung Gesendet");
    EXPECT_EQ(join({"CAFÉ", "ORDERED"}, Casing::Sentence), "Café ordered");
    // Case is mapped letter by letter, so "ß" keeps its one-letter form.
    EXPECT_EQ(join({"straße"}, Casing::Upper), "STRAßE");
}

TEST(Casing, FitsJudgesEachWord)
{
    const AcronymList acronyms;
    const CaseFormatter formatter(acronyms);
    EXPECT_TRUE(formatter.fits("Order", Casing::Title, 0, 2));
    EXPECT_FALSE(formatter.fits("order", Casing::Title, 0, 2));
    EXPECT_FALSE(formatter.fits("ORDER", Casing::Title, 0, 2));
    EXPECT_FALSE(formatter.fits("Url", Casing::Title, 1, 2));
    EXPECT_TRUE(formatter.fits("URL", Casing::Title, 1, 2));
    EXPECT_TRUE(formatter.fits("order", Casing::Snake, 0, 2));
    EXPECT_FALSE(formatter.fits("Order", Casing::Snake, 0, 2));
    EXPECT_TRUE(formatter.fits("completed", Casing::Sentence, 1, 2));
    EXPECT_FALSE(formatter.fits("Completed", Casing::Sentence, 1, 2));
    EXPECT_TRUE(formatter.fits("Café", Casing::Title, 0, 1));
    EXPECT_FALSE(formatter.fits("café", Casing::Title, 0, 1));
}

TEST(Casing, NamesRoundTrip)
{
    for (Casing casing : allCasings()) {
        const auto parsed = parseCasing(casingName(casing));
        ASSERT_TRUE(parsed) << casingName(casing);
        EXPECT_EQ(*parsed, casing);
    }
    EXPECT_EQ(parseCasing("title"), Casing::Title);
    EXPECT_EQ(parseCasing("SNAKE"), Casing::Snake);
    EXPECT_EQ(parseCasing("lowerCamelCase"), Casing::Camel);
    EXPECT_EQ(parseCasing("kebab case"), Casing::Kebab);
    EXPECT_FALSE(parseCasing("Titel Case"));
    EXPECT_FALSE(parseCasing(""));
    EXPECT_EQ(casingJoiner(Casing::Snake), "_");
    EXPECT_EQ(casingJoiner(Casing::Pascal), "");
    EXPECT_EQ(casingJoiner(Casing::Sentence), " ");
}
