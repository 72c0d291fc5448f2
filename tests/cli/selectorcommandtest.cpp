// `hindsight selector check`, run as a real child process.
#include "tests/support/tempdir.h"
#include "tests/support/testpaths.h"

#include <gtest/gtest.h>

using hindsight::test::ProcessResult;

namespace {

ProcessResult selectorCheck(const std::vector<std::string> &args, std::string_view input = {})
{
    std::vector<std::string> argv{hindsight::test::kCliPath, "selector", "check"};
    argv.insert(argv.end(), args.begin(), args.end());
    return hindsight::test::runProcess(argv, input);
}

bool contains(const std::string &haystack, std::string_view needle)
{
    return haystack.find(needle) != std::string::npos;
}

constexpr const char *kBuyClick = R"(span.label:text="Buy";button.btn.buy:attr__type="submit"text="Buy";)"
                                  R"(a.card.hover:bg-blue-500/75:href="/products/17"text="Blue shoes";)"
                                  R"(li:nth-child="3";ul:;body:)";

} // namespace

TEST(SelectorCommand, MatchNamesTheElement)
{
    auto r = selectorCheck({"button.buy", "--chain", kBuyClick, "--text", "Buy"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.out, "match: element 1 (parent): button.btn.buy \"Buy\"\n");

    r = selectorCheck({"span", "--chain", kBuyClick});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.out, "match: element 0 (target): span.label \"Buy\"\n");

    r = selectorCheck({R"(ul > li:nth-child(odd) > .hover\:bg-blue-500\/75)", "--chain", kBuyClick, "--href",
                       "/products/*", "--href-match", "wildcard"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "element 2 (ancestor 2): a.card.hover:bg-blue-500/75 \"Blue shoes\""))
        << r.out;
}

TEST(SelectorCommand, NoMatchExplainsEveryElement)
{
    auto r = selectorCheck({"form > button.buy", "--chain", kBuyClick, "--text", "Buy"});
    EXPECT_EQ(r.exitCode, 1) << r.err;
    EXPECT_TRUE(contains(r.out,
                         "no match: no element of the chain (6 elements) satisfies 'form > button.buy' with "
                         "text exact \"Buy\""))
        << r.out;
    EXPECT_TRUE(contains(r.out, "element 0 (target) span.label \"Buy\": does not match the selector\n"))
        << r.out;
    EXPECT_TRUE(contains(
        r.out, "element 1 (parent) button.btn.buy \"Buy\": is 'button.buy' but its ancestors do not fit "
               "'form > button.buy'\n"))
        << r.out;
    EXPECT_TRUE(contains(r.out, "element 5 (ancestor 5) body: does not match the selector; has no text"))
        << r.out;

    // the selector and the text must hold on the same element
    r = selectorCheck({"a.card", "--chain", kBuyClick, "--text", "Buy"});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(contains(
        r.out, "a.card.hover:bg-blue-500/75 \"Blue shoes\": text \"Blue shoes\" does not match exact "
               "\"Buy\""))
        << r.out;
    // a class is a whole token, not a prefix
    EXPECT_EQ(selectorCheck({".bt", "--chain", kBuyClick}).exitCode, 1);
    EXPECT_EQ(selectorCheck({"span", "--chain", ""}).exitCode, 1);
}

TEST(SelectorCommand, TextModesAndIgnoreCase)
{
    EXPECT_EQ(
        selectorCheck({"a", "--chain", kBuyClick, "--text", "shoes", "--text-match", "contains"}).exitCode,
        0);
    EXPECT_EQ(
        selectorCheck({"a", "--chain", kBuyClick, "--text", "SHOES", "--text-match", "contains"}).exitCode,
        1);
    EXPECT_EQ(selectorCheck(
                  {"a", "--chain", kBuyClick, "--text", "SHOES", "--text-match", "contains", "--ignore-case"})
                  .exitCode,
              0);
    EXPECT_EQ(selectorCheck({"*", "--chain", kBuyClick, "--text", "^Blue\\s+\\w+$", "--text-match", "regex"})
                  .exitCode,
              0);
    EXPECT_EQ(selectorCheck({"a", "--chain", kBuyClick, "--href", "/products/17"}).exitCode, 0);
    EXPECT_EQ(selectorCheck({"button", "--chain", kBuyClick, "--href", "/products/17"}).exitCode, 1);
}

TEST(SelectorCommand, ChainFromStandardInput)
{
    auto r = selectorCheck({"li a", "--chain", "-"}, kBuyClick);
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "element 2")) << r.out;
}

TEST(SelectorCommand, InvalidInputExitsTwoWithThePosition)
{
    auto r = selectorCheck({"button:hover", "--chain", kBuyClick});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(contains(r.err, "invalid selector at position 6: ':hover' is not supported")) << r.err;
    EXPECT_TRUE(contains(r.err, "  button:hover\n        ^\n")) << r.err;

    r = selectorCheck({"div + a", "--chain", kBuyClick});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(contains(r.err, "position 4")) << r.err;
    EXPECT_TRUE(contains(r.err, "sibling combinator")) << r.err;

    r = selectorCheck({".w-1/2", "--chain", kBuyClick});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(contains(r.err, "position 4")) << r.err;
    EXPECT_TRUE(contains(r.err, "escape it as '\\/'")) << r.err;

    r = selectorCheck({"a", "--chain", R"(a:text="unterminated)"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(contains(r.err, "invalid chain at position 7")) << r.err;

    r = selectorCheck({"a", "--chain", kBuyClick, "--text", "price: (\\d+", "--text-match", "regex"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(contains(r.err, "invalid --text regex: missing )")) << r.err;
    EXPECT_TRUE(contains(r.err, "(position 7)")) << r.err;
}

TEST(SelectorCommand, UsageErrors)
{
    EXPECT_EQ(selectorCheck({"a"}).exitCode, 2);                                              // no --chain
    EXPECT_EQ(selectorCheck({"--chain", "a:"}).exitCode, 2);                                  // no selector
    EXPECT_EQ(selectorCheck({"a", "b", "--chain", "a:"}).exitCode, 2);                        // two selectors
    EXPECT_EQ(selectorCheck({"a", "--chain", "a:", "--text-match", "contains"}).exitCode, 2); // mode, no text
    auto r = selectorCheck({"a", "--chain", "a:", "--text", "x", "--text-match", "startswith"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(contains(r.err, "exact, contains, regex or wildcard")) << r.err;
    EXPECT_EQ(selectorCheck({"", "--chain", "a:"}).exitCode, 2); // an empty selector is refused

    r = hindsight::test::runProcess({hindsight::test::kCliPath, "selector"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(hindsight::test::runProcess({hindsight::test::kCliPath, "selector", "test", "a"}).exitCode, 2);
    r = hindsight::test::runProcess({hindsight::test::kCliPath, "selector", "--help"});
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_TRUE(contains(r.out, "Usage: hindsight selector check SELECTOR --chain CHAIN")) << r.out;
}
