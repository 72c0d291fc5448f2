#include "core/definitions/compileddefinition.h"

#include "tests/core/definitions/indextesthelpers.h"

#include <gtest/gtest.h>
#include <map>
#include <random>

using namespace hindsight;
using namespace hindsight::definitions;
using namespace hindsight::definitions::test;

namespace {

const std::string kBuyButton =
    R"(span.label:nth-child="1"nth-of-type="1"text="Add to cart";button.btn.buy:attr__data-track="add"attr_id="buy"nth-child="2"nth-of-type="1"text="Add to cart";form.product:nth-child="1"nth-of-type="1";body)";
const std::string kNavLink =
    R"(a.nav:href="/orders/7"nth-child="3"nth-of-type="1"text="Your orders";nav;body)";
const std::string kSpanInDiv = R"(span:text="Buy";div.buy:nth-child="1"nth-of-type="1";body)";

/// Stores `events` (one per minute), loads the index, compiles `def`, and checks for every
/// interaction that the fast path and the direct path both give `expected`.
void expectMatches(const Definition &def, const std::vector<EventSpec> &input,
                   const std::vector<bool> &expected, const DefinitionLookup &lookup = {})
{
    ASSERT_EQ(input.size(), expected.size());
    std::vector<EventSpec> events = input;
    for (std::size_t i = 0; i < events.size(); ++i)
        events[i].ms = kMarch1 + static_cast<std::int64_t>(i) * 60'000;
    TestStore ts;
    ts.add(events);
    auto index = ts.index();
    ASSERT_EQ(index->size(), events.size());
    const CompiledDefinition c = compileOrDie(def, *index, lookup);
    for (std::size_t i = 0; i < events.size(); ++i) {
        EXPECT_EQ(c.matchesRow(i), expected[i]) << "fast path, interaction " << i;
        EXPECT_EQ(c.matches(matchableOf(events[i])), expected[i]) << "direct path, interaction " << i;
    }
}

EventSpec click(std::string chain, std::string url = "https://shop.example/products/boots")
{
    EventSpec e;
    e.type = "click";
    e.chain = std::move(chain);
    e.url = std::move(url);
    return e;
}

EventSpec withProps(std::string json)
{
    EventSpec e;
    e.type = "Order Completed";
    e.chain.clear();
    e.properties = std::move(json);
    return e;
}

Step stepWithSelector(std::string selector)
{
    Step s;
    s.selector = std::move(selector);
    return s;
}

} // namespace

TEST(CompiledDefinition, EventTypesAreAnyOfAndEmptyMeansAny)
{
    EventSpec pageview;
    pageview.type = "pageview";
    EventSpec submit;
    submit.type = "submit";
    EventSpec custom;
    custom.type = "Order Completed";
    Step s;
    s.eventTypes = {"click", "Order Completed"};
    expectMatches(definitionOf("d", {s}), {click(kBuyButton), pageview, submit, custom},
                  {true, false, false, true});
    expectMatches(definitionOf("any", {Step{}}), {click(kBuyButton), pageview, custom}, {true, true, true});
}

TEST(CompiledDefinition, SelectorMatchesTheTargetOrAnAncestor)
{
    // The click landed on the span; the button is its parent.
    expectMatches(definitionOf("d", {stepWithSelector("button.buy")}),
                  {click(kBuyButton), click(kNavLink), click(kSpanInDiv)}, {true, false, false});
    expectMatches(definitionOf("d", {stepWithSelector("form > button#buy")}),
                  {click(kBuyButton), click(kNavLink)}, {true, false});
    // `.buy` is a whole class token: `div.buy` has it, `button.btn.buy` too, `a.nav` not.
    expectMatches(definitionOf("d", {stepWithSelector(".buy")}),
                  {click(kBuyButton), click(kNavLink), click(kSpanInDiv)}, {true, false, true});
}

