// Tests for reading and writing PostHog's `$elements_chain` text.
#include "core/capture/elementchain.h"

#include <chrono>
#include <climits>
#include <cstdio>
#include <gtest/gtest.h>
#include <iterator>
#include <random>
#include <string>
#include <vector>

namespace hindsight::capture {
namespace {

using model::Element;
using model::ElementChain;
using Attributes = std::vector<std::pair<std::string, std::string>>;

ElementChain parseOk(std::string_view text)
{
    ElementChain chain;
    ChainError error;
    EXPECT_TRUE(parseElementsChain(text, chain, &error))
        << "at " << error.position << ": " << error.reason << "\n  input: " << text;
    return chain;
}

ChainError parseFails(std::string_view text)
{
    ElementChain chain{Element{}};
    ChainError error;
    EXPECT_FALSE(parseElementsChain(text, chain, &error)) << "input: " << text;
    EXPECT_TRUE(chain.empty()) << "a failed parse leaves no half-read elements";
    EXPECT_FALSE(error.reason.empty());
    EXPECT_LE(error.position, text.size());
    return error;
}

// --- PostHog's published examples ------------------------------------------------------------

TEST(ElementChainParse, ProductBriefExample)
{
    const std::string chain = R"(a.btn.primary:attr__class="btn primary"attr__href="/cart"href="/cart")"
                              R"(nth-child="1"nth-of-type="1"text="Cart";li:nth-child="2"nth-of-type="2")";
    const ElementChain elements = parseOk(chain);
    ASSERT_EQ(elements.size(), 2u);

    const Element &a = elements[0];
    EXPECT_EQ(a.tag, "a");
    EXPECT_EQ(a.classes, (std::vector<std::string>{"btn", "primary"}));
    EXPECT_EQ(a.text, "Cart");
    EXPECT_EQ(a.href, "/cart");
    EXPECT_EQ(a.id, "");
    EXPECT_EQ(a.nthChild, 1);
    EXPECT_EQ(a.nthOfType, 1);
    EXPECT_EQ(a.attributes, (Attributes{{"class", "btn primary"}, {"href", "/cart"}}));
    ASSERT_NE(a.attribute("class"), nullptr);
    EXPECT_EQ(*a.attribute("class"), "btn primary");

    const Element &li = elements[1];
    EXPECT_EQ(li.tag, "li");
    EXPECT_TRUE(li.classes.empty());
    EXPECT_TRUE(li.attributes.empty());
    EXPECT_EQ(li.nthChild, 2);
    EXPECT_EQ(li.nthOfType, 2);

    // The example is already canonical, so writing it back gives the same text.
    EXPECT_EQ(serializeElementsChain(elements), chain);
}

// PostHog's own elements_to_string test chain (posthog/models/element): an attribute value
// holding an escaped quote and semicolons, unknown keys, zero nth values.
TEST(ElementChainParse, PostHogElementsToStringExample)
{
    const std::string chain =
        R"(a.small:data-attr="something \" that; could mess up"href="/a-url"nth-child="1"nth-of-type="0")"
        R"(number="33"prop="value"style="min-height: 100vh;"text="bla bla";)"
        R"(button.btn.btn-primary:nth-child="0"nth-of-type="0";div:nth-child="0"nth-of-type="0";)"
        R"(div:attr_id="nested"nth-child="0"nth-of-type="0")";
    const ElementChain elements = parseOk(chain);
    ASSERT_EQ(elements.size(), 4u);

    EXPECT_EQ(elements[0].tag, "a");
    EXPECT_EQ(elements[0].href, "/a-url");
    EXPECT_EQ(elements[0].text, "bla bla");
    EXPECT_EQ(elements[0].classes, (std::vector<std::string>{"small"}));
    EXPECT_EQ(elements[0].attributes, (Attributes{{"data-attr", "something \" that; could mess up"},
                                                  {"number", "33"},
                                                  {"prop", "value"},
                                                  {"style", "min-height: 100vh;"}}));
    EXPECT_EQ(elements[0].nthChild, 1);
    EXPECT_EQ(elements[0].nthOfType, 0);

