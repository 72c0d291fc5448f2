#include "core/definitions/textmatcher.h"

#include <gtest/gtest.h>
#include <thread>
#include <vector>

using namespace hindsight::definitions;

namespace {

TextMatcher make(std::string pattern, TextMatchMode mode, bool caseSensitive = true)
{
    TextMatcherError error;
    auto m = TextMatcher::create(pattern, mode, caseSensitive, &error);
    if (!m) {
        ADD_FAILURE() << "'" << pattern << "' refused: " << error.reason;
        return *TextMatcher::create("", TextMatchMode::Exact);
    }
    return *m;
}

} // namespace

TEST(TextMatcher, Exact)
{
    const auto m = make("Buy now", TextMatchMode::Exact);
    EXPECT_TRUE(m.matches("Buy now"));
    EXPECT_FALSE(m.matches("Buy now!"));
    EXPECT_FALSE(m.matches("buy now"));
    EXPECT_FALSE(m.matches(""));
    const auto folded = make("Buy now", TextMatchMode::Exact, false);
    EXPECT_TRUE(folded.matches("BUY NOW"));
    EXPECT_FALSE(folded.matches("BUY NOW "));
    // regex metacharacters are literal in every mode but regex
    const auto meta = make("a.b(c)*", TextMatchMode::Exact, false);
    EXPECT_TRUE(meta.matches("A.B(C)*"));
    EXPECT_FALSE(meta.matches("axb(c)"));
}

TEST(TextMatcher, Contains)
{
    const auto m = make("/orders/", TextMatchMode::Contains);
    EXPECT_TRUE(m.matches("https://shop.example/orders/17"));
    EXPECT_FALSE(m.matches("https://shop.example/Orders/17"));
    EXPECT_FALSE(m.matches("https://shop.example/order"));
    EXPECT_TRUE(make("/ORDERS/", TextMatchMode::Contains, false).matches("https://shop.example/orders/17"));
    EXPECT_TRUE(make("", TextMatchMode::Contains).matches("anything"));
    // PostHog's url "contains" treats % and _ as LIKE wildcards; here they are literal
    EXPECT_FALSE(make("a%b", TextMatchMode::Contains).matches("axxb"));
}

TEST(TextMatcher, Regex)
{
    const auto m = make("/orders/[0-9]+$", TextMatchMode::Regex);
    EXPECT_TRUE(m.matches("https://shop.example/orders/17"));
    EXPECT_FALSE(m.matches("https://shop.example/orders/17/edit"));
    EXPECT_FALSE(m.matches("https://shop.example/ORDERS/17"));
    EXPECT_TRUE(make("/orders/[0-9]+$", TextMatchMode::Regex, false).matches("https://x/ORDERS/17"));
    EXPECT_TRUE(make("^Buy", TextMatchMode::Regex).matches("Buy now"));
    EXPECT_FALSE(make("^Buy", TextMatchMode::Regex).matches("Now buy"));
    // PostHog test_filter_events_by_url: "/123$"
    EXPECT_TRUE(make("/123$", TextMatchMode::Regex).matches("https://posthog.com/feedback/123"));
}

TEST(TextMatcher, RegexIsLinearTime)
{
    // The classic catastrophic-backtracking pattern; RE2 answers in linear time.
    const auto m = make("^(a+)+$", TextMatchMode::Regex);
    const std::string text = std::string(5000, 'a') + "!";
    EXPECT_FALSE(m.matches(text));
    EXPECT_TRUE(m.matches(std::string(5000, 'a')));
}

TEST(TextMatcher, InvalidRegexReportsReasonAndPosition)
{
    TextMatcherError error;
    EXPECT_FALSE(TextMatcher::create("price: (\\d+", TextMatchMode::Regex, true, &error));
    EXPECT_NE(error.reason.find("missing )"), std::string::npos) << error.reason;
    ASSERT_TRUE(error.position.has_value());
    EXPECT_EQ(*error.position, 7u);

    EXPECT_FALSE(TextMatcher::create("(a)[(]b)", TextMatchMode::Regex, true, &error));
    EXPECT_NE(error.reason.find("unexpected )"), std::string::npos) << error.reason;
    EXPECT_EQ(error.position, std::optional<std::size_t>(7));

    EXPECT_FALSE(TextMatcher::create("ab**", TextMatchMode::Regex, true, &error));
    EXPECT_NE(error.reason.find("repetition"), std::string::npos) << error.reason;
    ASSERT_TRUE(error.position.has_value());
    EXPECT_EQ(*error.position, 2u);

    // backreferences are outside RE2 (and outside linear time)
    EXPECT_FALSE(TextMatcher::create("(a)\\1", TextMatchMode::Regex, true, &error));
    EXPECT_FALSE(error.reason.empty());

    EXPECT_FALSE(TextMatcher::create("ab\xFF", TextMatchMode::Regex, true, &error));
    EXPECT_EQ(error.position, std::optional<std::size_t>(2));
}