TEST(CompiledDefinition, SelectorAndTextMustHoldOnTheSameElement)
{
    Step s = stepWithSelector("div.buy");
    s.text = TextCriterion{"Buy", TextMatchMode::Exact, true};
    // In kSpanInDiv the text is on the span, the class on the div: no single element has both.
    Step t = stepWithSelector("span");
    t.text = TextCriterion{"Buy", TextMatchMode::Exact, true};
    expectMatches(definitionOf("d", {s}), {click(kSpanInDiv)}, {false});
    expectMatches(definitionOf("d", {t}), {click(kSpanInDiv)}, {true});
}

TEST(CompiledDefinition, TextModesAndCase)
{
    auto textStep = [](std::string pattern, TextMatchMode mode, bool cs) {
        Step s;
        s.text = TextCriterion{std::move(pattern), mode, cs};
        return definitionOf("d", {s});
    };
    const std::vector<EventSpec> events = {click(kBuyButton), click(kNavLink), click(kSpanInDiv)};
    expectMatches(textStep("Add to cart", TextMatchMode::Exact, true), events, {true, false, false});
    expectMatches(textStep("add to CART", TextMatchMode::Exact, true), events, {false, false, false});
    expectMatches(textStep("add to CART", TextMatchMode::Exact, false), events, {true, false, false});
    expectMatches(textStep("orders", TextMatchMode::Contains, true), events, {false, true, false});
    expectMatches(textStep("^(Buy|Your .*)$", TextMatchMode::Regex, true), events, {false, true, true});
}

TEST(CompiledDefinition, HrefModes)
{
    auto hrefStep = [](std::string pattern, TextMatchMode mode) {
        Step s;
        s.href = TextCriterion{std::move(pattern), mode, true};
        return definitionOf("d", {s});
    };
    const std::vector<EventSpec> events = {click(kBuyButton), click(kNavLink)};
    expectMatches(hrefStep("/orders/7", TextMatchMode::Exact), events, {false, true});
    expectMatches(hrefStep("/orders", TextMatchMode::Exact), events, {false, false});
    expectMatches(hrefStep("orders", TextMatchMode::Contains), events, {false, true});
    expectMatches(hrefStep("^/orders/[0-9]+$", TextMatchMode::Regex), events, {false, true});
}

TEST(CompiledDefinition, UrlModesAndScopes)
{
    auto urlStep = [](std::string pattern, TextMatchMode mode, UrlScope scope, bool cs = true) {
        Step s;
        s.url = UrlCriterion{std::move(pattern), mode, cs, scope};
        return definitionOf("d", {s});
    };
    EventSpec noUrl = click(kBuyButton, "");
    const std::vector<EventSpec> events = {click(kNavLink, "https://shop.example/orders/7?x=1#top"),
                                           click(kBuyButton, "https://shop.example/products/boots"),
                                           click(kNavLink, "https://other.example/ORDERS/8"), noUrl};
    expectMatches(urlStep("https://shop.example/orders/7?x=1#top", TextMatchMode::Exact, UrlScope::Full),
                  events, {true, false, false, false});
    expectMatches(urlStep("/orders/7", TextMatchMode::Exact, UrlScope::Path), events,
                  {true, false, false, false});
    expectMatches(urlStep("/orders/", TextMatchMode::Contains, UrlScope::Full), events,
                  {true, false, false, false});
    expectMatches(urlStep("/orders/", TextMatchMode::Contains, UrlScope::Full, false), events,
                  {true, false, true, false});
    expectMatches(urlStep("*/orders/*", TextMatchMode::Wildcard, UrlScope::Full), events,
                  {true, false, false, false});
    expectMatches(urlStep("/products/*", TextMatchMode::Wildcard, UrlScope::Path), events,
                  {false, true, false, false});
    // A wildcard pattern covers the whole text: on the full URL `/products/*` needs the scheme too.
    expectMatches(urlStep("/products/*", TextMatchMode::Wildcard, UrlScope::Full), events,
                  {false, false, false, false});
    expectMatches(urlStep("^https://[a-z]+\\.example/", TextMatchMode::Regex, UrlScope::Full), events,
                  {true, true, true, false});
    // Without a URL, no URL criterion holds, not even "contains nothing".
    expectMatches(urlStep("", TextMatchMode::Contains, UrlScope::Full), events, {true, true, true, false});
}

