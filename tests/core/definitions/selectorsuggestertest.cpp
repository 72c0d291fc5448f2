#include "core/definitions/selectorsuggester.h"

#include "core/definitions/generatedname.h"
#include "core/definitions/selector.h"
#include "core/definitions/suggestionpreview.h"
#include "tests/core/definitions/indextesthelpers.h"
#include "tests/core/definitions/selectortesthelpers.h"

#include <gtest/gtest.h>
#include <string>
#include <vector>

using namespace hindsight;
using namespace hindsight::definitions;
using hindsight::definitions::test::chainOf;

namespace {

SuggestionExample example(std::string_view chain, std::string url, std::string type = "click")
{
    SuggestionExample e;
    e.chain = chainOf(chain);
    e.url = std::move(url);
    e.eventType = std::move(type);
    return e;
}

Suggestion suggestOrFail(const std::vector<SuggestionExample> &examples)
{
    std::string error;
    auto s = SelectorSuggester::suggest(examples, &error);
    EXPECT_TRUE(s) << error;
    return s ? *s : Suggestion{};
}

bool anyAlternativeContains(const Suggestion &s, std::string_view part)
{
    for (const auto &a : s.alternatives)
        if (a.selector.find(part) != std::string::npos) return true;
    return false;
}

/// Every offered selector parses and matches every example at the element used.
void expectAllVerified(const Suggestion &s, const std::vector<SuggestionExample> &examples)
{
    ASSERT_EQ(s.elementIndices.size(), examples.size());
    for (const auto &alt : s.alternatives) {
        auto sel = Selector::parse(alt.selector);
        ASSERT_TRUE(sel) << alt.selector;
        for (std::size_t i = 0; i < examples.size(); ++i)
            EXPECT_TRUE(sel->matchesAt(examples[i].chain, s.elementIndices[i]))
                << alt.selector << " on example " << i;
        EXPECT_FALSE(alt.reason.empty()) << alt.selector;
    }
}

// posthog-js records the clicked <span> first, then the button and its ancestors.
constexpr std::string_view kCheckoutSpan =
    R"(span.label:nth-child="1"nth-of-type="1"text="Place order";)"
    R"(button.btn.btn-primary.css-1x2y3z:attr__class="btn btn-primary css-1x2y3z"attr__type="submit"attr_id="checkout-submit"nth-child="4"nth-of-type="1"text="Place order";)"
    R"(form.checkout-form:attr_id="checkout"nth-child="2"nth-of-type="1";)"
    R"(main:nth-child="2"nth-of-type="1";body:nth-child="2"nth-of-type="1")";

} // namespace

TEST(SelectorSuggester, SpanInsideButtonStandsForTheButtonAndItsStableIdWins)
{
    const std::vector<SuggestionExample> examples{
        example(kCheckoutSpan, "https://shop.example/checkout?step=2")};
    const Suggestion s = suggestOrFail(examples);
    ASSERT_EQ(s.elementIndices, std::vector<std::size_t>{1});
    ASSERT_TRUE(s.step.selector);
    EXPECT_EQ(*s.step.selector, "#checkout-submit");
    EXPECT_EQ(s.alternatives.front().reason, "id #checkout-submit");
    ASSERT_TRUE(s.step.text);
    EXPECT_EQ(s.step.text->pattern, "Place order");
    EXPECT_EQ(s.step.text->mode, TextMatchMode::Exact);
    ASSERT_TRUE(s.step.url);
    EXPECT_EQ(s.step.url->pattern, "/checkout");
    EXPECT_EQ(s.step.url->mode, TextMatchMode::Exact);
    EXPECT_EQ(s.step.url->scope, UrlScope::Path);
    EXPECT_EQ(s.step.eventTypes, std::vector<std::string>{"click"});
    // The generated emotion class is never offered; the stable ones are, lower down.
    EXPECT_FALSE(anyAlternativeContains(s, "css-1x2y3z"));
    EXPECT_TRUE(anyAlternativeContains(s, "button.btn"));
    expectAllVerified(s, examples);
}

