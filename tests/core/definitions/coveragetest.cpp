#include "core/definitions/coverage.h"

#include "tests/core/definitions/indextesthelpers.h"

#include <gtest/gtest.h>

using namespace hindsight;
using namespace hindsight::definitions;
using namespace hindsight::definitions::test;

namespace {

const char *const kAdd = R"(button.add-to-cart.btn:text="Add to cart";div.product-actions;main#content;body)";
const char *const kNavJackets =
    R"(a.navbar__link:href="/category/jackets"text="Jackets";li.navbar__item;ul.navbar__links;nav.navbar;body)";
const char *const kFaq =
    R"(a.footer__link:href="/help/faq"text="FAQ";li;ul.footer__list;footer.site-footer;body)";
const char *const kCheckout = R"(form.checkout-form:attr_id="checkout";main#content;body)";
const char *const kNewsletter =
    R"(input.newsletter__input:attr__name="email";form.newsletter;footer.site-footer;body)";

EventSpec event(std::int64_t ms, std::string type, std::string path, std::string chain)
{
    EventSpec e;
    e.ms = ms;
    e.type = std::move(type);
    e.url = "https://shop.example" + path;
    e.chain = std::move(chain);
    return e;
}

Step on(std::vector<std::string> types, std::string selector)
{
    Step s;
    s.eventTypes = std::move(types);
    s.selector = std::move(selector);
    return s;
}

class CoverageTest : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        std::vector<EventSpec> events;
        std::int64_t ms = kMarch1;
        auto next = [&ms] { return ms += 1000; };
        for (int i = 0; i < 5; ++i)
            events.push_back(event(next(), "click", "/product/tundra-parka", kAdd));
        for (int i = 0; i < 3; ++i)
            events.push_back(event(next(), "click", i == 0 ? "/" : "/cart", kNavJackets));
        for (int i = 0; i < 2; ++i)
            events.push_back(event(next(), "click", "/about", kFaq));
        for (int i = 0; i < 4; ++i)
            events.push_back(event(next(), "pageview", "/", ""));
        events.push_back(event(next(), "submit", "/checkout", kCheckout));
        events.push_back(event(next(), "change", "/", kNewsletter));
        events.push_back(event(next(), "Order Completed", "/checkout/confirmation", ""));
        lastMs = ms;
        store.add(events);
        index = store.index();
        ASSERT_TRUE(index);
        compiled.push_back(
            compileOrDie(definitionOf("Added to cart", {on({"click"}, "button.add-to-cart")}), *index));
        compiled.push_back(compileOrDie(definitionOf("Checked out", {on({"submit"}, "#checkout")}), *index));
        for (const auto &c : compiled)
            pointers.push_back(&c);
    }

    TestStore store;
    std::unique_ptr<InteractionIndex> index;
    std::vector<CompiledDefinition> compiled;
    std::vector<const CompiledDefinition *> pointers;
    std::int64_t lastMs = 0;
};

} // namespace

TEST_F(CoverageTest, ShareOfElementInteractionsNoDefinitionMatches)
{
    const CoverageReport r = coverage(*index, pointers);
    // click, submit, change only: 5 + 3 + 2 + 1 + 1; pageviews and the custom event are not elements.
    EXPECT_EQ(r.considered, 12);
    EXPECT_EQ(r.matched, 6);
    EXPECT_EQ(r.unmatched, 6);
    EXPECT_DOUBLE_EQ(r.unmatchedShare, 0.5);
    EXPECT_EQ(r.unmatchedElements, 3);
    ASSERT_EQ(r.elements.size(), 3u);
    EXPECT_EQ(r.elements[0].summary, R"(a.navbar__link "Jackets")");
    EXPECT_EQ(r.elements[0].count, 3);
    EXPECT_EQ(r.elements[0].samplePath, "/"); // its first unmatched interaction
    EXPECT_EQ(r.elements[0].chainText, index->dictionaries().chainTexts[r.elements[0].chain]);
    EXPECT_EQ(r.elements[1].summary, R"(a.footer__link "FAQ")");
    EXPECT_EQ(r.elements[1].count, 2);
    EXPECT_EQ(r.elements[1].samplePath, "/about");
    EXPECT_EQ(r.elements[2].summary, "input.newsletter__input");
    EXPECT_EQ(r.elements[2].count, 1);
}

TEST_F(CoverageTest, AddingADefinitionCoversItsElement)
{
    auto nav = compileOrDie(definitionOf("Nav link", {on({"click"}, "a.navbar__link")}), *index);
    pointers.push_back(&nav);
    const CoverageReport r = coverage(*index, pointers);
    EXPECT_EQ(r.matched, 9);
    EXPECT_EQ(r.unmatched, 3);
    ASSERT_EQ(r.elements.size(), 2u);
    EXPECT_EQ(r.elements[0].summary, R"(a.footer__link "FAQ")");
}

TEST_F(CoverageTest, NoDefinitionsMeansNothingIsCovered)
{
    const CoverageReport r = coverage(*index, std::vector<const CompiledDefinition *>{});
    EXPECT_EQ(r.considered, 12);
    EXPECT_EQ(r.matched, 0);
    EXPECT_DOUBLE_EQ(r.unmatchedShare, 1.0);
    ASSERT_FALSE(r.elements.empty());
    EXPECT_EQ(r.elements[0].summary, R"(button.add-to-cart.btn "Add to cart")");
    EXPECT_EQ(r.elements[0].count, 5);
}

TEST_F(CoverageTest, TypesRangeAndLimit)
{
    CoverageOptions everything;
    everything.eventTypes.clear(); // every type
    const CoverageReport all = coverage(*index, pointers, everything);
    EXPECT_EQ(all.considered, 17);
    EXPECT_EQ(all.unmatched, 11);
    // Pageviews and the custom event have no chain: grouped under chain 0 with an empty summary.
    bool sawNoChain = false;
    for (const auto &e : all.elements)
        if (e.chain == 0) {
            sawNoChain = true;
            EXPECT_EQ(e.count, 5);
            EXPECT_EQ(e.summary, "");
        }
    EXPECT_TRUE(sawNoChain);

    CoverageOptions clicksOnly;
    clicksOnly.eventTypes = {"click"};
    clicksOnly.topElements = 1;
    const CoverageReport clicks = coverage(*index, pointers, clicksOnly);
    EXPECT_EQ(clicks.considered, 10);
    EXPECT_EQ(clicks.unmatched, 5);
    EXPECT_EQ(clicks.unmatchedElements, 2);
    ASSERT_EQ(clicks.elements.size(), 1u);

    CoverageOptions late;
    late.range.fromMs = kMarch1 + 8 * 1000; // from the third nav click on
    const CoverageReport tail = coverage(*index, pointers, late);
    EXPECT_EQ(tail.considered, 5); // 1 nav, 2 faq, submit, change
    EXPECT_EQ(tail.matched, 1);
    ASSERT_FALSE(tail.elements.empty());
    EXPECT_EQ(tail.elements[0].summary, R"(a.footer__link "FAQ")");

    CoverageOptions empty;
    empty.range.fromMs = lastMs + 1;
    const CoverageReport none = coverage(*index, pointers, empty);
    EXPECT_EQ(none.considered, 0);
    EXPECT_DOUBLE_EQ(none.unmatchedShare, 0.0);
    EXPECT_TRUE(none.elements.empty());
}