TEST(CompiledDefinition, PropertyFiltersCompareValuesAsText)
{
    const std::vector<EventSpec> events = {
        withProps(R"({"plan":"pro","total":42,"paid":true,"coupon":null,"items":[1,2]})"),
        withProps(R"({"plan":"free","total":1.50,"paid":false})"), withProps("{}"),
        withProps(R"({"plan":"pro plus","total":"42"})")};
    auto propStep = [](std::string key, PropertyOp op, std::string value = {}) {
        Step s;
        s.properties.push_back(PropertyFilter{std::move(key), op, std::move(value)});
        return definitionOf("d", {s});
    };
    expectMatches(propStep("plan", PropertyOp::Equals, "pro"), events, {true, false, false, false});
    // Numbers compare by their JSON spelling; the string "42" has the same text.
    expectMatches(propStep("total", PropertyOp::Equals, "42"), events, {true, false, false, true});
    expectMatches(propStep("total", PropertyOp::Equals, "1.50"), events, {false, true, false, false});
    expectMatches(propStep("total", PropertyOp::Equals, "1.5"), events, {false, false, false, false});
    expectMatches(propStep("paid", PropertyOp::Equals, "true"), events, {true, false, false, false});
    expectMatches(propStep("coupon", PropertyOp::Equals, "null"), events, {true, false, false, false});
    expectMatches(propStep("items", PropertyOp::Equals, "[1,2]"), events, {true, false, false, false});
    // Not equals holds when the key is absent.
    expectMatches(propStep("plan", PropertyOp::NotEquals, "pro"), events, {false, true, true, true});
    expectMatches(propStep("plan", PropertyOp::Contains, "pro"), events, {true, false, false, true});
    expectMatches(propStep("plan", PropertyOp::Regex, "^pro$"), events, {true, false, false, false});
    expectMatches(propStep("paid", PropertyOp::IsSet), events, {true, true, false, false});
    expectMatches(propStep("paid", PropertyOp::IsNotSet), events, {false, false, true, true});
    // Two filters in one step: both must hold.
    Step both;
    both.properties = {PropertyFilter{"plan", PropertyOp::Contains, "pro"},
                       PropertyFilter{"total", PropertyOp::Equals, "42"}};
    expectMatches(definitionOf("d", {both}), events, {true, false, false, true});
}

TEST(CompiledDefinition, ConditionsOfAStepAreAndedAndStepsOred)
{
    Step buyOnProducts = stepWithSelector("button.buy");
    buyOnProducts.eventTypes = {"click"};
    buyOnProducts.url = UrlCriterion{"/products/*", TextMatchMode::Wildcard, true, UrlScope::Path};
    Step orders;
    orders.href = TextCriterion{"/orders/", TextMatchMode::Contains, true};
    EventSpec buyElsewhere = click(kBuyButton, "https://shop.example/cart");
    EventSpec buySubmit = click(kBuyButton);
    buySubmit.type = "submit";
    const std::vector<EventSpec> events = {click(kBuyButton), buyElsewhere, buySubmit, click(kNavLink),
                                           click(kSpanInDiv)};
    expectMatches(definitionOf("d", {buyOnProducts}), events, {true, false, false, false, false});
    expectMatches(definitionOf("d", {buyOnProducts, orders}), events, {true, false, false, true, false});
}

TEST(CompiledDefinition, WithoutAChainNoElementConditionHolds)
{
    EventSpec pageview;
    pageview.type = "pageview";
    pageview.chain.clear();
    Step any;
    any.selector = "*";
    Step typeOnly;
    typeOnly.eventTypes = {"pageview"};
    expectMatches(definitionOf("d", {any}), {pageview, click(kNavLink)}, {false, true});
    expectMatches(definitionOf("d", {typeOnly}), {pageview, click(kNavLink)}, {true, false});
}

