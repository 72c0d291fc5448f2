#include "core/definitions/definitionvalidator.h"

#include <gtest/gtest.h>

using namespace hindsight::definitions;

namespace {

Definition clickOn(std::string selector)
{
    Definition d;
    d.name = "Add to cart";
    Step s;
    s.eventTypes = {"click"};
    s.selector = std::move(selector);
    d.steps.push_back(s);
    return d;
}

/// The single issue of `def`, or a failure.
DefinitionIssue onlyIssue(const Definition &def)
{
    const auto issues = validateDefinition(def);
    if (issues.size() != 1)
        for (const auto &i : issues)
            ADD_FAILURE() << "expected one issue; got: " << i.message();
    return issues.empty() ? DefinitionIssue{} : issues.front();
}

} // namespace

TEST(DefinitionValidator, AcceptsAFullDefinition)
{
    Definition d = clickOn("button.add[data-testid=\"add\"]");
    d.description = "Line one\nline two";
    d.category = "Cart";
    d.owner = "ana";
    d.tags = {"cart", "core"};
    Step &s = d.steps.front();
    s.text = TextCriterion{"Add( to cart)?", TextMatchMode::Regex, false};
    s.href = TextCriterion{"/cart", TextMatchMode::Contains, true};
    s.url = UrlCriterion{"*/products/*", TextMatchMode::Wildcard, true, UrlScope::Path};
    s.properties = {{"plan", PropertyOp::Equals, "pro"},
                    {"$browser", PropertyOp::IsSet, ""},
                    {"ref", PropertyOp::Regex, "^utm_"}};
    EXPECT_TRUE(validateDefinition(d).empty());

    Definition combo;
    combo.name = "Any checkout";
    combo.combo = {"Checkout A", "Checkout B"};
    EXPECT_TRUE(validateDefinition(combo).empty());
}

TEST(DefinitionValidator, NamesAreRequiredTidyAndBounded)
{
    Definition d = clickOn("button");
    d.name = "";
    EXPECT_EQ(onlyIssue(d).path, "name");
    d.name = " Add";
    EXPECT_EQ(onlyIssue(d).reason, "starts or ends with whitespace");
    d.name = std::string(201, 'x');
    EXPECT_NE(onlyIssue(d).reason.find("too long (201 characters; at most 200)"), std::string::npos);
    d.name = std::string(100, 'x') + std::string(100, 'x');
    EXPECT_TRUE(validateDefinition(d).empty());
    // 200 characters of two bytes each are fine: the limit counts characters.
    d.name.clear();
    for (int i = 0; i < 200; ++i)
        d.name += "ä";
    EXPECT_TRUE(validateDefinition(d).empty());
    d.name = "Add\tto cart";
    const auto control = onlyIssue(d);
    EXPECT_EQ(control.reason, "contains a control character");
    EXPECT_EQ(control.position, 3u);
    d.name = "Bad \xff byte";
    EXPECT_EQ(onlyIssue(d).reason, "is not valid UTF-8");
}

TEST(DefinitionValidator, StepsOrComboButNotBoth)
{
    Definition empty;
    empty.name = "Nothing";
    EXPECT_EQ(onlyIssue(empty).path, "steps");

    Definition both = clickOn("button");
    both.combo = {"Other"};
    EXPECT_EQ(onlyIssue(both).path, "combo");

    Definition noCondition = clickOn("a");
    noCondition.steps.push_back(Step{});
    const auto issue = onlyIssue(noCondition);
    EXPECT_EQ(issue.path, "steps[1]");
    EXPECT_NE(issue.reason.find("has no condition"), std::string::npos);
}

TEST(DefinitionValidator, SelectorErrorsCarryThePosition)
{
    const auto issue = onlyIssue(clickOn("form > button:hover"));
    EXPECT_EQ(issue.path, "steps[0].selector");
    EXPECT_EQ(issue.position, 13u);
    EXPECT_NE(issue.reason.find("invalid selector"), std::string::npos);
    EXPECT_EQ(issue.message().find("steps[0].selector: invalid selector: "), 0u) << issue.message();
    EXPECT_NE(issue.message().find("(at position 13)"), std::string::npos) << issue.message();

    EXPECT_EQ(onlyIssue(clickOn("")).path, "steps[0].selector");
}