    EXPECT_EQ(elements[1].tag, "button");
    EXPECT_EQ(elements[1].classes, (std::vector<std::string>{"btn", "btn-primary"}));
    EXPECT_EQ(elements[2].tag, "div");
    EXPECT_EQ(elements[3].tag, "div");
    EXPECT_EQ(elements[3].id, "nested");
}

// The "attr__ prefixed production-shaped chain" from PostHog's element tests.
TEST(ElementChainParse, PostHogProductionShapedChain)
{
    const ElementChain elements = parseOk(
        R"(svg.LemonIcon.text-3xl:attr__class="LemonIcon text-3xl"attr__fill="currentColor"attr__width="100%")"
        R"(nth-child="1"nth-of-type="1";div:attr_id="nested"nth-child="0"nth-of-type="0")");
    ASSERT_EQ(elements.size(), 2u);
    EXPECT_EQ(elements[0].tag, "svg");
    EXPECT_EQ(elements[0].classes, (std::vector<std::string>{"LemonIcon", "text-3xl"}));
    EXPECT_EQ(elements[0].attributes,
              (Attributes{{"class", "LemonIcon text-3xl"}, {"fill", "currentColor"}, {"width", "100%"}}));
    EXPECT_EQ(elements[1].id, "nested");
}

// PostHog's "broken class names" cases: runs of dots, a class holding ':' next to the key part.
TEST(ElementChainParse, PostHogBrokenClassNames)
{
    const ElementChain dots = parseOk("a........small");
    ASSERT_EQ(dots.size(), 1u);
    EXPECT_EQ(dots[0].tag, "a");
    EXPECT_EQ(dots[0].classes, (std::vector<std::string>{"small"}));

    const ElementChain colon =
        parseOk(R"(a.small.xy:z:attr_class="xyz small\""href="/a-url"nth-child="0"nth-of-type="0")");
    ASSERT_EQ(colon.size(), 1u);
    EXPECT_EQ(colon[0].tag, "a");
    EXPECT_EQ(colon[0].href, "/a-url");
    EXPECT_EQ(colon[0].classes, (std::vector<std::string>{"small", "xy:z"}));
    // attr_class is not a key PostHog reserves: kept as an attribute under its own name.
    EXPECT_EQ(colon[0].attributes, (Attributes{{"attr_class", "xyz small\""}}));
}

// posthog-js getElementsChainString test output, and the shape posthog-js writes for a link
// with an id (attr__id and attr_id both present).
TEST(ElementChainParse, PostHogJsChains)
{
    const ElementChain simple = parseOk(R"(div:text="text"nth-child="1"nth-of-type="2")");
    ASSERT_EQ(simple.size(), 1u);
    EXPECT_EQ(simple[0].tag, "div");
    EXPECT_EQ(simple[0].text, "text");
    EXPECT_EQ(simple[0].nthChild, 1);
    EXPECT_EQ(simple[0].nthOfType, 2);

    const ElementChain link = parseOk(
        R"(a.nav-link:attr__class="nav-link"attr__href="/pricing"attr__id="pricing-link"attr_id="pricing-link")"
        R"(href="/pricing"nth-child="3"nth-of-type="1"text="Pricing";nav.top:attr__class="top"nth-child="1")"
        R"(nth-of-type="1";body:nth-child="2"nth-of-type="1")");
    ASSERT_EQ(link.size(), 3u);
    EXPECT_EQ(link[0].id, "pricing-link");
    EXPECT_EQ(link[0].attributes,
              (Attributes{{"class", "nav-link"}, {"href", "/pricing"}, {"id", "pricing-link"}}));
    EXPECT_EQ(link[2].tag, "body");
    EXPECT_EQ(summarizeTarget(link), "a#pricing-link.nav-link \"Pricing\"");
}

// --- key mapping ------------------------------------------------------------------------------

TEST(ElementChainParse, IdComesFromAttrIdOrElseFromAttrUnderscoreId)
{
    EXPECT_EQ(parseOk(R"(button:attr__id="from-attribute")")[0].id, "from-attribute");
    EXPECT_EQ(parseOk(R"(button:attr__id="attribute"attr_id="dedicated")")[0].id, "dedicated");
    const ElementChain both = parseOk(R"(button:attr__id="attribute"attr_id="dedicated")");
    EXPECT_EQ(both[0].attributes, (Attributes{{"id", "attribute"}}));
    EXPECT_EQ(parseOk(R"(button:nth-child="1")")[0].id, "");
}

TEST(ElementChainParse, TagIsLowerCasedAndClassesSortedUnique)
{
    const ElementChain e = parseOk(R"(BUTTON.zeta.Alpha.zeta..beta:nth-child="4")");
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(e[0].tag, "button");
    EXPECT_EQ(e[0].classes, (std::vector<std::string>{"Alpha", "beta", "zeta"}));
    EXPECT_EQ(e[0].nthChild, 4);
}

TEST(ElementChainParse, UnknownKeysAndDuplicatesAndKeyOrder)
{
    // Keys in any order; unknown keys kept as attributes; a later duplicate wins.
    const ElementChain e =
        parseOk(R"(input:text="old"role="switch"attr__zz="1"text="new"attr__aa="2"attr__zz="3"data-x="y")");
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(e[0].text, "new");
    EXPECT_EQ(e[0].attributes, (Attributes{{"aa", "2"}, {"data-x", "y"}, {"role", "switch"}, {"zz", "3"}}));
}

TEST(ElementChainParse, AttributeNamesWithColonsAndEqualsSigns)
{
    // Alpine.js and SVG attribute names hold ':'; they come first in a canonical chain.
    const ElementChain alpine = parseOk(R"(button.btn:attr__x-on:click="open = !open"nth-child="1")");
    ASSERT_EQ(alpine.size(), 1u);
    EXPECT_EQ(alpine[0].tag, "button");
    EXPECT_EQ(alpine[0].classes, (std::vector<std::string>{"btn"}));
    EXPECT_EQ(alpine[0].attributes, (Attributes{{"x-on:click", "open = !open"}}));
    EXPECT_EQ(alpine[0].nthChild, 1);

    const ElementChain svg = parseOk(R"(use:attr__xlink:href="#icon-cart")");
    ASSERT_EQ(svg.size(), 1u);
    EXPECT_EQ(svg[0].tag, "use");
    EXPECT_EQ(svg[0].attributes, (Attributes{{"xlink:href", "#icon-cart"}}));

    // A key runs to the first `="`, so it may hold '=' itself (as PostHog reads it).
    const ElementChain eq = parseOk(R"(a:href="/x?b=c"a=b="v")");
    EXPECT_EQ(eq[0].href, "/x?b=c");
    EXPECT_EQ(eq[0].attributes, (Attributes{{"a=b", "v"}}));
}

TEST(ElementChainParse, EmptyValuesAreValues)
{
    // posthog-js writes boolean attributes as empty strings: attr__disabled="".
    const ElementChain e = parseOk(R"(button:attr__disabled=""attr__type="submit"text="Go")");
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(e[0].attributes, (Attributes{{"disabled", ""}, {"type", "submit"}}));
    EXPECT_EQ(e[0].text, "Go");
}

// --- escapes ---------------------------------------------------------------------------------

TEST(ElementChainParse, EscapedQuotesAndBackslashes)
{
    const ElementChain e = parseOk(R"(p:text="She said \"hi\"; then \\ left \n as is")");
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(e[0].text, R"(She said "hi"; then \ left \n as is)");

    // A ';' inside a value does not split elements, outside it does.
    const ElementChain two = parseOk(R"(span:text="a;b";div:text="c")");
    ASSERT_EQ(two.size(), 2u);
    EXPECT_EQ(two[0].text, "a;b");
    EXPECT_EQ(two[1].text, "c");

    // `\\"` is an escaped backslash followed by the closing quote.
    const ElementChain closing = parseOk(R"(a:text="C:\\"href="/x")");
    EXPECT_EQ(closing[0].text, R"(C:\)");
    EXPECT_EQ(closing[0].href, "/x");
}

TEST(ElementChainWrite, EscapesQuotesAndBackslashes)
{
    Element e;
    e.tag = "p";
    e.text = R"(She said "hi" \ bye)";
    EXPECT_EQ(serializeElementsChain({e}), R"(p:text="She said \"hi\" \\ bye")");
    EXPECT_EQ(parseOk(serializeElementsChain({e})), ElementChain{e});
}

// --- utility classes ---------------------------------------------------------------------------

TEST(ElementChainParse, UtilityClassesWithColonsAndSlashesSurvive)
{
    const ElementChain e = parseOk(
        R"(div.hover:bg-blue-500/75.w-1/2.md:w-1/2.data-[state=open]:bg-white:nth-child="1"text="x")");
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(e[0].tag, "div");
    EXPECT_EQ(e[0].classes, (std::vector<std::string>{"data-[state=open]:bg-white", "hover:bg-blue-500/75",
                                                      "md:w-1/2", "w-1/2"}));
    EXPECT_EQ(e[0].nthChild, 1);
    EXPECT_EQ(e[0].text, "x");

    // Without any key part: the whole element is tag and classes.
    const ElementChain bare = parseOk("div.hover:bg-blue-500/75;span.sm:flex:");
    ASSERT_EQ(bare.size(), 2u);
    EXPECT_EQ(bare[0].classes, (std::vector<std::string>{"hover:bg-blue-500/75"}));
    EXPECT_EQ(bare[1].tag, "span");
    EXPECT_EQ(bare[1].classes, (std::vector<std::string>{"sm:flex"}));
    EXPECT_TRUE(bare[1].attributes.empty());

    // They are written back unchanged.
    EXPECT_EQ(serializeElementsChain(e),
              R"(div.data-[state=open]:bg-white.hover:bg-blue-500/75.md:w-1/2.w-1/2:nth-child="1"text="x")");
}

// --- empty and odd-but-harmless input -----------------------------------------------------------

TEST(ElementChainParse, EmptyChain)
{
    EXPECT_TRUE(parseOk("").empty());
    EXPECT_TRUE(parseOk(" \n").empty());
    EXPECT_TRUE(parseOk(";;").empty());
    EXPECT_EQ(serializeElementsChain({}), "");
    EXPECT_EQ(summarizeTarget({}), "");

    // A previous result is replaced, not appended to.
    ElementChain reused = parseOk("a:text=\"x\";b;c");
    ASSERT_EQ(reused.size(), 3u);
    ASSERT_TRUE(parseElementsChain("", reused));
    EXPECT_TRUE(reused.empty());
}

TEST(ElementChainParse, ReusedOutputHoldsOnlyTheNewChain)
{
    ElementChain chain;
    ASSERT_TRUE(parseElementsChain(R"(a.x.y:attr__k="v"href="/h"nth-child="3"text="t";b;c)", chain));
    ASSERT_TRUE(parseElementsChain(R"(li:nth-of-type="2")", chain));
    ASSERT_EQ(chain.size(), 1u);
    Element expected;
    expected.tag = "li";
    expected.nthOfType = 2;
    EXPECT_EQ(chain[0], expected);
}

TEST(ElementChainParse, EmptyElementsAndSurroundingSpaceAreSkipped)
{
    const ElementChain e = parseOk(" a:text=\"x\" ;; b ;\n");
    ASSERT_EQ(e.size(), 2u);
    EXPECT_EQ(e[0].tag, "a");
    EXPECT_EQ(e[0].text, "x");
    EXPECT_EQ(e[1].tag, "b");

    // A lone ':' is an element with nothing known about it.
    const ElementChain blank = parseOk(":;li");
    ASSERT_EQ(blank.size(), 2u);
    EXPECT_EQ(blank[0], Element{});
}

// --- writing ---------------------------------------------------------------------------------

TEST(ElementChainWrite, CanonicalKeyOrderAndOmissions)
{
    Element a;
    a.tag = "A";
    a.id = "cart-link";
    a.classes = {"primary", "btn", "primary"};
    a.text = "Cart";
    a.href = "/cart";
    a.attributes = {{"href", "/cart"}, {"class", "btn primary"}, {"data-track", "nav"}};
    a.nthChild = 1;
    a.nthOfType = 1;
    Element li;
    li.tag = "li";
    li.nthChild = 2;
    Element empty;

    EXPECT_EQ(serializeElementsChain({a, li, empty}),
              R"(a.btn.primary:attr__class="btn primary"attr__data-track="nav"attr__href="/cart")"
              R"(attr_id="cart-link"href="/cart"nth-child="1"nth-of-type="1"text="Cart";li:nth-child="2";:)");

    // Writing does not touch the input, and canonicalize gives what reading back gives.
    EXPECT_EQ(a.classes, (std::vector<std::string>{"primary", "btn", "primary"}));
    Element canonical = a;
    canonicalize(canonical);
    EXPECT_EQ(canonical.classes, (std::vector<std::string>{"btn", "primary"}));
    EXPECT_EQ(canonical.attributes,
              (Attributes{{"class", "btn primary"}, {"data-track", "nav"}, {"href", "/cart"}}));
    canonical.tag = "a";
    EXPECT_EQ(parseOk(serializeElementsChain({a})), ElementChain{canonical});
}

TEST(ElementChainWrite, DropsWhatTheFormatCannotCarry)
{
    Element e;
    e.tag = "my.tag";
    e.classes = {"small\"", "a b", "\"", "x;y"};
    e.attributes = {{"data \"x\"", "1"}};
    // As in PostHog, a quote in a class is dropped; so are ';' and white space.
    const std::string text = serializeElementsChain({e});
    EXPECT_EQ(text, R"(mytag.ab.small.xy:attr__datax="1")");
    const ElementChain back = parseOk(text);
    ASSERT_EQ(back.size(), 1u);
    EXPECT_EQ(back[0].classes, (std::vector<std::string>{"ab", "small", "xy"}));
    EXPECT_EQ(back[0].attributes, (Attributes{{"datax", "1"}}));

    // A class holding `:key=` would end the class part early; its '=' is dropped.
    Element odd;
    odd.classes = {"a:b=c"};
    EXPECT_EQ(serializeElementsChain({odd}), ".a:bc:");
}

TEST(ElementChainWrite, NegativeAndExtremeNthValuesRoundTrip)
{
    Element e;
    e.nthChild = INT_MAX;
    e.nthOfType = INT_MIN;
    EXPECT_EQ(serializeElementsChain({e}), R"(:nth-child="2147483647"nth-of-type="-2147483648")");
    EXPECT_EQ(parseOk(serializeElementsChain({e})), ElementChain{e});
}

// --- round trip over a seeded random set ---------------------------------------------------------

class ChainGenerator
{
  public:
    explicit ChainGenerator(unsigned seed) : m_rng(seed) {}

    ElementChain chain()
    {
        ElementChain c(pick(0, 8));
        for (auto &e : c)
            e = element();
        return c;
    }

  private:
    int pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(m_rng); }
    bool chance(int percent) { return pick(1, 100) <= percent; }

    template <std::size_t N> std::string from(const char *const (&pool)[N])
    {
        return pool[pick(0, static_cast<int>(N) - 1)];
    }

    std::string randomString(std::string_view alphabetAscii, int maxLen, bool withUtf8)
    {
        std::string s;
        const int len = pick(1, maxLen);
        for (int i = 0; i < len; ++i) {
            if (withUtf8 && chance(8))
                s += chance(50) ? "é" : "→";
            else
                s += alphabetAscii[static_cast<std::size_t>(
                    pick(0, static_cast<int>(alphabetAscii.size()) - 1))];
        }
        return s;
    }

    // Any bytes at all, leaning on the ones the format has to escape or step around.
    std::string value()
    {
        if (chance(30)) return {};
        static const std::string special =
            std::string("\"\\;:=. \n\t{}[]<>/") + std::string(1, '\0') + "\x01\x7f";
        std::string s;
        const int len = pick(1, 40);
        for (int i = 0; i < len; ++i) {
            const int kind = pick(0, 9);
            if (kind < 4)
                s += static_cast<char>(pick('a', 'z'));
            else if (kind < 8)
                s += special[static_cast<std::size_t>(pick(0, static_cast<int>(special.size()) - 1))];
            else if (kind == 8)
                s += "é";
            else
                s += static_cast<char>(pick(0, 255));
        }
        return s;
    }

    Element element()
    {
        static const char *const tags[] = {"a",   "button", "div",       "span", "li",
                                           "svg", "input",  "my-widget", "h1"};
        static const char *const classes[] = {"btn",
                                              "btn-primary",
                                              "hover:bg-blue-500/75",
                                              "w-1/2",
                                              "md:w-1/2",
                                              "sm:flex",
                                              "data-[state=open]:bg-white",
                                              "[&>*]:p-4",
                                              "LemonIcon",
                                              "text-3xl",
                                              "is-active",
                                              "Ünïcode"};
        static const char *const names[] = {"class",      "href",       "data-attr", "aria-label",
                                            "x-on:click", "xlink:href", "@click",    "role",
                                            "data-x.y",   "type",       "disabled",  "title"};
        Element e;
        if (chance(90))
            e.tag =
                chance(80) ? from(tags) : randomString("abcdefghijklmnopqrstuvwxyz0123456789-", 10, false);
        for (int i = pick(0, 6); i > 0; --i)
            e.classes.push_back(
                chance(70) ? from(classes)
                           : randomString("abcdefghijklmnopqrstuvwxyzABC0123456789-_:/[]&>*!", 12, true));
        if (chance(40)) e.id = value();
        if (chance(60)) e.text = value();
        if (chance(40)) e.href = value();
        for (int i = pick(0, 5); i > 0; --i)
            e.attributes.emplace_back(
                chance(70) ? from(names)
                           : randomString("abcdefghijklmnopqrstuvwxyz-_:.@0123456789", 12, true),
                value());
        if (!e.id.empty() && chance(50))
            e.attributes.emplace_back("id", e.id); // as posthog-js sends it: attr__id and attr_id
        if (chance(70)) e.nthChild = chance(90) ? pick(1, 40) : pick(INT_MIN, INT_MAX);
        if (chance(70)) e.nthOfType = chance(90) ? pick(1, 40) : pick(INT_MIN, INT_MAX);
        canonicalize(e);
        // posthog-js sends attr_id whenever attr__id is there; reading fills the id the same way.
        if (const std::string *fromAttribute = e.attribute("id"); fromAttribute && e.id.empty())
            e.id = *fromAttribute;
        return e;
    }

    std::mt19937 m_rng;
};

TEST(ElementChainRoundTrip, RandomChainsReadBackEqual)
{
    ChainGenerator generator(20240611u);
    for (int i = 0; i < 3000; ++i) {
        const ElementChain chain = generator.chain();
        const std::string text = serializeElementsChain(chain);
        ElementChain back;
        ChainError error;
        ASSERT_TRUE(parseElementsChain(text, back, &error))
            << "chain " << i << " at " << error.position << ": " << error.reason << "\n  " << text;
        ASSERT_EQ(back, chain) << "chain " << i << ": " << text;
        ASSERT_EQ(serializeElementsChain(back), text);
    }
}

// Unsorted input is written canonically: the same text as after canonicalize().
TEST(ElementChainRoundTrip, UnsortedInputIsWrittenCanonically)
{
    Element e;
    e.tag = "div";
    e.classes = {"b", "a", "c", "a"};
    e.attributes = {{"z", "1"}, {"a", "2"}, {"m", "3"}, {"a", "4"}};
    Element canonical = e;
    canonicalize(canonical);
    EXPECT_EQ(canonical.attributes, (Attributes{{"a", "4"}, {"m", "3"}, {"z", "1"}}));
    EXPECT_EQ(serializeElementsChain({e}), serializeElementsChain({canonical}));
    EXPECT_EQ(serializeElementsChain({e}), R"(div.a.b.c:attr__a="4"attr__m="3"attr__z="1")");
}

// --- malformed input -----------------------------------------------------------------------------

TEST(ElementChainMalformed, UnterminatedQuote)
{
    const std::string text = R"(a.btn:href="/x"text="Rent now)";
    const ChainError error = parseFails(text);
    EXPECT_EQ(error.position, text.find("text=") + 5); // the opening quote
    EXPECT_EQ(error.reason, "unterminated quoted value for key 'text'");