TEST(CompiledDefinition, MatchingElementIndexNamesTheSatisfyingElement)
{
    TestStore ts;
    ts.add({click(kBuyButton)});
    auto index = ts.index();
    const auto buy = matchableOf(click(kBuyButton));
    EXPECT_EQ(compileOrDie(definitionOf("d", {stepWithSelector("button")}), *index).matchingElementIndex(buy),
              1);
    EXPECT_EQ(compileOrDie(definitionOf("d", {stepWithSelector("form")}), *index).matchingElementIndex(buy),
              2);
    EXPECT_EQ(compileOrDie(definitionOf("d", {stepWithSelector("span")}), *index).matchingElementIndex(buy),
              0);
    EXPECT_EQ(compileOrDie(definitionOf("d", {stepWithSelector("table")}), *index).matchingElementIndex(buy),
              -1);
    Step typeOnly;
    typeOnly.eventTypes = {"click"};
    EXPECT_EQ(compileOrDie(definitionOf("d", {typeOnly}), *index).matchingElementIndex(buy), -1);
    // The first matching step decides.
    EXPECT_EQ(compileOrDie(definitionOf("d", {stepWithSelector("table"), stepWithSelector("body")}), *index)
                  .matchingElementIndex(buy),
              3);
    const auto c =
        compileOrDie(definitionOf("d", {stepWithSelector("table"), stepWithSelector("button")}), *index);
    ASSERT_TRUE(c.matchesRow(0));
    EXPECT_EQ(c.firstMatchingStep(0), 1);
    EXPECT_EQ(c.elementIndexInChain(1, index->chain(0)), 1);
}

TEST(CompiledDefinition, CombosOrTheirMembersRecursively)
{
    std::map<std::string, Definition, std::less<>> catalog;
    catalog["Buy"] = definitionOf("Buy", {stepWithSelector("button.buy")});
    catalog["Orders"] = definitionOf("Orders", {stepWithSelector("a.nav")});
    Definition both;
    both.name = "Buy or orders";
    both.combo = {"Buy", "Orders"};
    catalog["Buy or orders"] = both;
    Definition outer;
    outer.name = "Outer";
    outer.combo = {"Buy or orders"};
    const DefinitionLookup lookup = [&](std::string_view name) -> const Definition * {
        const auto it = catalog.find(name);
        return it == catalog.end() ? nullptr : &it->second;
    };
    const std::vector<EventSpec> events = {click(kBuyButton), click(kNavLink), click(kSpanInDiv)};
    expectMatches(both, events, {true, true, false}, lookup);
    expectMatches(outer, events, {true, true, false}, lookup);
}

TEST(CompiledDefinition, CombosRefuseCyclesUnknownNamesAndMissingLookup)
{
    TestStore ts;
    ts.add({click(kBuyButton)});
    auto index = ts.index();
    std::map<std::string, Definition, std::less<>> catalog;
    Definition a;
    a.name = "A";
    a.combo = {"B"};
    Definition b;
    b.name = "B";
    b.combo = {"Plain", "A"};
    catalog["A"] = a;
    catalog["B"] = b;
    catalog["Plain"] = definitionOf("Plain", {stepWithSelector("button")});
    const DefinitionLookup lookup = [&](std::string_view name) -> const Definition * {
        const auto it = catalog.find(name);
        return it == catalog.end() ? nullptr : &it->second;
    };
    CompileError error;
    EXPECT_FALSE(CompiledDefinition::compile(a, *index, lookup, &error));
    EXPECT_EQ(error.path, "combo[0]");
    EXPECT_NE(error.message().find("itself"), std::string::npos) << error.message();

    Definition unknown;
    unknown.name = "U";
    unknown.combo = {"Plain", "Nope"};
    EXPECT_FALSE(CompiledDefinition::compile(unknown, *index, lookup, &error));
    EXPECT_EQ(error.path, "combo[1]");
    EXPECT_NE(error.reason.find("Nope"), std::string::npos);

    EXPECT_FALSE(CompiledDefinition::compile(unknown, *index, DefinitionLookup(), &error));
    EXPECT_EQ(error.path, "combo[0]");

    // A combo that names the same definition twice (no cycle) is fine.
    Definition twice;
    twice.name = "Twice";
    twice.combo = {"Plain", "Plain"};
    EXPECT_TRUE(CompiledDefinition::compile(twice, *index, lookup, &error)) << error.message();
}

