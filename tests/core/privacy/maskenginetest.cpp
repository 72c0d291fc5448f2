// The masking engine on captured events (at the door) and on single stored values.
#include "core/privacy/maskengine.h"

#include "core/capture/elementchain.h"
#include "core/privacy/maskjson.h"

#include <gtest/gtest.h>

using namespace hindsight;
using namespace hindsight::privacy;

namespace {

const std::string kSecret(32, '\x5a');
const std::string kEmail = "zq7.unique.marker@example.org";

MaskRule rule(std::string field, MaskAction action, std::optional<DetectorType> detector = std::nullopt)
{
    MaskRule r;
    r.field = std::move(field);
    r.action = action;
    r.detector = detector;
    return r;
}

std::unique_ptr<MaskEngine> engine(std::vector<MaskRule> rules, std::string secret = kSecret)
{
    std::string error;
    auto e = MaskEngine::create(std::move(rules), std::move(secret), &error);
    EXPECT_TRUE(e) << error;
    return e;
}

model::CapturedEvent event()
{
    model::CapturedEvent e;
    e.uuid = "11111111-1111-4111-8111-111111111111";
    e.type = "click";
    e.timestampMs = 1'714'550'400'000;
    e.distinctId = "d1";
    e.url = "https://shop.example/signup/" + std::string("zq7.unique.marker%40example.org") +
            "?email=zq7.unique.marker%40example.org&step=2#top";
    e.title = "Welcome " + kEmail;
    e.referrer = "https://mail.example/?to=" + kEmail;
    e.chain = capture::serializeElementsChain(
        {{"span", "", {}, "Signed in as " + kEmail, "", {}, 1, 1},
         {"form", "signup", {"card"}, "", "", {{"data-user", "u-42"}, {"name", "signup"}}, 2, 1},
         {"body", "", {}, "", "", {}, 0, 0}});
    e.properties =
        R"({"plan":"pro","$set":{"email":")" + kEmail + R"(","age":41},"items":[{"sku":"A1"}],"n":5})";
    return e;
}

} // namespace

TEST(MaskEngine, RedactWithDetectorReplacesOnlyTheSpans)
{
    auto m = engine({rule("*", MaskAction::Redact, DetectorType::Email)});
    auto e = event();
    const MaskOutcome o = m->maskEvent(e);
    EXPECT_TRUE(o.changed);
    EXPECT_FALSE(o.drop);
    EXPECT_EQ(o.changedBy, 1u);
    EXPECT_EQ(e.title, "Welcome [EMAIL]");
    EXPECT_EQ(e.url, "https://shop.example/signup/[EMAIL]?email=[EMAIL]&step=2#top");
    EXPECT_EQ(e.referrer, "https://mail.example/?to=[EMAIL]");
    EXPECT_NE(e.chain.find("text=\"Signed in as [EMAIL]\""), std::string::npos) << e.chain;
    // Property order and untouched members are kept byte for byte.
    EXPECT_EQ(e.properties,
              R"({"plan":"pro","$set":{"email":"[EMAIL]","age":41},"items":[{"sku":"A1"}],"n":5})");
    for (const std::string *v : {&e.url, &e.title, &e.referrer, &e.chain, &e.properties})
        EXPECT_EQ(v->find("zq7"), std::string::npos) << *v;
}

TEST(MaskEngine, HashIsKeyedStableAndJoinsAcrossFields)
{
    auto m = engine({rule("*", MaskAction::Hash, DetectorType::Email)});
    auto e = event();
    m->maskEvent(e);
    const std::string h = m->hmac(kEmail);
    EXPECT_TRUE(isHmacToken(h)) << h;
    EXPECT_EQ(e.title, "Welcome " + h);
    EXPECT_NE(e.properties.find("\"email\":\"" + h + "\""), std::string::npos) << e.properties;
    // Found percent-encoded in the URL, the address hashes like the decoded one.
    EXPECT_EQ(e.url, "https://shop.example/signup/" + h + "?email=" + h + "&step=2#top");
    EXPECT_NE(e.chain.find("Signed in as " + h), std::string::npos);

    auto other = engine({rule("*", MaskAction::Hash, DetectorType::Email)}, std::string(32, '\x01'));
    EXPECT_NE(other->hmac(kEmail), h) << "the key is the workspace's";
    EXPECT_EQ(m->hmac(kEmail), h) << "same input, same output";
}