    // An escaped quote does not close the value.
    EXPECT_EQ(parseFails(R"(a:text="ends with \")").reason, "unterminated quoted value for key 'text'");
}

TEST(ElementChainMalformed, MissingEqualsQuote)
{
    const std::string noQuote = R"(a:href="/x"text=Rent)";
    ChainError error = parseFails(noQuote);
    EXPECT_EQ(error.reason, "expected '=\"' after key 'text'");
    EXPECT_EQ(error.position, noQuote.find("=Rent"));

    const std::string noEquals = R"(a:href="/x"text"Rent")";
    error = parseFails(noEquals);
    EXPECT_EQ(error.reason, "expected '=\"' after key 'text'");
    EXPECT_EQ(error.position, noEquals.find("\"Rent"));

    const std::string firstKey = R"(button:text"Go")";
    error = parseFails(firstKey);
    EXPECT_EQ(error.reason, "expected '=\"' after key 'text'");
    EXPECT_EQ(error.position, firstKey.find('"'));

    error = parseFails(R"(a:text="x""y")");
    EXPECT_EQ(error.position, 10u);
    EXPECT_NE(error.reason.find("expected a key"), std::string::npos) << error.reason;

    error = parseFails(R"(a:="x")");
    EXPECT_EQ(error.position, 2u);
    EXPECT_EQ(error.reason, "missing key before '=\"'");
}

