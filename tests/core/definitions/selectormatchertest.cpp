#include "core/definitions/selector.h"
#include "tests/core/definitions/selectortesthelpers.h"

#include <gtest/gtest.h>

using namespace hindsight::definitions;
using hindsight::definitions::test::chainOf;
using hindsight::definitions::test::matchIndexOf;
using hindsight::definitions::test::selects;

namespace {
// A click on a span inside a buy button inside a form inside a section.
constexpr std::string_view kBuyClick =
    "span.label:text=\"Buy\";"
    "button.btn.btn-primary.buy:attr__type=\"submit\"attr__data-track=\"buy\""
    "nth-child=\"2\"nth-of-type=\"1\"text=\"Buy\";"
    "form:attr__id=\"checkout\"attr__method=\"post\"attr_id=\"checkout\";"
    "section.main:;"
    "body:";
} // namespace

TEST(SelectorMatcher, SubjectIsTheTargetOrAnAncestor)
{
    const auto chain = chainOf(kBuyClick);
    EXPECT_EQ(matchIndexOf("span", chain), 0);
    EXPECT_EQ(matchIndexOf("button", chain), 1);
    EXPECT_EQ(matchIndexOf("form", chain), 2);
    EXPECT_EQ(matchIndexOf("body", chain), 4);
    EXPECT_EQ(matchIndexOf("*", chain), 0);
    EXPECT_EQ(matchIndexOf("input", chain), -1);
    // the first alternative to match decides the index, whatever its place in the list
    EXPECT_EQ(matchIndexOf("form, span", chain), 0);
    EXPECT_EQ(matchIndexOf("input, form", chain), 2);
}

TEST(SelectorMatcher, ChildMeansTheVeryNextElement)
{
    const auto chain = chainOf(kBuyClick);
    EXPECT_EQ(matchIndexOf("button > span", chain), 0);
    EXPECT_EQ(matchIndexOf("form > button", chain), 1);
    EXPECT_EQ(matchIndexOf("form > span", chain), -1); // the form is the grandparent
    EXPECT_EQ(matchIndexOf("section > form > button > span", chain), 0);
    EXPECT_EQ(matchIndexOf("section > button > span", chain), -1);
    EXPECT_EQ(matchIndexOf("span > button", chain), -1); // reversed
    EXPECT_EQ(matchIndexOf("body > section", chain), 3);
    EXPECT_EQ(matchIndexOf("html > body", chain), -1); // nothing recorded above body
}

TEST(SelectorMatcher, DescendantMeansAnyAncestor)
{
    const auto chain = chainOf(kBuyClick);
    EXPECT_EQ(matchIndexOf("form span", chain), 0);
    EXPECT_EQ(matchIndexOf("section span", chain), 0);
    EXPECT_EQ(matchIndexOf("body form button", chain), 1);
    EXPECT_EQ(matchIndexOf("section form > button span", chain), 0);
    EXPECT_EQ(matchIndexOf("span form", chain), -1);
    EXPECT_EQ(matchIndexOf("form section", chain), -1);
    EXPECT_EQ(matchIndexOf("form form", chain), -1); // one form only: an element is not its own ancestor
    EXPECT_EQ(matchIndexOf("* *", chain), 0);
    EXPECT_EQ(matchIndexOf("* * * * *", chain), 0);
    EXPECT_EQ(matchIndexOf("* * * * * *", chain), -1); // five elements only
}

TEST(SelectorMatcher, ChildRunsAfterADescendantNeedTheNearestFittingPlace)
{
    // span < div < a < div < div < aside < section: "aside div > span" needs a div that is the
    // span's parent, then an aside above it.
    const auto chain = chainOf("span:;div:;a:;div:;div:;aside:;section:");
    EXPECT_EQ(matchIndexOf("aside div > span", chain), 0);
    EXPECT_EQ(matchIndexOf("aside > div > div span", chain), 0);
    EXPECT_EQ(matchIndexOf("aside > div > div > span", chain), -1);
    EXPECT_EQ(matchIndexOf("div > a > div span", chain), 0);
    EXPECT_EQ(matchIndexOf("a > div > a span", chain), -1);
    EXPECT_EQ(matchIndexOf("section > aside > div > div > a > div > span", chain), 0);
}