TEST(SelectorSuggester, TestIdBeatsGeneratedCssInJsClasses)
{
    const std::vector<SuggestionExample> examples{example(
        R"(button.sc-aXZVg.kGbNrD.css-13o7eu2:attr__data-testid="add-to-cart"nth-child="3"nth-of-type="1"text="Add to cart";)"
        R"(div.sc-bdVaJa.css-1hwfws3:nth-child="2"nth-of-type="2";div.product-detail:nth-child="1"nth-of-type="1";body)",
        "https://shop.example/product/summit-down-jacket")};
    const Suggestion s = suggestOrFail(examples);
    ASSERT_TRUE(s.step.selector);
    EXPECT_EQ(*s.step.selector, R"([data-testid="add-to-cart"])");
    EXPECT_EQ(s.alternatives.front().reason, "data-testid=add-to-cart");
    for (std::string_view generated : {"sc-aXZVg", "kGbNrD", "css-13o7eu2", "sc-bdVaJa", "css-1hwfws3"})
        EXPECT_FALSE(anyAlternativeContains(s, generated)) << generated;
    expectAllVerified(s, examples);
}

TEST(SelectorSuggester, SeveralProductPagesGiveAPathWildcardAndTheSharedText)
{
    const std::string chain =
        R"(button.add-to-cart.btn:attr__type="button"nth-child="2"nth-of-type="1"text="Add to cart";)"
        R"(div.product-actions:nth-child="3"nth-of-type="2";main#content.site-main;body)";
    const std::vector<SuggestionExample> examples{
        example(chain, "https://shop.example/product/summit-down-jacket?utm_source=x"),
        example(chain, "https://shop.example/product/tundra-parka"),
        example(chain, "https://shop.example/product/granite-hiking-boot#reviews")};
    const Suggestion s = suggestOrFail(examples);
    ASSERT_TRUE(s.step.selector);
    EXPECT_EQ(*s.step.selector, "button.add-to-cart");
    ASSERT_TRUE(s.step.url);
    EXPECT_EQ(s.step.url->pattern, "/product/*");
    EXPECT_EQ(s.step.url->mode, TextMatchMode::Wildcard);
    ASSERT_TRUE(s.step.text);
    EXPECT_EQ(s.step.text->pattern, "Add to cart");
    expectAllVerified(s, examples);
}

TEST(SelectorSuggester, DifferingTextsGiveNoTextCondition)
{
    const std::vector<SuggestionExample> examples{
        example(
            R"(a.navbar__link:href="/category/jackets"nth-child="1"text="Jackets";li.navbar__item;ul.navbar__links;nav.navbar)",
            "https://shop.example/"),
        example(
            R"(a.navbar__link:href="/category/tents"nth-child="1"text="Tents";li.navbar__item;ul.navbar__links;nav.navbar)",
            "https://shop.example/cart")};
    const Suggestion s = suggestOrFail(examples);
    EXPECT_FALSE(s.step.text);
    EXPECT_NE(s.textReason.find("differ"), std::string::npos) << s.textReason;
    ASSERT_TRUE(s.step.selector);
    EXPECT_EQ(*s.step.selector, "a.navbar__link");
    // Both hrefs start with /category/: offered as an alternative.
    EXPECT_TRUE(anyAlternativeContains(s, R"(a[href^="/category/"])"));
    // "/" and "/cart" have nothing in common.
    EXPECT_FALSE(s.step.url);
    expectAllVerified(s, examples);
}