TEST(ElementChainMalformed, BadNthValues)
{
    const std::string text = R"(li:nth-child="first"nth-of-type="1")";
    ChainError error = parseFails(text);
    EXPECT_EQ(error.position, text.find("first"));
    EXPECT_NE(error.reason.find("nth-child"), std::string::npos) << error.reason;
    EXPECT_NE(error.reason.find("first"), std::string::npos) << error.reason;

    error = parseFails(R"(li:nth-of-type="")");
    EXPECT_NE(error.reason.find("nth-of-type"), std::string::npos) << error.reason;
    error = parseFails(R"(li:nth-of-type="1.5")");
    EXPECT_NE(error.reason.find("nth-of-type"), std::string::npos) << error.reason;
    error = parseFails(R"(li:nth-child="99999999999")");
    EXPECT_NE(error.reason.find("nth-child"), std::string::npos) << error.reason;
    error = parseFails(R"(li:nth-child="-")");
    EXPECT_NE(error.reason.find("nth-child"), std::string::npos) << error.reason;
}

TEST(ElementChainMalformed, StrayQuoteSpaceAndControlBytesOutsideValues)
{
    ChainError error = parseFails(R"(a.b"c:text="x")");
    EXPECT_EQ(error.position, 3u);
    EXPECT_NE(error.reason.find("'\"'"), std::string::npos) << error.reason;

    error = parseFails(R"(div span:text="x")");
    EXPECT_EQ(error.position, 3u);
    EXPECT_NE(error.reason.find("white space"), std::string::npos) << error.reason;

    error = parseFails(std::string("div:te\x01xt=\"x\"", 13));
    EXPECT_EQ(error.position, 6u);
    EXPECT_NE(error.reason.find("0x01"), std::string::npos) << error.reason;
}