TEST(SelectorMatcher, ClassIsAWholeToken)
{
    const auto chain = chainOf(kBuyClick);
    EXPECT_EQ(matchIndexOf(".btn", chain), 1);
    EXPECT_EQ(matchIndexOf(".btn-primary", chain), 1);
    EXPECT_EQ(matchIndexOf(".btn.buy.btn-primary", chain), 1);
    EXPECT_EQ(matchIndexOf(".bt", chain), -1);
    EXPECT_EQ(matchIndexOf(".btn-prim", chain), -1);
    EXPECT_EQ(matchIndexOf(".BTN", chain), -1); // classes are case-sensitive
    EXPECT_FALSE(selects(".btn", "button.btn-primary:"));
    EXPECT_TRUE(selects("[class~=btn]", "button.btn.btn-primary:"));
    EXPECT_FALSE(selects("[class~=btn]", "button.btn-primary:"));
}

TEST(SelectorMatcher, UtilityClassesWithColonsAndSlashes)
{
    const auto chain = chainOf("a.flex.hover:bg-blue-500/75.w-1/2.!mt-0.max-w-[1045px]:href=\"/x\";div:");
    EXPECT_EQ(matchIndexOf(R"(.hover\:bg-blue-500\/75)", chain), 0);
    EXPECT_EQ(matchIndexOf(R"(.w-1\/2)", chain), 0);
    EXPECT_EQ(matchIndexOf(R"(a.\!mt-0.flex)", chain), 0);
    EXPECT_EQ(matchIndexOf(R"(.max-w-\[1045px\])", chain), 0);
    EXPECT_EQ(matchIndexOf(R"(div > .w-1\/2)", chain), 0);
    EXPECT_EQ(matchIndexOf(R"(.hover\:bg-blue-500)", chain), -1);
    EXPECT_EQ(matchIndexOf(R"(.w-1)", chain), -1);
}

TEST(SelectorMatcher, TypeIsCaseInsensitiveValuesAreNot)
{
    const auto chain = chainOf("button:attr__data-track=\"Buy\"attr__title=\"Hello World\"");
    EXPECT_EQ(matchIndexOf("BUTTON", chain), 0);
    EXPECT_EQ(matchIndexOf("[DATA-TRACK]", chain), 0);
    EXPECT_EQ(matchIndexOf("[data-track=Buy]", chain), 0);
    EXPECT_EQ(matchIndexOf("[data-track=buy]", chain), -1);
    EXPECT_EQ(matchIndexOf("[data-track=buy i]", chain), 0);
    EXPECT_EQ(matchIndexOf("[data-track=buy s]", chain), -1);
    EXPECT_EQ(matchIndexOf("[title*='o w' i]", chain), 0);
    EXPECT_EQ(matchIndexOf("[title*='o w']", chain), -1);
    EXPECT_EQ(matchIndexOf("[title^=HELLO i]", chain), 0);
    EXPECT_EQ(matchIndexOf("[title$=WORLD i]", chain), 0);
    EXPECT_EQ(matchIndexOf("[title~=world i]", chain), 0);
}

