#include "core/definitions/whichmatch.h"

#include "tests/core/definitions/indextesthelpers.h"

#include <gtest/gtest.h>

using namespace hindsight;
using namespace hindsight::definitions;
using namespace hindsight::definitions::test;

namespace {

const char *const kBuySpan =
    R"(span.label:text="Add to cart";button.add-to-cart.btn:attr__data-track="add-to-cart"text="Add to cart";)"
    R"(div.product-actions;main#content;body)";

Step clickOn(std::string selector)
{
    Step s;
    s.eventTypes = {"click"};
    s.selector = std::move(selector);
    return s;
}

std::vector<std::string> namesOf(const std::vector<DefinitionMatch> &matches)
{
    std::vector<std::string> out;
    for (const auto &m : matches)
        out.push_back(m.name);
    return out;
}

class WhichMatchTest : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        EventSpec buyClick;
        buyClick.ms = kMarch1;
        buyClick.chain = kBuySpan;
        buyClick.url = "https://shop.example/product/tundra-parka";
        EventSpec pageview;
        pageview.ms = kMarch1 + 1000;
        pageview.type = "pageview";
        pageview.url = "https://shop.example/product/tundra-parka";
        store.add({buyClick, pageview});
        index = store.index();
        ASSERT_TRUE(index);

        Step textOnly;
        textOnly.text = TextCriterion{"Add to cart", TextMatchMode::Exact, true};
        Step productPages;
        productPages.url = UrlCriterion{"/product/*", TextMatchMode::Wildcard, true, UrlScope::Path};
        Step submitOnly = clickOn("button.add-to-cart");
        submitOnly.eventTypes = {"submit"};
        defs = {definitionOf("Added to cart", {clickOn("button.add-to-cart")}),
                definitionOf("Tracked add", {clickOn(R"([data-track="add-to-cart"])")}),
                definitionOf("Label span", {clickOn("span.label")}),
                definitionOf("Add text anywhere", {textOnly}),
                definitionOf("Product page activity", {productPages}),
                definitionOf("Checkout", {clickOn("#checkout")}),
                definitionOf("Submitted add", {submitOnly})};
        for (const auto &d : defs)
            compiled.push_back(compileOrDie(d, *index));
        for (const auto &c : compiled)
            pointers.push_back(&c);
    }

    TestStore store;
    std::unique_ptr<InteractionIndex> index;
    std::vector<Definition> defs;
    std::vector<CompiledDefinition> compiled;
    std::vector<const CompiledDefinition *> pointers;
};

} // namespace

TEST_F(WhichMatchTest, ByRowWithTheElementThatSatisfiedEachDefinition)
{
    const auto matches = whichMatchRow(*index, pointers, 0);
    ASSERT_EQ(namesOf(matches), (std::vector<std::string>{"Added to cart", "Tracked add", "Label span",
                                                          "Add text anywhere", "Product page activity"}));
    EXPECT_EQ(matches[0].elementIndex, 1); // the button, parent of the clicked span
    EXPECT_EQ(matches[1].elementIndex, 1);
    EXPECT_EQ(matches[2].elementIndex, 0);  // the span itself
    EXPECT_EQ(matches[3].elementIndex, 0);  // the first element with that text: the span
    EXPECT_EQ(matches[4].elementIndex, -1); // URL only: no element condition
    EXPECT_EQ(matches[0].step, 0);

    // The pageview: only the URL-only definition.
    const auto page = whichMatchRow(*index, pointers, 1);
    EXPECT_EQ(namesOf(page), std::vector<std::string>{"Product page activity"});
    EXPECT_TRUE(whichMatchRow(*index, pointers, 99).empty());
}

TEST_F(WhichMatchTest, ByInteractionIdAgreesWithTheRow)
{
    const std::int64_t id = index->ids()[0];
    std::string error;
    const auto byId = whichMatchInteraction(*index, pointers, id, &error);
    ASSERT_TRUE(byId) << error;
    EXPECT_EQ(namesOf(*byId), namesOf(whichMatchRow(*index, pointers, 0)));
    EXPECT_FALSE(whichMatchInteraction(*index, pointers, id + 12345, &error));
    EXPECT_NE(error.find("no interaction"), std::string::npos) << error;
}

TEST_F(WhichMatchTest, GivenInteractionEvaluatesEveryCondition)
{
    MatchableInteraction click{"click", "https://shop.example/cart", parsedChain(kBuySpan), "{}"};
    const auto matches = whichMatch(pointers, click);
    // Not on a product page now.
    EXPECT_EQ(namesOf(matches),
              (std::vector<std::string>{"Added to cart", "Tracked add", "Label span", "Add text anywhere"}));
    EXPECT_EQ(matches[0].elementIndex, 1);

    MatchableInteraction submit = click;
    submit.type = "submit";
    EXPECT_EQ(namesOf(whichMatch(pointers, submit)),
              (std::vector<std::string>{"Add text anywhere", "Submitted add"}));
}

TEST_F(WhichMatchTest, PastedChainIsJudgedOnElementConditionsOnly)
{
    std::string error;
    const auto chain = chainFromText(kBuySpan, &error);
    ASSERT_TRUE(chain) << error;
    std::vector<std::string> skipped;
    const auto matches = whichDescribeElement(defs, *chain, {}, &skipped);
    // Type restrictions are ignored (so "Submitted add" describes the element too); the URL-only
    // definition describes no element.
    EXPECT_EQ(namesOf(matches), (std::vector<std::string>{"Added to cart", "Tracked add", "Label span",
                                                          "Add text anywhere", "Submitted add"}));
    EXPECT_EQ(matches[0].elementIndex, 1);
    EXPECT_EQ(matches[2].elementIndex, 0);
    EXPECT_TRUE(skipped.empty());
}

TEST_F(WhichMatchTest, CombosAndBrokenDefinitionsWhenDescribingAnElement)
{
    Definition combo;
    combo.name = "Any cart action";
    combo.combo = {"Checkout", "Tracked add"};
    Definition loop;
    loop.name = "Loop";
    loop.combo = {"Loop"};
    Definition broken = definitionOf("Broken", {clickOn("button[")});
    std::vector<Definition> all = defs;
    all.push_back(combo);
    all.push_back(loop);
    all.push_back(broken);
    DefinitionLookup lookup = [&all](std::string_view name) -> const Definition * {
        for (const auto &d : all)
            if (d.name == name) return &d;
        return nullptr;
    };
    const auto chain = chainFromText(kBuySpan);
    ASSERT_TRUE(chain);
    std::vector<std::string> skipped;
    const auto matches = whichDescribeElement(std::span<const Definition>(all).subspan(all.size() - 3),
                                              *chain, lookup, &skipped);
    ASSERT_EQ(namesOf(matches), std::vector<std::string>{"Any cart action"});
    EXPECT_EQ(matches[0].elementIndex, 1);
    ASSERT_EQ(skipped.size(), 1u);
    EXPECT_NE(skipped[0].find("Broken: steps[0].selector"), std::string::npos) << skipped[0];
}

TEST(WhichMatch, PastedChainErrors)
{
    std::string error;
    EXPECT_FALSE(chainFromText(R"(button:text="unterminated)", &error));
    EXPECT_NE(error.find("invalid element chain at position"), std::string::npos) << error;
    EXPECT_FALSE(chainFromText("", &error));
    EXPECT_NE(error.find("empty"), std::string::npos) << error;
}