TEST(ElementChainMalformed, BinaryBytes)
{
    const std::string binary("\x00\xff\xfe\x89PNG\r\n\x1a\n", 11);
    const ChainError error = parseFails(binary);
    EXPECT_EQ(error.position, 0u);
    EXPECT_NE(error.reason.find("0x00"), std::string::npos) << error.reason;

    // A NUL later in the tag part is caught where it is.
    const std::string late("button.primary\x00:text=\"x\"", 24);
    EXPECT_EQ(parseFails(late).position, 14u);

    // Error messages quote keys safely: no raw control bytes, bounded length.
    const std::string badKey = std::string("a:text=\"x\"") + std::string(200, 'k') + "\x02" + "=\"v\"";
    const ChainError keyError = parseFails(badKey);
    EXPECT_EQ(keyError.position, 210u);
    EXPECT_NE(keyError.reason.find("in key 'kkkk"), std::string::npos) << keyError.reason;
    EXPECT_LT(keyError.reason.size(), 120u);
    for (const char c : keyError.reason)
        EXPECT_FALSE(static_cast<unsigned char>(c) < 0x20) << keyError.reason;
}

// Random byte soup, weighted towards the grammar's own characters: never a crash or a hang,
// failures point inside the input, and whatever reads fine writes back to the same chain.
TEST(ElementChainMalformed, ArbitraryBytesNeverCrash)
{
    static const char *const tokens[] = {"a",
                                         "B",
                                         "é",
                                         "\xff",
                                         ".",
                                         ":",
                                         ";",
                                         "\"",
                                         "\\",
                                         "=",
                                         " ",
                                         "-",
                                         "1",
                                         "/",
                                         "\n",
                                         "attr_id=\"",
                                         "text=\"",
                                         "nth-child=\"",
                                         "href=\"",
                                         "attr__data-x=\"",
                                         "attr__x-on:click=\""};
    std::mt19937 rng(7u);
    int parsed = 0;
    for (int i = 0; i < 20000; ++i) {
        std::string input;
        const int len = std::uniform_int_distribution<int>(0, 40)(rng);
        for (int k = 0; k < len; ++k) {
            if (std::uniform_int_distribution<int>(0, 30)(rng) == 0)
                input += static_cast<char>(std::uniform_int_distribution<int>(0, 255)(rng));
            else
                input += tokens[std::uniform_int_distribution<std::size_t>(0, std::size(tokens) - 1)(rng)];
        }
        ElementChain chain;
        ChainError error;
        if (!parseElementsChain(input, chain, &error)) {
            ASSERT_LE(error.position, input.size()) << input;
            ASSERT_FALSE(error.reason.empty()) << input;
            ASSERT_TRUE(chain.empty());
            continue;
        }
        ++parsed;
        const std::string text = serializeElementsChain(chain);
        ElementChain again;
        ASSERT_TRUE(parseElementsChain(text, again, &error))
            << "input: " << input << "\nwritten: " << text << "\n"
            << error.reason;
        ASSERT_EQ(again, chain) << "input: " << input << "\nwritten: " << text;
    }
    EXPECT_GT(parsed, 1000) << "the soup should also produce plenty of valid chains";
}

