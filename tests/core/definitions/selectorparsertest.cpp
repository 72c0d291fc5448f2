#include "core/definitions/selectorparser.h"

#include <gtest/gtest.h>
#include <random>

using namespace hindsight::definitions;

namespace {

SelectorList parseOk(std::string_view text)
{
    SelectorError error;
    auto list = SelectorParser::parse(text, &error);
    EXPECT_TRUE(list.has_value()) << "'" << text << "' refused at " << error.position << ": " << error.reason;
    return list.value_or(SelectorList{});
}

SelectorError parseError(std::string_view text)
{
    SelectorError error;
    auto list = SelectorParser::parse(text, &error);
    EXPECT_FALSE(list.has_value()) << "'" << text << "' was accepted as " << (list ? toString(*list) : "");
    return error;
}

CompoundSelector onlyCompound(std::string_view text)
{
    auto list = parseOk(text);
    if (list.size() != 1 || list[0].compounds.size() != 1) {
        ADD_FAILURE() << "'" << text << "' is not a single compound";
        return {};
    }
    return list[0].compounds[0];
}

} // namespace

TEST(SelectorParser, TypeIdClassAndUniversal)
{
    const auto c = onlyCompound("BUTTON#buy.btn.btn-primary");
    EXPECT_EQ(c.tag, "button"); // type selectors are case-insensitive: stored lower-case
    EXPECT_EQ(c.ids, std::vector<std::string>{"buy"});
    EXPECT_EQ(c.classes, (std::vector<std::string>{"btn", "btn-primary"}));

    const auto star = onlyCompound("*");
    EXPECT_TRUE(star.tag.empty());
    EXPECT_TRUE(star.classes.empty());
    EXPECT_EQ(onlyCompound("*.x").classes, std::vector<std::string>{"x"});
    // ids and classes keep their case
    EXPECT_EQ(onlyCompound("#Main.Nav").ids, std::vector<std::string>{"Main"});
}

TEST(SelectorParser, EscapedUtilityClasses)
{
    EXPECT_EQ(onlyCompound(R"(.hover\:bg-blue-500\/75)").classes,
              std::vector<std::string>{"hover:bg-blue-500/75"});
    EXPECT_EQ(onlyCompound(R"(.w-1\/2)").classes, std::vector<std::string>{"w-1/2"});
    EXPECT_EQ(onlyCompound(R"(.\!mt-0)").classes, std::vector<std::string>{"!mt-0"});
    EXPECT_EQ(onlyCompound(R"(.max-w-\[1045px\])").classes, std::vector<std::string>{"max-w-[1045px]"});
    EXPECT_EQ(onlyCompound(R"(div#root\:id)").ids, std::vector<std::string>{"root:id"});
    // hex escapes: "\32 xl" is "2xl" (the space ends the escape), \000031 takes six digits
    EXPECT_EQ(onlyCompound(R"(.\32 xl\:px-4)").classes, std::vector<std::string>{"2xl:px-4"});
    EXPECT_EQ(onlyCompound(R"(.\000031x)").classes, std::vector<std::string>{"1x"});
    EXPECT_EQ(onlyCompound(R"(.caf\e9)").classes, std::vector<std::string>{"caf\xC3\xA9"});
    // non-ASCII needs no escape; an escaped multi-byte character is copied whole
    EXPECT_EQ(onlyCompound(".größe").classes, std::vector<std::string>{"größe"});
    EXPECT_EQ(onlyCompound(".\\ö").classes, std::vector<std::string>{"ö"});
    // an escaped type selector still names the type
    EXPECT_EQ(onlyCompound(R"(d\69 v)").tag, "div");
    // NUL and surrogates become U+FFFD
    EXPECT_EQ(onlyCompound(R"(.a\0 b)").classes, std::vector<std::string>{"a\xEF\xBF\xBD"
                                                                          "b"});
}