TEST(SelectorMatcher, AttributeOperators)
{
    const auto chain = chainOf("a:href=\"https://shop.example/orders/17\"attr__lang=\"en-GB\""
                               "attr__rel=\"noopener  nofollow\"attr__data-empty=\"\"");
    struct Case
    {
        const char *selector;
        bool matches;
    };
    const Case cases[] = {
        {"[href]", true},
        {"[href='https://shop.example/orders/17']", true},
        {"[href='https://shop.example/orders/']", false},
        {"[href^='https://']", true},
        {"[href^='http://']", false},
        {"[href$='/17']", true},
        {"[href$='/1']", false},
        {"[href*='/orders/']", true},
        {"[href*='/order/']", false},
        {"[lang|=en]", true},
        {"[lang|=en-GB]", true},
        {"[lang|=e]", false},
        {"[lang|=GB]", false},
        {"[rel~=nofollow]", true},
        {"[rel~=noopener]", true},
        {"[rel~=follow]", false},
        {"[rel~='noopener nofollow']", false}, // a value with whitespace is never a single word
        {"[data-empty]", true},
        {"[data-empty='']", true},
        // CSS: an empty value for ^= $= *= ~= represents nothing and never matches
        {"[data-empty^='']", false},
        {"[href^='']", false},
        {"[href$='']", false},
        {"[href*='']", false},
        {"[rel~='']", false},
        {"[data-missing]", false},
        {"[data-missing='']", false},
        {"[data-missing|='']", false},
    };
    for (const auto &c : cases)
        EXPECT_EQ(matchIndexOf(c.selector, chain) == 0, c.matches) << c.selector;
}

TEST(SelectorMatcher, IdClassAndHrefReadTheirFields)
{
    const auto chain = chainOf("a.nav.active:attr_id=\"home\"href=\"/home\"");
    EXPECT_EQ(matchIndexOf("#home", chain), 0);
    EXPECT_EQ(matchIndexOf("[id=home]", chain), 0);
    EXPECT_EQ(matchIndexOf("[id]", chain), 0);
    EXPECT_EQ(matchIndexOf("#Home", chain), -1);
    EXPECT_EQ(matchIndexOf("#home#home", chain), 0);
    EXPECT_EQ(matchIndexOf("#home#other", chain), -1);
    EXPECT_EQ(matchIndexOf("[class='active nav']", chain), 0); // the sorted list joined by spaces
    EXPECT_EQ(matchIndexOf("[class^='active n']", chain), 0);
    EXPECT_EQ(matchIndexOf("[class$=nav]", chain), 0);
    EXPECT_EQ(matchIndexOf("[class*='e n']", chain), 0);
    EXPECT_EQ(matchIndexOf("[class]", chain), 0);
    EXPECT_EQ(matchIndexOf("[href='/home']", chain), 0);
    EXPECT_EQ(matchIndexOf("a[href]", chain), 0);

    // without those fields the attributes of the same name answer
    const auto attrs = chainOf("div:attr__class=\"card  wide\"attr__href=\"/x\"");
    EXPECT_EQ(matchIndexOf(".card.wide", attrs), 0);
    EXPECT_EQ(matchIndexOf("[class~=wide]", attrs), 0);
    EXPECT_EQ(matchIndexOf("[class='card  wide']", attrs), 0);
    EXPECT_EQ(matchIndexOf("[href='/x']", attrs), 0);

    const auto bare = chainOf("div:");
    EXPECT_EQ(matchIndexOf("[id]", bare), -1);
    EXPECT_EQ(matchIndexOf("[class]", bare), -1);
    EXPECT_EQ(matchIndexOf("[href]", bare), -1);
    EXPECT_EQ(matchIndexOf("[class='']", bare), -1);
}