// --- large input ---------------------------------------------------------------------------------

double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

TEST(ElementChainLarge, ThreeHundredKilobyteLines)
{
    constexpr std::size_t kSize = 300 * 1024;

    // Unterminated: a huge text value that never closes.
    std::string open = "button.cta:nth-child=\"1\"text=\"";
    open.append(kSize, 'x');
    auto start = std::chrono::steady_clock::now();
    ChainError error = parseFails(open);
    EXPECT_EQ(error.position, open.find("text=") + 5);
    EXPECT_EQ(error.reason, "unterminated quoted value for key 'text'");

    // Patterns that would make a naive scan quadratic: colons that look like keys but are not.
    std::string colons = "div";
    while (colons.size() < kSize)
        colons += ":attr__a:b";
    colons += "\"";
    error = parseFails(colons);
    EXPECT_EQ(error.position, colons.size() - 1);

    std::string manyColons(kSize, ':');
    manyColons += "x\"";
    error = parseFails(manyColons);
    EXPECT_EQ(error.position, manyColons.size() - 1);

    // Backslashes all the way: with and without a closing quote.
    std::string slashes = "p:text=\"";
    while (slashes.size() < kSize)
        slashes += "\\x\\\"";
    error = parseFails(slashes);
    EXPECT_EQ(error.position, 7u);
    ElementChain chain;
    ASSERT_TRUE(parseElementsChain(slashes + "\"", chain, &error)) << error.reason;
    ASSERT_EQ(chain.size(), 1u);
    EXPECT_EQ(chain[0].text.size(), (slashes.size() - 8) / 4 * 3);
    EXPECT_EQ(chain[0].text.substr(0, 6), "\\x\"\\x\"");

    // One line of binary noise.
    std::mt19937 rng(99u);
    std::string noise(kSize, '\0');
    for (auto &c : noise)
        c = static_cast<char>(std::uniform_int_distribution<int>(0, 255)(rng));
    EXPECT_FALSE(parseElementsChain(noise, chain, &error));
    EXPECT_LE(error.position, noise.size());

    // A valid 300 KB chain of many elements reads completely.
    std::string valid;
    int count = 0;
    while (valid.size() < kSize) {
        if (!valid.empty()) valid += ';';
        valid += R"(div.flex.hover:bg-blue-500/75:attr__class="flex hover:bg-blue-500/75"nth-child=")" +
                 std::to_string(count % 7 + 1) + R"("nth-of-type="1"text="item \"quoted\"; here")";
        ++count;
    }
    ASSERT_TRUE(parseElementsChain(valid, chain, &error)) << error.reason;
    ASSERT_EQ(chain.size(), static_cast<std::size_t>(count));
    EXPECT_EQ(chain.back().text, "item \"quoted\"; here");
    EXPECT_EQ(serializeElementsChain(chain), valid);

    // All of the above in well under a second even in a debug build; a quadratic scan of
    // 300 KB would take minutes.
    EXPECT_LT(secondsSince(start), 5.0);
}