TEST(SelectorParser, Attributes)
{
    const auto c = onlyCompound(R"x(a[href][data-id="5"][title='say "hi"'][lang|=en][rel~=nofollow])x"
                                R"x([data-a^=ht][data-b$='.pdf'][data-c*="x y" i][DATA-Track=Buy s])x");
    ASSERT_EQ(c.attributes.size(), 9u);
    EXPECT_EQ(c.attributes[0], (AttributeSelector{"href", AttributeOperator::Exists, "", false}));
    EXPECT_EQ(c.attributes[1], (AttributeSelector{"data-id", AttributeOperator::Equals, "5", false}));
    EXPECT_EQ(c.attributes[2], (AttributeSelector{"title", AttributeOperator::Equals, "say \"hi\"", false}));
    EXPECT_EQ(c.attributes[3], (AttributeSelector{"lang", AttributeOperator::DashMatch, "en", false}));
    EXPECT_EQ(c.attributes[4], (AttributeSelector{"rel", AttributeOperator::Includes, "nofollow", false}));
    EXPECT_EQ(c.attributes[5], (AttributeSelector{"data-a", AttributeOperator::Prefix, "ht", false}));
    EXPECT_EQ(c.attributes[6], (AttributeSelector{"data-b", AttributeOperator::Suffix, ".pdf", false}));
    EXPECT_EQ(c.attributes[7], (AttributeSelector{"data-c", AttributeOperator::Substring, "x y", true}));
    // attribute names are case-insensitive, values are not
    EXPECT_EQ(c.attributes[8], (AttributeSelector{"data-track", AttributeOperator::Equals, "Buy", false}));

    // PostHog: a value with spaces and a ']' inside quotes, surrounded by spaces
    const auto spaced = onlyCompound(R"(  [data-id="foo bar]"]  )");
    ASSERT_EQ(spaced.attributes.size(), 1u);
    EXPECT_EQ(spaced.attributes[0].value, "foo bar]");
    // whitespace inside the brackets
    EXPECT_EQ(onlyCompound("[ type = 'button' ]").attributes[0].value, "button");
    // escapes inside strings, including an escaped line break (which disappears)
    EXPECT_EQ(onlyCompound("[title=\"a\\\"b\\\\c\\\nd\"]").attributes[0].value, "a\"b\\cd");
    EXPECT_EQ(onlyCompound("[title='it\\'s']").attributes[0].value, "it's");
    EXPECT_EQ(onlyCompound("[title=\"\"]").attributes[0].value, "");
}

TEST(SelectorParser, NthArguments)
{
    auto nth = [](std::string_view text) {
        const auto c = onlyCompound(text);
        return c.nth.size() == 1 ? c.nth[0] : NthSelector{false, -99, -99};
    };
    EXPECT_EQ(nth(":nth-child(3)"), (NthSelector{false, 0, 3}));
    EXPECT_EQ(nth(":nth-of-type( +2 )"), (NthSelector{true, 0, 2}));
    EXPECT_EQ(nth(":nth-child(odd)"), (NthSelector{false, 2, 1}));
    EXPECT_EQ(nth(":NTH-CHILD(EVEN)"), (NthSelector{false, 2, 0}));
    EXPECT_EQ(nth(":nth-child(2n+1)"), (NthSelector{false, 2, 1}));
    EXPECT_EQ(nth(":nth-child(2n + 1)"), (NthSelector{false, 2, 1}));
    EXPECT_EQ(nth(":nth-child(-n+3)"), (NthSelector{false, -1, 3}));
    EXPECT_EQ(nth(":nth-child(-n-1)"), (NthSelector{false, -1, -1}));
    EXPECT_EQ(nth(":nth-child(n)"), (NthSelector{false, 1, 0}));
    EXPECT_EQ(nth(":nth-child(+n)"), (NthSelector{false, 1, 0}));
    EXPECT_EQ(nth(":nth-child(3N- 2)"), (NthSelector{false, 3, -2}));
    EXPECT_EQ(nth(":nth-child(-2)"), (NthSelector{false, 0, -2}));
    EXPECT_EQ(nth(":first-child"), (NthSelector{false, 0, 1}));
    EXPECT_EQ(nth(":first-of-type"), (NthSelector{true, 0, 1}));

    const auto both = onlyCompound("button.btn:nth-child(3):nth-of-type(1)");
    EXPECT_EQ(both.nth, (std::vector<NthSelector>{{false, 0, 3}, {true, 0, 1}}));
}