TEST(SelectorSuggester, TailwindButtonWithoutNamesIsAnchoredOnAStableAncestor)
{
    const std::vector<SuggestionExample> examples{example(
        R"(button.px-4.py-2.rounded-md.bg-blue-500.hover:bg-blue-600/75.text-white:attr__type="submit"nth-child="5"nth-of-type="1"text="Pay now";)"
        R"(div.flex.flex-col.gap-2:nth-child="1"nth-of-type="1";form:attr_id="checkout"nth-child="1"nth-of-type="1";)"
        R"(div.container.mx-auto;body)",
        "https://shop.example/checkout/payment")};
    const Suggestion s = suggestOrFail(examples);
    ASSERT_TRUE(s.step.selector);
    EXPECT_EQ(*s.step.selector, "#checkout button");
    EXPECT_EQ(s.alternatives.front().reason, "inside #checkout");
    // Utility classes stay available, ranked below the anchored selector, never nth-child first.
    EXPECT_TRUE(anyAlternativeContains(s, "hover\\:bg-blue-600\\/75") || anyAlternativeContains(s, ".px-4"));
    EXPECT_EQ(s.alternatives.front().selector.find("nth-child"), std::string::npos);
    expectAllVerified(s, examples);
}

TEST(SelectorSuggester, GeneratedIdsAreNeverOffered)
{
    const std::vector<SuggestionExample> examples{
        example(
            R"(input.search-box:attr__name="q"attr_id="react-select-5-input"nth-child="1";div.search;body)",
            "https://shop.example/search", "change"),
        example(
            R"(input.search-box:attr__name="q"attr_id="react-select-5-input"nth-child="1";div.search;body)",
            "https://shop.example/search", "change")};
    const Suggestion s = suggestOrFail(examples);
    EXPECT_FALSE(anyAlternativeContains(s, "react-select")) << *s.step.selector;
    ASSERT_TRUE(s.step.selector);
    EXPECT_EQ(*s.step.selector, R"(input[name="q"])");
    EXPECT_EQ(s.step.eventTypes, std::vector<std::string>{"change"});

    const std::vector<SuggestionExample> ember{
        example(R"(button.buy-now:attr_id="ember123"text="Buy";div;body)", "https://shop.example/p/1")};
    const Suggestion e = suggestOrFail(ember);
    EXPECT_FALSE(anyAlternativeContains(e, "ember123"));
    ASSERT_TRUE(e.step.selector);
    EXPECT_EQ(*e.step.selector, "button.buy-now");
    // /p/1: the number is an id, so the page pattern generalises it.
    ASSERT_TRUE(e.step.url);
    EXPECT_EQ(e.step.url->pattern, "/p/*");
}

TEST(SelectorSuggester, DifferentIdsAcrossExamplesFallBackToWhatTheyShare)
{
    const std::vector<SuggestionExample> examples{
        example(
            R"(button.wishlist-toggle:attr_id="wish-summit"attr__data-track="wishlist-add-12"text="Save";div.card)",
            "https://shop.example/category/jackets"),
        example(
            R"(button.wishlist-toggle:attr_id="wish-parka"attr__data-track="wishlist-add-34"text="Save";div.card)",
            "https://shop.example/category/jackets")};
    const Suggestion s = suggestOrFail(examples);
    EXPECT_FALSE(anyAlternativeContains(s, "#wish-"));
    ASSERT_TRUE(s.step.selector);
    EXPECT_EQ(*s.step.selector, R"([data-track^="wishlist-add-"])");
    EXPECT_TRUE(anyAlternativeContains(s, "button.wishlist-toggle"));
    ASSERT_TRUE(s.step.url);
    EXPECT_EQ(s.step.url->pattern, "/category/jackets");
    expectAllVerified(s, examples);
}

TEST(SelectorSuggester, NthChildOnlyWhenNothingElseDistinguishes)
{
    // A bare list item: no classes, no text, no attributes anywhere nearby.
    const std::vector<SuggestionExample> bare{
        example(R"(li:nth-child="3"nth-of-type="3";ul:nth-child="1";div;body)", "https://shop.example/help")};
    const Suggestion s = suggestOrFail(bare);
    ASSERT_TRUE(s.step.selector);
    EXPECT_EQ(*s.step.selector, "ul > li:nth-child(3)");
    expectAllVerified(s, bare);

    // The same item with a text: the text distinguishes it, so no nth-child.
    const std::vector<SuggestionExample> withText{
        example(R"(li:nth-child="3"nth-of-type="3"text="Returns";ul:nth-child="1";div;body)",
                "https://shop.example/help")};
    const Suggestion t = suggestOrFail(withText);
    ASSERT_TRUE(t.step.selector);
    EXPECT_EQ(*t.step.selector, "li");
    ASSERT_TRUE(t.step.text);
    EXPECT_EQ(t.step.text->pattern, "Returns");
}