TEST(ElementChainLarge, Throughput)
{
    const std::string chain =
        R"(button.btn.btn-primary.hover:bg-blue-500/75.px-4.py-2.rounded:attr__aria-label="Rent the flat now")"
        R"(attr__class="btn btn-primary hover:bg-blue-500/75 px-4 py-2 rounded"attr__data-track="rent-now")"
        R"(attr__id="rent-now"attr__type="button"attr_id="rent-now"nth-child="2"nth-of-type="1"text="Rent now";)"
        R"(div.card-footer.flex.justify-end:attr__class="card-footer flex justify-end"nth-child="3")"
        R"(nth-of-type="3";div.card.shadow:attr__class="card shadow"attr__data-listing="42"nth-child="1")"
        R"(nth-of-type="1";section.listing:attr__class="listing"attr__id="main"attr_id="main"nth-child="2")"
        R"(nth-of-type="1";main:nth-child="2"nth-of-type="1";body:nth-child="2"nth-of-type="1")";
    ElementChain out;
    std::size_t bytes = 0;
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < 20000; ++i) {
        ASSERT_TRUE(parseElementsChain(chain, out));
        bytes += chain.size();
    }
    const double seconds = secondsSince(start);
    ASSERT_EQ(out.size(), 6u);
    const double mbPerSecond = static_cast<double>(bytes) / 1e6 / seconds;
    std::printf("[ throughput ] parsed %.1f MB of element chains at %.0f MB/s\n",
                static_cast<double>(bytes) / 1e6, mbPerSecond);
    RecordProperty("MBPerSecond", static_cast<int>(mbPerSecond));
    // A loose floor that holds for unoptimised builds on a busy machine; release builds do far more.
    EXPECT_GT(mbPerSecond, 2.0);
}

