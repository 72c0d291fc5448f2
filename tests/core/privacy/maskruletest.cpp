// Masking rules: content, JSON form and validation.
#include "core/privacy/maskrule.h"

#include <gtest/gtest.h>

using namespace hindsight::privacy;

namespace {

MaskRule rule(std::string field, MaskAction action)
{
    MaskRule r;
    r.field = std::move(field);
    r.action = action;
    return r;
}

std::string firstIssue(const MaskRule &r)
{
    const auto issues = validateMaskRule(r);
    return issues.empty() ? std::string() : issues.front().text();
}

} // namespace

TEST(MaskRule, JsonRoundTripKeepsEveryMember)
{
    MaskRule r = rule("url.query.email", MaskAction::Hash);
    r.detector = DetectorType::Email;
    r.selector = "form#signup input[name=\"email\"]";
    r.url = "*/signup*";
    const std::string json = maskRuleToJson(r);
    EXPECT_EQ(
        json,
        R"({"field":"url.query.email","detector":"EMAIL","selector":"form#signup input[name=\"email\"]",)"
        R"("url":"*/signup*","action":"hash"})");
    std::string error;
    const auto back = maskRuleFromJson(json, &error);
    ASSERT_TRUE(back) << error;
    EXPECT_TRUE(back->sameContent(r));

    MaskRule t = rule("element.text", MaskAction::Truncate);
    t.keep = 12;
    const auto tBack = maskRuleFromJson(maskRuleToJson(t));
    ASSERT_TRUE(tBack);
    EXPECT_EQ(tBack->keep, 12);
    EXPECT_EQ(tBack->action, MaskAction::Truncate);
}

TEST(MaskRule, JsonErrorsNameTheMember)
{
    std::string error;
    EXPECT_FALSE(maskRuleFromJson(R"({"field":"title","action":"shred"})", &error));
    EXPECT_NE(error.find("action: unknown action 'shred'"), std::string::npos) << error;
    EXPECT_FALSE(maskRuleFromJson(R"({"field":"title","action":"hash","detector":"EMAL"})", &error));
    EXPECT_NE(error.find("detector: unknown detector 'EMAL'"), std::string::npos) << error;
    EXPECT_FALSE(maskRuleFromJson(R"({"field":42,"action":"hash"})", &error));
    EXPECT_NE(error.find("field must be a string"), std::string::npos) << error;
    EXPECT_FALSE(maskRuleFromJson(R"({"field":"title","action":"hash","colour":"red"})", &error));
    EXPECT_NE(error.find("unknown member 'colour'"), std::string::npos) << error;
    EXPECT_FALSE(maskRuleFromJson(R"({"action":"hash"})", &error));
    EXPECT_NE(error.find("field is required"), std::string::npos) << error;
    EXPECT_FALSE(maskRuleFromJson(R"({"field":"title","action":"truncate","keep":2.5})", &error));
    EXPECT_NE(error.find("keep must be a whole number"), std::string::npos) << error;
    EXPECT_FALSE(maskRuleFromJson("{\"field\":", &error));
    EXPECT_NE(error.find("not valid JSON"), std::string::npos) << error;
}

TEST(MaskRule, FieldPatternsMustNameKnownFields)
{
    for (const char *ok :
         {"element.text", "element.href", "element.attr.data-user", "element.attr.*", "url", "url.host",
          "url.path", "url.query.email", "url.query.*token*", "url.hash", "referrer", "referrer.query.q",
          "title", "properties.$set.email", "properties.*", "*", "*email*", "element.*", "url.*"})
        EXPECT_EQ(firstIssue(rule(ok, MaskAction::Redact)), "") << ok;
    EXPECT_NE(firstIssue(rule("elements.text", MaskAction::Redact)).find("field: unknown field 'elements'"),
              std::string::npos);
    EXPECT_NE(firstIssue(rule("element.txt", MaskAction::Redact)).find("unknown field 'element.txt'"),
              std::string::npos);
    EXPECT_NE(firstIssue(rule("element.attr", MaskAction::Redact)).find("element.attr.NAME"),
              std::string::npos);
    EXPECT_NE(firstIssue(rule("url.query", MaskAction::Redact)).find("url.query.NAME"), std::string::npos);
    EXPECT_NE(firstIssue(rule("url.port", MaskAction::Redact)).find("unknown field 'url.port'"),
              std::string::npos);
    EXPECT_NE(firstIssue(rule("properties", MaskAction::Redact)).find("properties needs a key"),
              std::string::npos);
    EXPECT_NE(firstIssue(rule("title.x", MaskAction::Redact)).find("unknown field"), std::string::npos);
    EXPECT_NE(firstIssue(rule("", MaskAction::Redact)).find("field pattern is required"), std::string::npos);
}

TEST(MaskRule, InvalidSelectorIsReportedWithItsPosition)
{
    MaskRule r = rule("element.text", MaskAction::Redact);
    r.selector = "form > [name=";
    const std::string issue = firstIssue(r);
    EXPECT_EQ(issue.rfind("selector: ", 0), 0u) << issue;
    EXPECT_NE(issue.find("(at position "), std::string::npos) << issue;
}

TEST(MaskRule, KeepBelongsToTruncateOnly)
{
    MaskRule t = rule("element.text", MaskAction::Truncate);
    EXPECT_NE(firstIssue(t).find("keep: truncate needs"), std::string::npos);
    t.keep = 3;
    EXPECT_EQ(firstIssue(t), "");
    MaskRule h = rule("element.text", MaskAction::Hash);
    h.keep = 3;
    EXPECT_NE(firstIssue(h).find("keep: only truncate"), std::string::npos);
}

TEST(MaskRule, ActionsHaveStableNames)
{
    for (MaskAction a : {MaskAction::Redact, MaskAction::Hash, MaskAction::Truncate, MaskAction::DropField,
                         MaskAction::DropInteraction})
        EXPECT_EQ(maskActionFromString(toString(a)), a);
    EXPECT_EQ(toString(MaskAction::DropInteraction), "drop-interaction");
    EXPECT_FALSE(maskActionFromString("Hash"));
    MaskRule r = rule("url.query.email", MaskAction::Hash);
    r.detector = DetectorType::Email;
    r.url = "/signup";
    EXPECT_EQ(describeMaskRule(r), "hash url.query.email where EMAIL at \"/signup\"");
}