TEST(TextMatcher, WildcardMatchesTheWholeText)
{
    const auto m = make("*/orders/*", TextMatchMode::Wildcard);
    EXPECT_TRUE(m.matches("https://shop.example/orders/17"));
    EXPECT_TRUE(m.matches("/orders/"));
    EXPECT_FALSE(m.matches("https://shop.example/orders"));
    EXPECT_FALSE(m.matches("https://shop.example/Orders/17"));

    const auto anchored = make("https://*.example/*", TextMatchMode::Wildcard);
    EXPECT_TRUE(anchored.matches("https://shop.example/cart"));
    EXPECT_FALSE(anchored.matches("http://shop.example/cart"));
    EXPECT_FALSE(anchored.matches("https://shop.example"));

    EXPECT_TRUE(make("*", TextMatchMode::Wildcard).matches("anything at all"));
    EXPECT_TRUE(make("a*b*c", TextMatchMode::Wildcard).matches("abc"));
    EXPECT_TRUE(make("a*b*c", TextMatchMode::Wildcard).matches("a-b-b-c"));
    EXPECT_FALSE(make("a*b*c", TextMatchMode::Wildcard).matches("a-c-b"));
    EXPECT_FALSE(make("ab*ba", TextMatchMode::Wildcard).matches("aba")); // the ends may not overlap
    EXPECT_TRUE(make("no stars", TextMatchMode::Wildcard).matches("no stars"));
    EXPECT_FALSE(make("no stars", TextMatchMode::Wildcard).matches("no stars!"));
    // everything but '*' is literal
    EXPECT_FALSE(make("a.c?", TextMatchMode::Wildcard).matches("abcd"));
    EXPECT_TRUE(make("a.c?", TextMatchMode::Wildcard).matches("a.c?"));
    // case-insensitive, across a line break
    const auto folded = make("*/ORDERS/*", TextMatchMode::Wildcard, false);
    EXPECT_TRUE(folded.matches("https://x/orders/\n17"));
    EXPECT_FALSE(folded.matches("https://x/orders"));
}

TEST(TextMatcher, IgnoreCaseFoldsNonAsciiLetters)
{
    EXPECT_TRUE(make("ärger", TextMatchMode::Exact, false).matches("ÄRGER"));
    EXPECT_TRUE(make("ΣΟΦΊΑ", TextMatchMode::Contains, false).matches("η σοφία"));
    EXPECT_FALSE(make("ärger", TextMatchMode::Exact).matches("ÄRGER"));
}

TEST(TextMatcher, ModeNames)
{
    for (auto mode :
         {TextMatchMode::Exact, TextMatchMode::Contains, TextMatchMode::Regex, TextMatchMode::Wildcard})
        EXPECT_EQ(TextMatcher::modeFromName(TextMatcher::modeName(mode)), mode);
    EXPECT_FALSE(TextMatcher::modeFromName("startswith"));
    const auto m = make("x", TextMatchMode::Contains, false);
    EXPECT_EQ(m.pattern(), "x");
    EXPECT_EQ(m.mode(), TextMatchMode::Contains);
    EXPECT_FALSE(m.caseSensitive());
}

TEST(TextMatcher, CopiesShareOneCompiledPatternAcrossThreads)
{
    const auto m = make("^item-[0-9]+$", TextMatchMode::Regex, false);
    std::vector<std::thread> threads;
    std::vector<int> hits(4, 0);
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([copy = m, &hits, t] {
            for (int i = 0; i < 2000; ++i)
                hits[static_cast<std::size_t>(t)] += copy.matches("ITEM-" + std::to_string(i)) ? 1 : 0;
        });
    }
    for (auto &thread : threads)
        thread.join();
    EXPECT_EQ(hits, (std::vector<int>{2000, 2000, 2000, 2000}));
}