TEST(MaskEngine, MaskingTwiceChangesNothing)
{
    for (MaskAction action : {MaskAction::Redact, MaskAction::Hash}) {
        auto m = engine({rule("*", action, DetectorType::Email), rule("url.query.step", action),
                         rule("element.attr.data-user", action)});
        auto e = event();
        ASSERT_TRUE(m->maskEvent(e).changed);
        const auto once = e;
        const MaskOutcome again = m->maskEvent(e);
        EXPECT_FALSE(again.changed) << toString(action);
        EXPECT_EQ(e.url, once.url);
        EXPECT_EQ(e.chain, once.chain);
        EXPECT_EQ(e.properties, once.properties);
    }
    MaskRule t = rule("title", MaskAction::Truncate);
    t.keep = 4;
    auto m = engine({t});
    auto e = event();
    ASSERT_TRUE(m->maskEvent(e).changed);
    EXPECT_EQ(e.title, "Welc");
    EXPECT_FALSE(m->maskEvent(e).changed);
}

TEST(MaskEngine, TruncateCountsCharactersNotBytes)
{
    MaskRule t = rule("title", MaskAction::Truncate);
    t.keep = 3;
    auto m = engine({t});
    auto e = event();
    e.title = "Ärger über alles";
    m->maskEvent(e);
    EXPECT_EQ(e.title, "Ärg");
}

TEST(MaskEngine, DropFieldRemovesAttributesParametersAndProperties)
{
    auto m = engine({rule("element.attr.data-user", MaskAction::DropField),
                     rule("url.query.email", MaskAction::DropField),
                     rule("properties.$set", MaskAction::DropField), rule("url.hash", MaskAction::DropField),
                     rule("referrer", MaskAction::DropField)});
    auto e = event();
    const MaskOutcome o = m->maskEvent(e);
    EXPECT_TRUE(o.changed);
    EXPECT_EQ(e.chain.find("data-user"), std::string::npos) << e.chain;
    EXPECT_NE(e.chain.find("attr__name=\"signup\""), std::string::npos) << e.chain;
    EXPECT_EQ(e.url, "https://shop.example/signup/zq7.unique.marker%40example.org?step=2");
    EXPECT_EQ(e.properties, R"({"plan":"pro","items":[{"sku":"A1"}],"n":5})");
    EXPECT_EQ(e.referrer, "");

    auto all = engine({rule("properties.*", MaskAction::DropField)});
    auto f = event();
    all->maskEvent(f);
    EXPECT_EQ(f.properties, "{}");
}

TEST(MaskEngine, DropInteractionLooksAtRawValuesFirst)
{
    // The redact rule comes first, but drop rules are checked on the raw values.
    auto m = engine({rule("element.text", MaskAction::Redact, DetectorType::Email),
                     rule("element.text", MaskAction::DropInteraction, DetectorType::Email)});
    auto e = event();
    const MaskOutcome o = m->maskEvent(e);
    EXPECT_TRUE(o.drop);
    EXPECT_EQ(o.droppedBy, 2u);

    auto none = engine({rule("element.text", MaskAction::DropInteraction, DetectorType::Phone)});
    auto f = event();
    EXPECT_FALSE(none->maskEvent(f).drop);

    auto nested = engine({rule("properties.items", MaskAction::DropInteraction)});
    auto g = event();
    EXPECT_TRUE(nested->maskEvent(g).drop);
}

TEST(MaskEngine, SelectorLimitsElementFieldsToMatchingElements)
{
    MaskRule r = rule("element.attr.*", MaskAction::Redact);
    r.selector = "form#signup";
    auto m = engine({r});
    auto e = event();
    e.chain =
        capture::serializeElementsChain({{"input", "", {}, "", "", {{"name", "email"}}, 1, 1},
                                         {"form", "signup", {}, "", "", {{"data-user", "u-42"}}, 2, 1}});
    m->maskEvent(e);
    model::ElementChain chain;
    ASSERT_TRUE(capture::parseElementsChain(e.chain, chain));
    ASSERT_EQ(chain.size(), 2u);
    EXPECT_EQ(*chain[0].attribute("name"), "email") << "the input does not match form#signup";
    EXPECT_EQ(*chain[1].attribute("data-user"), "[REDACTED]");
    EXPECT_EQ(chain[1].id, "[REDACTED]");

    // For a non-element field, the selector must match the chain.
    MaskRule t = rule("title", MaskAction::Redact);
    t.selector = "button.buy";
    auto titles = engine({t});
    auto f = event();
    EXPECT_FALSE(titles->maskEvent(f).changed);
    f.chain = "button.buy:text=\"Buy\"";
    EXPECT_TRUE(titles->maskEvent(f).changed);
    EXPECT_EQ(f.title, "[REDACTED]");
}