TEST(CompiledDefinition, BadCriteriaAreRefusedWithPathAndPosition)
{
    TestStore ts;
    ts.add({click(kBuyButton)});
    auto index = ts.index();
    CompileError error;

    Step badSelector = stepWithSelector("button[data-x");
    EXPECT_FALSE(CompiledDefinition::compile(definitionOf("d", {Step{}, badSelector}), *index, {}, &error));
    EXPECT_EQ(error.path, "steps[1].selector");
    ASSERT_TRUE(error.position);
    EXPECT_FALSE(error.reason.empty());
    EXPECT_EQ(error.message().rfind("steps[1].selector: ", 0), 0u) << error.message();

    Step badRegex;
    badRegex.text = TextCriterion{"(buy", TextMatchMode::Regex, true};
    EXPECT_FALSE(CompiledDefinition::compile(definitionOf("d", {badRegex}), *index, {}, &error));
    EXPECT_EQ(error.path, "steps[0].text");
    EXPECT_EQ(error.position, std::optional<std::size_t>(0));

    Step badUrl;
    badUrl.url = UrlCriterion{"[z-a]", TextMatchMode::Regex, true, UrlScope::Full};
    EXPECT_FALSE(CompiledDefinition::compile(definitionOf("d", {badUrl}), *index, {}, &error));
    EXPECT_EQ(error.path, "steps[0].url");

    Step badProperty;
    badProperty.properties = {PropertyFilter{"plan", PropertyOp::Equals, "x"},
                              PropertyFilter{"plan", PropertyOp::Regex, "a)"}};
    EXPECT_FALSE(CompiledDefinition::compile(definitionOf("d", {badProperty}), *index, {}, &error));
    EXPECT_EQ(error.path, "steps[0].properties[1].value");

    EXPECT_FALSE(CompiledDefinition::compile(definitionOf("empty", {}), *index, {}, &error));
    EXPECT_EQ(error.path, "steps");
}