TEST(SelectorSuggester, SelectorsThatAlsoMatchAnEnclosingElementAreRankedDown)
{
    // A nested card: `div.card-body` alone would also match the outer body.
    const std::vector<SuggestionExample> examples{example(
        R"(div.card-body:attr__data-qa="inner-card"nth-child="1";div.card-body:nth-child="1";section.cards;body)",
        "https://shop.example/")};
    SuggestionExample e = examples.front();
    e.pointedIndex = 0;
    const Suggestion s = suggestOrFail({e});
    ASSERT_TRUE(s.step.selector);
    EXPECT_EQ(*s.step.selector, R"([data-qa="inner-card"])");
    bool sawBroad = false;
    for (const auto &a : s.alternatives)
        if (a.selector == "div.card-body") {
            sawBroad = true;
            EXPECT_NE(a.reason.find("enclosing"), std::string::npos) << a.reason;
            EXPECT_LT(a.score, 50);
        }
    EXPECT_TRUE(sawBroad);
}

TEST(SelectorSuggester, PointingRules)
{
    EXPECT_EQ(
        SelectorSuggester::defaultPointedIndex(chainOf(R"(path;svg.icon;a.navbar__cart:href="/cart";nav)")),
        2u);
    EXPECT_EQ(SelectorSuggester::defaultPointedIndex(chainOf(R"(span;div.note;body)")), 0u);
    EXPECT_EQ(SelectorSuggester::defaultPointedIndex(chainOf(R"(button.buy:text="Buy";form)")), 0u);
    EXPECT_EQ(SelectorSuggester::defaultPointedIndex(chainOf(R"(i.fa;div:attr__role="button";body)")), 1u);
    // A link far above the span (a whole card) is not taken for it.
    EXPECT_EQ(SelectorSuggester::defaultPointedIndex(
                  chainOf(R"(span;div;div;div;div;div;a.card-link:href="/x";body)")),
              0u);

    // An explicit pointed index is honoured.
    SuggestionExample e = example(kCheckoutSpan, "https://shop.example/checkout");
    e.pointedIndex = 2;
    const Suggestion s = suggestOrFail({e});
    EXPECT_EQ(s.elementIndices, std::vector<std::size_t>{2});
    ASSERT_TRUE(s.step.selector);
    EXPECT_EQ(*s.step.selector, "#checkout");
    EXPECT_FALSE(s.step.text);
}

TEST(SelectorSuggester, RefusesWhatCannotBePointedAt)
{
    std::string error;
    EXPECT_FALSE(SelectorSuggester::suggest({}, &error));
    EXPECT_NE(error.find("no examples"), std::string::npos);

    SuggestionExample pageview;
    pageview.url = "https://shop.example/";
    pageview.eventType = "pageview";
    EXPECT_FALSE(SelectorSuggester::suggest(std::vector<SuggestionExample>{pageview}, &error));
    EXPECT_NE(error.find("no element chain"), std::string::npos) << error;

    SuggestionExample outside = example("button;body", "https://shop.example/");
    outside.pointedIndex = 7;
    EXPECT_FALSE(SelectorSuggester::suggest(std::vector<SuggestionExample>{outside}, &error));
    EXPECT_NE(error.find("outside its chain"), std::string::npos) << error;
}

TEST(SelectorSuggester, MixedEventTypesAreAllKept)
{
    const std::vector<SuggestionExample> examples{
        example(R"(form.newsletter:attr__action="/newsletter";div.footer__col;footer)",
                "https://shop.example/", "submit"),
        example(R"(form.newsletter:attr__action="/newsletter";div.footer__col;footer)",
                "https://shop.example/about", "click")};
    const Suggestion s = suggestOrFail(examples);
    EXPECT_EQ(s.step.eventTypes, (std::vector<std::string>{"submit", "click"}));
    ASSERT_TRUE(s.step.selector);
    EXPECT_EQ(*s.step.selector, "form.newsletter");
    expectAllVerified(s, examples);
}