// --- summary -------------------------------------------------------------------------------------

TEST(ElementChainSummary, TargetSummary)
{
    const ElementChain chain = parseOk(
        R"(button.primary.btn:attr__id="rent-now"text="Rent   now";div.card:nth-child="1";body:nth-child="2")");
    EXPECT_EQ(summarizeTarget(chain), R"(button#rent-now.btn.primary "Rent now")");

    Element plain;
    plain.tag = "li";
    EXPECT_EQ(summarizeTarget({plain}), "li");

    Element textOnly;
    textOnly.text = "\n  Hello\tworld \n";
    EXPECT_EQ(summarizeTarget({textOnly}), "\"Hello world\"");

    Element longText;
    longText.tag = "p";
    longText.text = "The quick brown fox jumps over the lazy dog and keeps on running";
    EXPECT_EQ(summarizeTarget({longText}), "p \"The quick brown fox jumps over the lazy…\"");

    // Cut by characters, never inside a UTF-8 sequence.
    Element accents;
    accents.tag = "span";
    accents.text = std::string();
    for (int i = 0; i < 50; ++i)
        accents.text += "é";
    std::string expected = "span \"";
    for (int i = 0; i < 40; ++i)
        expected += "é";
    expected += "…\"";
    EXPECT_EQ(summarizeTarget({accents}), expected);

    Element exactly40;
    exactly40.tag = "b";
    exactly40.text = std::string(40, 'x');
    EXPECT_EQ(summarizeTarget({exactly40}), "b \"" + std::string(40, 'x') + "\"");
}

} // namespace
} // namespace hindsight::capture