TEST(DefinitionValidator, PatternsMustCompileAndWildcardIsOnlyForUrls)
{
    Definition d = clickOn("button");
    d.steps[0].text = TextCriterion{"Buy (now", TextMatchMode::Regex, true};
    auto issue = onlyIssue(d);
    EXPECT_EQ(issue.path, "steps[0].text.value");
    EXPECT_EQ(issue.position, 4u) << "the unclosed parenthesis";

    d.steps[0].text = TextCriterion{"Buy*", TextMatchMode::Wildcard, true};
    issue = onlyIssue(d);
    EXPECT_EQ(issue.path, "steps[0].text.match");
    EXPECT_NE(issue.reason.find("only for URLs"), std::string::npos);

    d.steps[0].text.reset();
    d.steps[0].href = TextCriterion{"", TextMatchMode::Regex, true};
    EXPECT_EQ(onlyIssue(d).path, "steps[0].href.value");

    d.steps[0].href.reset();
    d.steps[0].url = UrlCriterion{"*/orders/*", TextMatchMode::Wildcard, false, UrlScope::Full};
    EXPECT_TRUE(validateDefinition(d).empty());
    d.steps[0].url = UrlCriterion{"/orders/[0-9+", TextMatchMode::Regex, true, UrlScope::Path};
    EXPECT_EQ(onlyIssue(d).path, "steps[0].url.value");
}

TEST(DefinitionValidator, PropertyFilters)
{
    Definition d = clickOn("button");
    d.steps[0].properties = {{"", PropertyOp::Equals, "x"}};
    EXPECT_EQ(onlyIssue(d).path, "steps[0].properties[0].key");
    d.steps[0].properties = {{"plan", PropertyOp::Regex, "pro(("}};
    EXPECT_EQ(onlyIssue(d).path, "steps[0].properties[0].value");
    d.steps[0].properties = {{"plan", PropertyOp::Contains, ""}};
    EXPECT_EQ(onlyIssue(d).path, "steps[0].properties[0].value");
    d.steps[0].properties = {{"plan", PropertyOp::IsNotSet, "pro"}};
    EXPECT_EQ(onlyIssue(d).reason, "is_not_set takes no value");
    // Equality with the empty string is a real question ("is the property empty?").
    d.steps[0].properties = {{"plan", PropertyOp::Equals, ""}, {"plan", PropertyOp::IsSet, ""}};
    EXPECT_TRUE(validateDefinition(d).empty());
}

TEST(DefinitionValidator, ComboMembers)
{
    Definition d;
    d.name = "Any checkout";
    d.combo = {"Checkout A", "", "checkout a", "ANY CHECKOUT"};
    const auto issues = validateDefinition(d);
    ASSERT_EQ(issues.size(), 3u);
    EXPECT_EQ(issues[0].path, "combo[1]");
    EXPECT_EQ(issues[1].path, "combo[2]");
    EXPECT_NE(issues[1].reason.find("listed twice"), std::string::npos);
    EXPECT_EQ(issues[2].path, "combo[3]");
    EXPECT_NE(issues[2].reason.find("cannot contain itself"), std::string::npos);
}

TEST(DefinitionValidator, ReportsEveryProblemAtOnce)
{
    Definition d = clickOn("a:focus");
    d.name = "";
    d.steps[0].url = UrlCriterion{"(", TextMatchMode::Regex, true, UrlScope::Full};
    d.tags = {""};
    const auto issues = validateDefinition(d);
    ASSERT_EQ(issues.size(), 4u);
    EXPECT_EQ(issues[0].path, "name");
    EXPECT_EQ(issues[1].path, "tags[0]");
    EXPECT_EQ(issues[2].path, "steps[0].selector");
    EXPECT_EQ(issues[3].path, "steps[0].url.value");
}

TEST(DefinitionValidator, NormalizingTidiesNamesAndTags)
{
    Definition d = clickOn("button");
    d.name = "  Add to cart\u00a0";
    d.tags = {"core ", "cart", "", "core", " cart"};
    d.category = " Cart ";
    normalizeDefinition(d);
    EXPECT_EQ(d.name, "Add to cart");
    EXPECT_EQ(d.tags, (std::vector<std::string>{"cart", "core"}));
    EXPECT_EQ(d.category, "Cart");
    EXPECT_TRUE(validateDefinition(d).empty());
}

TEST(DefinitionValidator, NameKeysIgnoreCaseAcrossScripts)
{
    EXPECT_EQ(definitionNameKey("Sign Up"), definitionNameKey("sign up"));
    EXPECT_EQ(definitionNameKey("SIGN UP"), definitionNameKey("sign up"));
    EXPECT_EQ(definitionNameKey("Ärger"), definitionNameKey("ärger"));
    EXPECT_EQ(definitionNameKey("ΟΔΟΣ"), definitionNameKey("οδος"));
    EXPECT_EQ(definitionNameKey("οδος"), definitionNameKey("οδοσ")) << "final sigma folds like sigma";
    EXPECT_EQ(definitionNameKey("A\u0308rger"), definitionNameKey("ärger")) << "composed and decomposed";
    EXPECT_NE(definitionNameKey("Sign Up"), definitionNameKey("Sign-Up"));
}