TEST(SelectorSuggester, PagePatterns)
{
    std::string reason;
    auto one = [&](std::vector<std::string> urls) { return SelectorSuggester::pagePattern(urls, &reason); };

    auto p = one({"https://a.example/cart", "https://b.example/cart?x=1"});
    ASSERT_TRUE(p);
    EXPECT_EQ(p->pattern, "/cart");
    EXPECT_EQ(p->mode, TextMatchMode::Exact);

    p = one({"https://a.example/orders/12345/items"});
    ASSERT_TRUE(p);
    EXPECT_EQ(p->pattern, "/orders/*/items");
    EXPECT_EQ(p->mode, TextMatchMode::Wildcard);
    EXPECT_NE(reason.find("id"), std::string::npos) << reason;

    p = one({"https://a.example/u/3f2504e0-4f89-11d3-9a0c-0305e82c3301/settings"});
    ASSERT_TRUE(p);
    EXPECT_EQ(p->pattern, "/u/*/settings");

    p = one({"https://a.example/blog/2024/hello", "https://a.example/blog/why"});
    ASSERT_TRUE(p);
    EXPECT_EQ(p->pattern, "/blog/*");

    EXPECT_FALSE(one({"https://a.example/pricing", "https://a.example/docs"}));
    EXPECT_FALSE(one({"https://a.example/pricing", ""}));
    EXPECT_FALSE(one({}));

    // A wildcard pattern really matches the pages it came from.
    p = one({"https://a.example/product/summit-down-jacket", "https://a.example/product/tundra-parka"});
    ASSERT_TRUE(p);
    auto m = TextMatcher::create(p->pattern, p->mode);
    ASSERT_TRUE(m);
    EXPECT_TRUE(m->matches("/product/summit-down-jacket"));
    EXPECT_TRUE(m->matches("/product/new-thing"));
    EXPECT_FALSE(m->matches("/category/jackets"));
}

TEST(GeneratedName, ClassifiesClasses)
{
    for (std::string_view generated :
         {"css-1x2y3z", "css-13o7eu2", "sc-aXZVg", "sc-bdVaJa", "kGbNrD", "jsx-2187634218",
          "Button_primary__3xYz1", "styles-module__btn___aB3dE", "svelte-1xyz23", "makeStyles-root-12",
          "e1q3ze5o0", "a3f9c2d1", "item-1234567"})
        EXPECT_EQ(classifyClass(generated), ClassKind::Generated) << generated;
    for (std::string_view utility :
         {"px-4", "hover:bg-blue-500/75", "w-1/2", "md:w-1/3", "!mt-0", "max-w-[1045px]", "flex",
          "items-center", "text-sm", "bg-blue-500", "d-flex", "-mt-2"})
        EXPECT_EQ(classifyClass(utility), ClassKind::Utility) << utility;
    for (std::string_view state :
         {"active", "is-open", "navbar__link--active", "ng-dirty", "Mui-selected", "selected"})
        EXPECT_EQ(classifyClass(state), ClassKind::State) << state;
    for (std::string_view generic : {"btn", "btn-primary", "card", "MuiButton-root", "fa-cart"})
        EXPECT_EQ(classifyClass(generic), ClassKind::Generic) << generic;
    for (std::string_view semantic : {"add-to-cart", "navbar__link", "checkout-form", "product-tile",
                                      "searchBox", "footer__col--wide", "brand__logo"})
        EXPECT_EQ(classifyClass(semantic), ClassKind::Semantic) << semantic;
}