TEST(SelectorMatcher, NthChildAndNthOfType)
{
    const auto chain =
        chainOf("li:nth-child=\"5\"nth-of-type=\"3\";ul:nth-child=\"1\"nth-of-type=\"1\";div:");
    EXPECT_EQ(matchIndexOf("li:nth-child(5)", chain), 0);
    EXPECT_EQ(matchIndexOf("li:nth-child(3)", chain), -1);
    EXPECT_EQ(matchIndexOf("li:nth-of-type(3)", chain), 0);
    EXPECT_EQ(matchIndexOf("li:nth-child(odd)", chain), 0);
    EXPECT_EQ(matchIndexOf("li:nth-child(even)", chain), -1);
    EXPECT_EQ(matchIndexOf("li:nth-child(2n+1)", chain), 0);
    EXPECT_EQ(matchIndexOf("li:nth-child(4n+1)", chain), 0);
    EXPECT_EQ(matchIndexOf("li:nth-child(3n+1)", chain), -1);
    EXPECT_EQ(matchIndexOf("li:nth-child(-n+5)", chain), 0); // the first five
    EXPECT_EQ(matchIndexOf("li:nth-child(-n+4)", chain), -1);
    EXPECT_EQ(matchIndexOf("li:nth-child(n+5)", chain), 0); // from the fifth on
    EXPECT_EQ(matchIndexOf("li:nth-child(n+6)", chain), -1);
    EXPECT_EQ(matchIndexOf("li:nth-child(n)", chain), 0);
    EXPECT_EQ(matchIndexOf("li:nth-child(0n+5)", chain), 0);
    EXPECT_EQ(matchIndexOf("li:nth-child(-2n+9)", chain), 0); // 9, 7, 5, ...
    EXPECT_EQ(matchIndexOf("li:nth-child(-2n+8)", chain), -1);
    EXPECT_EQ(matchIndexOf("li:nth-child(-1)", chain), -1);
    EXPECT_EQ(matchIndexOf("ul:first-child > li:nth-child(5):nth-of-type(3)", chain), 0);
    EXPECT_EQ(matchIndexOf(":first-of-type", chain), 1);
    // an unknown position (div records none) never matches, not even n
    EXPECT_EQ(matchIndexOf("div:nth-child(n)", chain), -1);
    EXPECT_EQ(matchIndexOf("div:nth-child(0)", chain), -1);
}

TEST(SelectorMatcher, ElementWithoutTagOnlyMatchesUniversal)
{
    const auto chain = chainOf(".x:;div:");
    EXPECT_EQ(matchIndexOf("*", chain), 0);
    EXPECT_EQ(matchIndexOf(".x", chain), 0);
    EXPECT_EQ(matchIndexOf("div > .x", chain), 0);
    EXPECT_EQ(matchIndexOf("div > *", chain), 0);
    EXPECT_EQ(matchIndexOf("span", chain), -1);
}

TEST(SelectorMatcher, EmptyChainNeverMatches)
{
    const hindsight::model::ElementChain empty;
    EXPECT_EQ(matchIndexOf("*", empty), -1);
    auto s = Selector::parse("*");
    ASSERT_TRUE(s);
    EXPECT_FALSE(s->matchesAt(empty, 0));
    EXPECT_FALSE(s->matchesAt(chainOf("div:"), 1));
}

TEST(SelectorMatcher, LongChainsStayFast)
{
    // 400 nested divs: with plain backtracking "div div div div div span" would try C(400,5)
    // placements for every subject; the nearest-place rule makes it a linear scan.
    std::string text = "div:";
    for (int i = 0; i < 399; ++i)
        text += ";div:";
    const auto chain = chainOf(text);
    ASSERT_EQ(chain.size(), 400u);
    EXPECT_EQ(matchIndexOf("section div div div div div", chain), -1);
    EXPECT_EQ(matchIndexOf("div div div div div span", chain), -1);
    EXPECT_EQ(matchIndexOf("div div div div div div", chain), 0);
    EXPECT_EQ(matchIndexOf("div > div div > div div", chain), 0);
}

TEST(SelectorMatcher, SelectorKeepsItsTextAndCanonicalForm)
{
    auto s = Selector::parse("FORM  >  .hover\\:bg-blue-500\\/75");
    ASSERT_TRUE(s);
    EXPECT_EQ(s->text(), "FORM  >  .hover\\:bg-blue-500\\/75");
    EXPECT_EQ(s->canonicalText(), "form > .hover\\:bg-blue-500\\/75");
    SelectorError error;
    EXPECT_FALSE(Selector::parse("a:hover", &error));
    EXPECT_EQ(error.position, 1u);
}