namespace {

/// Random but realistic interactions: chains from a small vocabulary of tags, classes, ids,
/// texts, links and attributes; a few URLs; property objects with strings, numbers, booleans.
std::vector<EventSpec> randomEvents(std::mt19937 &rng, int n, std::size_t chainPool = 0)
{
    auto pick = [&](const auto &options) { return options[rng() % options.size()]; };
    const std::vector<std::string> tags = {"button", "a", "span", "div", "li", "svg", "input", "form"};
    const std::vector<std::string> classes = {
        "btn", "btn-primary", "buy", "nav", "hover:bg-blue-500/75", "w-1/2", "card", "sc-aXZVg"};
    const std::vector<std::string> texts = {
        "", "", "Buy", "Add to cart", "add to cart", "Your orders", "Ärger", "Save"};
    const std::vector<std::string> hrefs = {
        "", "", "", "/orders/7", "/products/boots", "https://x.example/a"};
    const std::vector<std::string> urls = {"",
                                           "https://shop.example/",
                                           "https://shop.example/products/boots?c=red",
                                           "https://shop.example/products/tent",
                                           "https://shop.example/orders/7#top",
                                           "https://shop.example/cart",
                                           "http://other.example/Products/x"};
    const std::vector<std::string> types = {"click",  "click",    "click",          "submit",
                                            "change", "pageview", "Order Completed"};
    const std::vector<std::string> props = {"{}", R"({"plan":"pro","total":42})",
                                            R"({"plan":"free","total":1.5,"paid":false})", R"({"paid":true})",
                                            R"({"plan":"pro plus","total":"42","paid":true})"};
    std::vector<EventSpec> events;
    std::vector<std::string> pool;
    for (int i = 0; i < n; ++i) {
        EventSpec e;
        e.ms = kMarch1 + i * 1000;
        e.type = pick(types);
        e.url = pick(urls);
        e.properties = pick(props);
        e.distinctId = "u" + std::to_string(rng() % 40);
        e.session = "s" + std::to_string(rng() % 90);
        const int depth = e.type == "pageview" ? 0 : static_cast<int>(rng() % 5) + 1;
        for (int k = 0; k < depth; ++k) {
            std::string el = pick(tags);
            for (int c = 0; c < 2; ++c)
                if (rng() % 2) el += "." + pick(classes);
            el += ":";
            if (rng() % 4 == 0) el += "attr__data-track=\"t" + std::to_string(rng() % 3) + "\"";
            if (rng() % 5 == 0) el += "attr_id=\"id" + std::to_string(rng() % 3) + "\"";
            if (const std::string h = pick(hrefs); !h.empty()) el += "href=\"" + h + "\"";
            el += "nth-child=\"" + std::to_string(rng() % 4 + 1) + "\"nth-of-type=\"" +
                  std::to_string(rng() % 2 + 1) + "\"";
            if (const std::string t = pick(texts); !t.empty()) el += "text=\"" + t + "\"";
            e.chain += (k ? ";" : "") + el;
        }
        // With a pool, chains repeat (as on a real site): the first `chainPool` are kept and
        // reused.
        if (chainPool > 0 && !e.chain.empty()) {
            if (pool.size() < chainPool)
                pool.push_back(e.chain);
            else
                e.chain = pick(pool);
        }
        events.push_back(std::move(e));
    }
    return events;
}

Definition randomDefinition(std::mt19937 &rng)
{
    auto pick = [&](const auto &options) { return options[rng() % options.size()]; };
    const std::vector<std::string> selectors = {"button",
                                                ".buy",
                                                "a.nav",
                                                "div > button",
                                                "form button",
                                                "li:nth-child(2)",
                                                "[data-track=\"t1\"]",
                                                "#id0",
                                                ".hover\\:bg-blue-500\\/75",
                                                "span:nth-of-type(1)",
                                                "*",
                                                "button.btn, a"};
    const std::vector<TextCriterion> texts = {{"Add to cart", TextMatchMode::Exact, true},
                                              {"add to cart", TextMatchMode::Exact, false},
                                              {"ger", TextMatchMode::Contains, true},
                                              {"ärger", TextMatchMode::Exact, false},
                                              {"^(Buy|Save)$", TextMatchMode::Regex, true}};
    const std::vector<TextCriterion> hrefs = {{"/orders/7", TextMatchMode::Exact, true},
                                              {"products", TextMatchMode::Contains, true},
                                              {"^https?://", TextMatchMode::Regex, true}};
    const std::vector<UrlCriterion> urls = {{"*/products/*", TextMatchMode::Wildcard, true, UrlScope::Full},
                                            {"/products/*", TextMatchMode::Wildcard, false, UrlScope::Path},
                                            {"/cart", TextMatchMode::Exact, true, UrlScope::Path},
                                            {"orders", TextMatchMode::Contains, true, UrlScope::Full},
                                            {"#top$", TextMatchMode::Regex, true, UrlScope::Full}};
    const std::vector<PropertyFilter> filters = {
        {"plan", PropertyOp::Equals, "pro"},   {"plan", PropertyOp::NotEquals, "pro"},
        {"total", PropertyOp::Equals, "42"},   {"plan", PropertyOp::Contains, "pro"},
        {"total", PropertyOp::Regex, "^1\\."}, {"paid", PropertyOp::IsSet, ""},
        {"paid", PropertyOp::IsNotSet, ""}};
    const std::vector<std::vector<std::string>> typeSets = {
        {}, {"click"}, {"click", "submit"}, {"Order Completed"}};
    Definition d;
    d.name = "random";
    const int steps = static_cast<int>(rng() % 3) + 1;
    for (int s = 0; s < steps; ++s) {
        Step step;
        step.eventTypes = pick(typeSets);
        if (rng() % 2) step.selector = pick(selectors);
        if (rng() % 3 == 0) step.text = pick(texts);
        if (rng() % 4 == 0) step.href = pick(hrefs);
        if (rng() % 3 == 0) step.url = pick(urls);
        if (rng() % 3 == 0) step.properties.push_back(pick(filters));
        if (rng() % 6 == 0) step.properties.push_back(pick(filters));
        d.steps.push_back(std::move(step));
    }
    return d;
}

} // namespace