TEST(GeneratedName, StyledComponentsHashesNextToAnScClass)
{
    const std::vector<std::string> styled{"bhdLno", "sc-gsTCUz"};
    EXPECT_EQ(classifyClass("bhdLno", styled), ClassKind::Generated);
    EXPECT_EQ(classifyClass("sc-gsTCUz", styled), ClassKind::Generated);
    // Alone, a camel-case name is a name.
    const std::vector<std::string> plain{"navBar", "menu"};
    EXPECT_EQ(classifyClass("navBar", plain), ClassKind::Semantic);
    EXPECT_EQ(classifyClass("bhdLno"), ClassKind::Semantic);

    // The demo shop's category card button: only generated classes, so the text and an ancestor do the work.
    const std::vector<SuggestionExample> examples{example(
        R"(button.dKrHnN.sc-aXZVg:attr__type="button"nth-child="4"text="Add to cart";div.kUpWoV.sc-hKgILt;)"
        R"(div.jRhQmY.sc-eCssSg;main.site-main:attr_id="content";body)",
        "https://shop.example/category/jackets")};
    const Suggestion s = suggestOrFail(examples);
    for (std::string_view generated : {"dKrHnN", "sc-aXZVg", "kUpWoV", "sc-hKgILt", "jRhQmY", "sc-eCssSg"})
        EXPECT_FALSE(anyAlternativeContains(s, generated)) << generated;
    ASSERT_TRUE(s.step.selector);
    EXPECT_EQ(*s.step.selector, "#content button");
    ASSERT_TRUE(s.step.text);
    EXPECT_EQ(s.step.text->pattern, "Add to cart");
}

TEST(GeneratedName, RecognisesGeneratedIdsAndIdLikeSegments)
{
    for (std::string_view id : {"ember123", "react-select-5-input",
                                ":r1:", "radix-:R1mH:", "downshift-0-item-3", "headlessui-menu-button-2",
                                "3f2504e0-4f89-11d3-9a0c-0305e82c3301", "product-98765", "mui-42", "j_idt12"})
        EXPECT_TRUE(isGeneratedId(id)) << id;
    for (std::string_view id : {"checkout-submit", "site-search", "content", "main-nav", "step-2", "h1"})
        EXPECT_FALSE(isGeneratedId(id)) << id;
    for (std::string_view seg :
         {"12345", "7", "3f2504e0-4f89-11d3-9a0c-0305e82c3301", "ord_8f3k2x", "A1B2C3D4"})
        EXPECT_TRUE(isIdLikeSegment(seg)) << seg;
    for (std::string_view seg :
         {"product", "summit-down-jacket", "merino-200-crew", "voyager-40l-pack", "checkout"})
        EXPECT_FALSE(isIdLikeSegment(seg)) << seg;
}

namespace {

const char *const kAddSpan = R"(span.label:text="Add to cart";button.add-to-cart.btn:text="Add to cart";)"
                             R"(div.product-actions;main#content;body)";
const char *const kAddButton =
    R"(button.add-to-cart.btn:text="Add to cart";div.product-actions;main#content;body)";
const char *const kQuickAdd =
    R"(button.add-to-cart.btn:text="Add to cart";div.product-card;div.grid;main#content;body)";
const char *const kNav =
    R"(a.navbar__link:href="/category/jackets"text="Jackets";li.navbar__item;nav.navbar;body)";

class SuggestionPreviewTest : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        using definitions::test::EventSpec;
        std::vector<EventSpec> events;
        std::int64_t ms = definitions::test::kMarch1;
        auto add = [&](const char *chain, const char *path, std::string type = "click") {
            EventSpec e;
            e.ms = ms += 1000;
            e.type = std::move(type);
            e.chain = chain;
            e.url = std::string("https://shop.example") + path;
            e.distinctId = "user-" + std::to_string(events.size() % 3);
            events.push_back(e);
        };
        for (int i = 0; i < 4; ++i)
            add(kAddSpan, "/product/tundra-parka");
        for (int i = 0; i < 2; ++i)
            add(kAddButton, "/product/summit-down-jacket");
        for (int i = 0; i < 3; ++i)
            add(kQuickAdd, "/category/jackets");
        for (int i = 0; i < 5; ++i)
            add(kNav, "/");
        add("", "/product/tundra-parka", "pageview");
        store.add(events);
        index = store.index();
        ASSERT_TRUE(index);
    }

    definitions::test::TestStore store;
    std::unique_ptr<InteractionIndex> index;
};

} // namespace