TEST(SelectorParser, CombinatorsAndLists)
{
    auto list = parseOk("div > span a,  form  button.buy ,nav>ul>li");
    ASSERT_EQ(list.size(), 3u);
    EXPECT_EQ(list[0].compounds.size(), 3u);
    EXPECT_EQ(list[0].combinators, (std::vector<Combinator>{Combinator::Child, Combinator::Descendant}));
    EXPECT_EQ(list[0].compounds[2].tag, "a");
    EXPECT_EQ(list[1].combinators, std::vector<Combinator>{Combinator::Descendant});
    EXPECT_EQ(list[2].combinators, (std::vector<Combinator>{Combinator::Child, Combinator::Child}));

    // PostHog's splitting cases: three parts each
    for (auto text : {"div > span > a", "div span > a", "div span a", "div > span a"})
        EXPECT_EQ(parseOk(text)[0].compounds.size(), 3u) << text;
    // tabs and newlines are whitespace too
    EXPECT_EQ(parseOk("div\t\n span")[0].combinators, std::vector<Combinator>{Combinator::Descendant});
    // '*' stays a real compound: "div > *" has two
    EXPECT_EQ(parseOk("div > *")[0].compounds.size(), 2u);
    EXPECT_EQ(parseOk("span    ")[0].compounds.size(), 1u);
}

TEST(SelectorParser, CanonicalTextParsesBackToTheSameSelector)
{
    for (auto text : {R"(.hover\:bg-blue-500\/75)", R"(div#root\:id > a.w-1\/2)", R"([title='say "hi"'])",
                      ".\\32 xl", "a[href^=http i]", "li:nth-child(-n+3):nth-of-type(odd)", "*", "div > *",
                      "a, b c, d > e", R"([data-x="a\\b"])", R"(.\-)", R"(.-\31 0)", "[title=\"\\9 tab\"]"}) {
        const auto list = parseOk(text);
        const std::string canonical = toString(list);
        EXPECT_EQ(parseOk(canonical), list) << text << " -> " << canonical;
    }
    EXPECT_EQ(toString(parseOk(R"(.hover\:bg-blue-500\/75)")), R"(.hover\:bg-blue-500\/75)");
    EXPECT_EQ(toString(parseOk("A[Href='x']>B  C")), R"(a[href="x"] > b c)");
    EXPECT_EQ(toString(parseOk(":nth-child(odd)")), ":nth-child(2n+1)");
    EXPECT_EQ(escapeIdentifier("2xl:px-4"), "\\32 xl\\:px-4");
}