namespace {

void expectFastPathAgrees(const std::vector<EventSpec> &events, std::mt19937 &rng, bool expectShapes)
{
    TestStore ts;
    ts.add(events);
    auto index = ts.index();
    ASSERT_EQ(index->size(), events.size());
    std::vector<MatchableInteraction> direct;
    for (const EventSpec &e : events)
        direct.push_back(matchableOf(e));

    std::size_t nonTrivial = 0, shapeScans = 0;
    for (int round = 0; round < 150; ++round) {
        const Definition def = randomDefinition(rng);
        const CompiledDefinition c = compileOrDie(def, *index);
        shapeScans += c.scansShapes();
        std::size_t matched = 0;
        std::vector<std::uint8_t> flags(index->size());
        c.matchRows(0, index->size(), flags.data());
        for (std::size_t r = 0; r < events.size(); ++r) {
            const bool expected = c.matches(direct[r]);
            ASSERT_EQ(c.matchesRow(r), expected)
                << "round " << round << " row " << r << " chain " << events[r].chain;
            ASSERT_EQ(flags[r] != 0, expected) << "round " << round << " row " << r;
            matched += expected;
        }
        EXPECT_EQ(c.countRows(0, index->size()), matched);
        EXPECT_EQ(c.countRows(17, 1234), std::count(flags.begin() + 17, flags.begin() + 1234, 1));
        if (matched > 0 && matched < events.size()) ++nonTrivial;
    }
    // The rounds must exercise real decisions, not only "all" or "nothing" ...
    EXPECT_GT(nonTrivial, 60u);
    // ... and the scan strategy meant for this store.
    if (expectShapes) {
        EXPECT_GT(shapeScans, 100u);
    } else {
        EXPECT_EQ(shapeScans, 0u);
    }
}

} // namespace

TEST(CompiledDefinition, FastPathAgreesWithDirectEvaluationOnARandomStore)
{
    // Nearly every chain different: scans look type, URL and chain up through the shape
    // dictionary, row by row.
    std::mt19937 rng(20240301);
    expectFastPathAgrees(randomEvents(rng, 3000), rng, false);
}

TEST(CompiledDefinition, FastPathAgreesWithDirectEvaluationWhenShapesRepeat)
{
    // A dozen chains, as on a real site: scans read the folded shape column.
    std::mt19937 rng(424242);
    expectFastPathAgrees(randomEvents(rng, 6000, 12), rng, true);
}

TEST(CompiledDefinition, ManyStepsBeyondOneMaskWordStillOr)
{
    std::mt19937 rng(7);
    std::vector<EventSpec> events = randomEvents(rng, 500);
    TestStore ts;
    ts.add(events);
    auto index = ts.index();
    // 70 steps that match nothing, then one that matches buttons.
    Definition d;
    d.name = "wide";
    for (int i = 0; i < 70; ++i) {
        Step s;
        s.eventTypes = {"no-such-type-" + std::to_string(i)};
        d.steps.push_back(s);
    }
    d.steps.push_back(stepWithSelector("button"));
    const CompiledDefinition c = compileOrDie(d, *index);
    std::size_t matched = 0;
    for (std::size_t r = 0; r < events.size(); ++r) {
        const bool expected = c.matches(matchableOf(events[r]));
        ASSERT_EQ(c.matchesRow(r), expected) << r;
        if (expected) {
            ++matched;
            EXPECT_EQ(c.firstMatchingStep(r), 70);
        }
    }
    EXPECT_GT(matched, 0u);
}