TEST_F(SuggestionPreviewTest, SuggestFromStoredInteractionsThenPreviewWhatElseMatches)
{
    // The first span click (tundra parka) and the first direct button click (summit jacket).
    const std::vector<std::int64_t> ids{index->ids()[0], index->ids()[4]};
    std::string error;
    const auto examples = examplesFromInteractions(*index, ids, &error);
    ASSERT_TRUE(examples) << error;
    const Suggestion s = suggestOrFail(*examples);
    EXPECT_EQ(s.elementIndices, (std::vector<std::size_t>{1, 0}));
    ASSERT_TRUE(s.step.selector);
    EXPECT_EQ(*s.step.selector, "button.add-to-cart");
    ASSERT_TRUE(s.step.url);
    EXPECT_EQ(s.step.url->pattern, "/product/*");
    EXPECT_EQ(s.step.eventTypes, std::vector<std::string>{"click"});

    const auto preview = previewSuggestion(*index, s.step, {}, 10, &error);
    ASSERT_TRUE(preview) << error;
    EXPECT_EQ(preview->totals.count, 6); // the quick-add on the category page is outside /product/*
    EXPECT_EQ(preview->totals.people, 3);
    EXPECT_EQ(preview->distinctElements, 2);
    ASSERT_EQ(preview->elements.size(), 2u);
    EXPECT_EQ(preview->elements[0].count, 4);
    EXPECT_EQ(preview->elements[0].elementIndex, 1); // the button above the clicked span
    EXPECT_EQ(preview->elements[0].summary, R"(button.add-to-cart.btn "Add to cart")");
    EXPECT_EQ(preview->elements[0].chainText, index->dictionaries().chainTexts[preview->elements[0].chain]);
    EXPECT_EQ(preview->elements[1].count, 2);
    EXPECT_EQ(preview->elements[1].elementIndex, 0);
    ASSERT_EQ(preview->pages.size(), 2u);
    EXPECT_EQ(preview->pages[0].path, "/product/tundra-parka");
    EXPECT_EQ(preview->pages[0].count, 4);
    EXPECT_EQ(preview->pages[1].path, "/product/summit-down-jacket");

    // Without the page pattern the quick-add buttons show up too; top limits the lists.
    Step anyPage = s.step;
    anyPage.url.reset();
    const auto wider = previewSuggestion(*index, anyPage, {}, 1, &error);
    ASSERT_TRUE(wider) << error;
    EXPECT_EQ(wider->totals.count, 9);
    EXPECT_EQ(wider->distinctElements, 3);
    ASSERT_EQ(wider->elements.size(), 1u);
    ASSERT_EQ(wider->pages.size(), 1u);
    EXPECT_EQ(wider->pages[0].path, "/product/tundra-parka");

    // A time range.
    TimeRange late;
    late.fromMs = index->timestampMs(4);
    const auto tail = previewSuggestion(*index, s.step, late, 10, &error);
    ASSERT_TRUE(tail) << error;
    EXPECT_EQ(tail->totals.count, 2);
}

TEST_F(SuggestionPreviewTest, RefusesWhatItCannotPreview)
{
    std::string error;
    Step bad;
    bad.selector = "button[";
    EXPECT_FALSE(previewSuggestion(*index, bad, {}, 10, &error));
    EXPECT_NE(error.find("selector"), std::string::npos) << error;

    const std::int64_t pageview = index->ids()[index->size() - 1];
    EXPECT_FALSE(examplesFromInteractions(*index, std::vector<std::int64_t>{pageview}, &error));
    EXPECT_NE(error.find("no element chain"), std::string::npos) << error;
    EXPECT_FALSE(examplesFromInteractions(*index, std::vector<std::int64_t>{42}, &error));
    EXPECT_NE(error.find("no interaction with id 42"), std::string::npos) << error;
    EXPECT_FALSE(examplesFromInteractions(*index, std::vector<std::int64_t>{}, &error));
}