TEST(SelectorParser, RefusesWhatTheChainCannotAnswerWithPosition)
{
    struct Case
    {
        const char *text;
        std::size_t position;
        const char *reasonPart;
    };
    const Case cases[] = {
        {"a + b", 2, "sibling combinator '+'"},
        {"a~b", 1, "sibling combinator '~'"},
        {"button:hover", 6, "':hover' is not supported"},
        {"a::before", 1, "pseudo-elements"},
        {"div:not(.x)", 3, "':not()' is not supported"},
        {"li:last-child", 2, "':last-child' is not supported"},
        {"li:nth-last-child(2)", 2, "':nth-last-child()'"},
        {"li:nth-child(2 of .x)", 15, "of S"},
        {"svg|a", 3, "namespaces"},
        {"[xlink|href]", 6, "namespaces"},
        {"& > a", 0, "nesting"},
        {".btn:hover", 4, "':hover'"},
        // a Tailwind class written without escapes: the ':' reads as a pseudo-class
        {".hover:bg-blue-500", 6, "escape it as '\\:'"},
        // and '/' cannot appear unescaped
        {".w-1/2", 4, "escape it as '\\/'"},
        {".!mt-0", 1, "escape it as '\\!'"},
        {".2xl", 1, "cannot start with a digit; escape the digit as '\\32 '"},
        {"#1a", 1, "an id cannot start with a digit"},
        {"[data-id=5]", 9, "quote it"},
        {"[data-id=\"5]", 9, "unterminated string"},
        {"[data-id", 0, "unclosed '['"},
        {"[data-id=x y]", 11, "unknown attribute flag 'y'"},
        {"[data-id!=x]", 8, "expected ']' or an operator"},
        {"", 0, "empty"},
        {"   ", 3, "empty"},
        {"a,", 2, "expected a selector after ','"},
        {",a", 0, "expected a selector before ','"},
        {"a,,b", 2, "expected a selector before ','"},
        {"> a", 0, "cannot start with the combinator"},
        {"a >", 2, "expected a selector after '>'"},
        {"a > > b", 4, "between the two '>'"},
        {".", 0, "expected a class name"},
        {"a.", 1, "expected a class name"},
        {"#", 0, "expected an id"},
        {".a*", 2, "'*' must come first"},
        {"[x]div", 3, "type selector must come first"},
        {"a:nth-child(x)", 12, "expected An+B"},
        {"a:nth-child(2n+)", 15, "expected a number after '+'"},
        {"a:nth-child(+ 2)", 13, "no space"},
        {"a:nth-child(2", 1, "unclosed"},
        {"a:nth-child(2 3)", 14, "expected ')'"},
        {"a:nth-child", 1, "needs an argument"},
        {"a:nth-child(1234567890)", 12, "too large"},
        {"a\\", 1, "backslash"},
        {"a)", 1, "unexpected ')'"},
        {"a]", 1, "no attribute selector is open"},
        {"'a'", 0, "unexpected quote"},
        {"a\x01", 1, "control character 0x01"},
        {".a\\\nb", 2, "backslash"},
    };
    for (const auto &c : cases) {
        const auto error = parseError(c.text);
        EXPECT_EQ(error.position, c.position) << "'" << c.text << "': " << error.reason;
        EXPECT_NE(error.reason.find(c.reasonPart), std::string::npos)
            << "'" << c.text << "': reason was '" << error.reason << "', expected it to mention '"
            << c.reasonPart << "'";
    }
}

TEST(SelectorParser, PseudoClassLookalikeWithoutColonIsAClassOrType)
{
    // PostHog: "div.foo-nth-child(2)" is not positional; in CSS '(' after a class is simply invalid
    // unless escaped, and "nth-child(2)" alone is a function token, not a type.
    EXPECT_EQ(onlyCompound(R"(div.foo-nth-child\(2\))").classes,
              std::vector<std::string>{"foo-nth-child(2)"});
    const auto error = parseError("div.foo-nth-child(2)");
    EXPECT_EQ(error.position, 17u);
}

TEST(SelectorParser, RandomTextIsAcceptedConsistentlyOrRefusedWithAPositionInside)
{
    // Selector-like noise: every answer is either a selector whose canonical text parses back
    // to the same thing, or a refusal pointing inside the text (or at its end) with a reason.
    const std::string alphabet = "abdiv-_*#.[]=~|^$'\"\\:()>+, \t\n0123456789nNoOeE\xC3\xA9\x01";
    std::mt19937 rng(4242);
    int accepted = 0;
    for (int round = 0; round < 20000; ++round) {
        std::string text;
        const int length = std::uniform_int_distribution<int>(0, 24)(rng);
        for (int i = 0; i < length; ++i)
            text += alphabet[std::uniform_int_distribution<std::size_t>(0, alphabet.size() - 1)(rng)];
        SelectorError error;
        const auto list = SelectorParser::parse(text, &error);
        if (list) {
            ++accepted;
            const std::string canonical = toString(*list);
            const auto again = SelectorParser::parse(canonical);
            ASSERT_TRUE(again) << "'" << text << "' -> '" << canonical << "'";
            EXPECT_EQ(*again, *list) << "'" << text << "' -> '" << canonical << "'";
        } else {
            EXPECT_LE(error.position, text.size()) << "'" << text << "'";
            EXPECT_FALSE(error.reason.empty()) << "'" << text << "'";
        }
    }
    EXPECT_GT(accepted, 100);
}
