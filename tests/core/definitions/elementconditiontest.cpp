#include "core/definitions/elementcondition.h"

#include "tests/core/definitions/selectortesthelpers.h"

#include <gtest/gtest.h>

using namespace hindsight::definitions;
using hindsight::definitions::test::chainOf;

namespace {

std::optional<Selector> sel(std::string_view text)
{
    auto s = Selector::parse(text);
    EXPECT_TRUE(s) << text;
    return s;
}

std::optional<TextMatcher> text(std::string pattern, TextMatchMode mode = TextMatchMode::Exact,
                                bool caseSensitive = true)
{
    auto m = TextMatcher::create(std::move(pattern), mode, caseSensitive);
    EXPECT_TRUE(m);
    return m;
}

// A click on the label span inside a buy button; both carry the text (posthog-js records the
// button's text on the button).
constexpr std::string_view kClick = R"(span.label:text="Buy";)"
                                    R"(button.btn.buy:attr__type="submit"text="Buy";)"
                                    R"(a.card:href="/products/17"text="Blue shoes Buy";)"
                                    R"(li:nth-child="3";ul:;body:)";

} // namespace

TEST(ElementCondition, SelectorAndTextMustHoldOnTheSameElement)
{
    const auto chain = chainOf(kClick);
    const ElementCondition buy(sel("button.buy"), text("Buy"), std::nullopt);
    EXPECT_TRUE(buy.matches(chain));
    EXPECT_EQ(buy.matchIndex(chain), 1);

    // the span has the text but is not button.buy; the card link is an ancestor but its text differs
    const ElementCondition cardBuy(sel("a.card"), text("Buy"), std::nullopt);
    EXPECT_EQ(cardBuy.matchIndex(chain), -1);
    const ElementCondition cardContains(sel("a.card"), text("Buy", TextMatchMode::Contains), std::nullopt);
    EXPECT_EQ(cardContains.matchIndex(chain), 2);
    // the text alone picks the nearest element carrying it
    EXPECT_EQ(ElementCondition(std::nullopt, text("Buy"), std::nullopt).matchIndex(chain), 0);
    EXPECT_EQ(ElementCondition(std::nullopt, text("buy", TextMatchMode::Exact, false), std::nullopt)
                  .matchIndex(chain),
              0);
    EXPECT_EQ(ElementCondition(std::nullopt, text("buy"), std::nullopt).matchIndex(chain), -1);
}

TEST(ElementCondition, HrefIsCheckedOnTheSameElement)
{
    const auto chain = chainOf(kClick);
    const ElementCondition link(sel("li a"), std::nullopt, text("/products/*", TextMatchMode::Wildcard));
    EXPECT_EQ(link.matchIndex(chain), 2);
    // the button has no href: selector and href cannot be split over two elements
    const ElementCondition split(sel("button"), std::nullopt, text("/products/17"));
    EXPECT_EQ(split.matchIndex(chain), -1);
    const ElementCondition all(sel("ul > li:nth-child(odd) > a"), text("shoes", TextMatchMode::Contains),
                               text("^/products/[0-9]+$", TextMatchMode::Regex));
    EXPECT_EQ(all.matchIndex(chain), 2);
    const ElementCondition wrongParent(sel("ul > a"), text("shoes", TextMatchMode::Contains), std::nullopt);
    EXPECT_EQ(wrongParent.matchIndex(chain), -1);
}

TEST(ElementCondition, MissingTextOrHrefNeverMatches)
{
    const auto chain = chainOf("div:;body:");
    EXPECT_FALSE(
        ElementCondition(std::nullopt, text("", TextMatchMode::Contains), std::nullopt).matches(chain));
    EXPECT_FALSE(
        ElementCondition(std::nullopt, text(".*", TextMatchMode::Regex), std::nullopt).matches(chain));
    EXPECT_FALSE(
        ElementCondition(std::nullopt, std::nullopt, text("*", TextMatchMode::Wildcard)).matches(chain));
}

TEST(ElementCondition, EmptyConditionMatchesTheTarget)
{
    const ElementCondition none;
    EXPECT_TRUE(none.isEmpty());
    EXPECT_EQ(none.matchIndex(chainOf("span:;div:")), 0);
    EXPECT_EQ(none.matchIndex({}), -1);
    EXPECT_FALSE(ElementCondition(sel("*"), std::nullopt, std::nullopt).isEmpty());
}

TEST(ElementCondition, MatchesAtChecksOneElement)
{
    const auto chain = chainOf(kClick);
    const ElementCondition c(sel("body *"), text("Buy"), std::nullopt);
    EXPECT_TRUE(c.matchesAt(chain, 0));
    EXPECT_TRUE(c.matchesAt(chain, 1));
    EXPECT_FALSE(c.matchesAt(chain, 2));
    EXPECT_FALSE(c.matchesAt(chain, 5));
    EXPECT_FALSE(c.matchesAt(chain, 99));
}