TEST(MaskEngine, UrlConditionUsesThePageUrl)
{
    MaskRule r = rule("title", MaskAction::Redact);
    r.url = "*/signup/*";
    auto m = engine({r});
    auto e = event();
    EXPECT_TRUE(m->maskEvent(e).changed);
    auto f = event();
    f.url = "https://shop.example/cart";
    EXPECT_FALSE(m->maskEvent(f).changed);
    EXPECT_EQ(f.title, "Welcome " + kEmail);
}

TEST(MaskEngine, NamedValuesAreDetectedWithTheirNameAsContext)
{
    // A long token in `?token=` is a SECRET only because of its name.
    auto m = engine({rule("url.query.*", MaskAction::Redact, DetectorType::Secret)});
    auto e = event();
    e.url = "https://shop.example/reset?token=Zx81kQp0rT5vWm2nB7cY4dE9&step=1";
    m->maskEvent(e);
    EXPECT_EQ(e.url, "https://shop.example/reset?token=[SECRET]&step=1");
}

TEST(MaskEngine, RetroactiveValuesMatchTheDoor)
{
    auto m = engine(
        {rule("*", MaskAction::Hash, DetectorType::Email), rule("element.attr.data-user", MaskAction::Hash)});
    const auto raw = event();
    auto door = raw;
    m->maskEvent(door);
    const RuleConditions c = m->conditions(raw.chain, raw.url);
    std::string out;
    ASSERT_TRUE(m->maskUrl(raw.url, false, c, out).changed);
    EXPECT_EQ(out, door.url);
    ASSERT_TRUE(m->maskUrl(raw.referrer, true, c, out).changed);
    EXPECT_EQ(out, door.referrer);
    ASSERT_TRUE(m->maskTitle(raw.title, c, out).changed);
    EXPECT_EQ(out, door.title);
    ASSERT_TRUE(m->maskChain(raw.chain, c, out).changed);
    EXPECT_EQ(out, door.chain);
    ASSERT_TRUE(m->maskProperties(raw.properties, c, out).changed);
    EXPECT_EQ(out, door.properties);
}

TEST(MaskEngine, RefusesInvalidRulesAndHashWithoutSecret)
{
    std::string error;
    EXPECT_FALSE(MaskEngine::create({rule("nope", MaskAction::Redact)}, kSecret, &error));
    EXPECT_NE(error.find("unknown field"), std::string::npos) << error;
    EXPECT_FALSE(MaskEngine::create({rule("title", MaskAction::Hash)}, "", &error));
    EXPECT_NE(error.find("secret"), std::string::npos) << error;
    std::vector<MaskRule> many(kMaxMaskRules + 1, rule("title", MaskAction::Redact));
    EXPECT_FALSE(MaskEngine::create(many, kSecret, &error));
    EXPECT_NE(error.find("at most 64"), std::string::npos) << error;
}

namespace {

struct Redactor : JsonValueEditor
{
    JsonEdit scalar(std::string_view path, std::string_view value, std::string &replacement) override
    {
        seen.push_back(std::string(path) + "=" + std::string(value));
        if (path == "p.b.c") {
            replacement = "X\"y";
            return JsonEdit::Replace;
        }
        if (path == "p.list[]" && value == "2") return JsonEdit::Remove;
        return JsonEdit::Keep;
    }
    JsonEdit container(std::string_view path, bool) override
    {
        return path == "p.gone" ? JsonEdit::Remove : JsonEdit::Keep;
    }
    std::vector<std::string> seen;
};

} // namespace

TEST(MaskJson, EditsValuesAndKeepsTheRestByteForByte)
{
    Redactor r;
    std::string out;
    const std::string json =
        R"({"a":"\u00e9\n","b":{"c":"secret"},"gone":{"x":1},"list":[1,2,3],"t":true,"z":null})";
    EXPECT_EQ(rewriteJsonObject(json, "p", r, out), JsonRewrite::Changed);
    EXPECT_EQ(out, R"({"a":"\u00e9\n","b":{"c":"X\"y"},"list":[1,3],"t":true,"z":null})");
    EXPECT_EQ(r.seen.front(), "p.a=é\n");
    Redactor keep;
    EXPECT_EQ(rewriteJsonObject(R"({"q":1})", "p", keep, out), JsonRewrite::Unchanged);
    EXPECT_EQ(rewriteJsonObject(R"({"q":)", "p", keep, out), JsonRewrite::Invalid);
    EXPECT_EQ(rewriteJsonObject(R"([1])", "p", keep, out), JsonRewrite::Invalid);
    EXPECT_EQ(rewriteJsonObject(R"({"q":1} x)", "p", keep, out), JsonRewrite::Invalid);
}
