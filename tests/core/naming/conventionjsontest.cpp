#include "core/naming/conventionjson.h"

#include "core/naming/conventionpresets.h"
#include "core/naming/namelinter.h"
#include "tests/support/tempdir.h"

#include <gtest/gtest.h>

using namespace hindsight::naming;

namespace {

/// The errors of loading `json`, as "path: message" lines.
std::vector<std::string> errorsOf(std::string_view json)
{
    const ConventionLoad load = conventionFromJson(json);
    EXPECT_FALSE(load.ok()) << json;
    std::vector<std::string> out;
    for (const ConventionError &error : load.errors)
        out.push_back(error.toString());
    return out;
}

/// True when some error has this path and mentions `words`.
bool hasError(const std::vector<std::string> &errors, std::string_view path, std::string_view words)
{
    for (const std::string &error : errors) {
        if (error.rfind(std::string(path) + ": ", 0) == 0 && error.find(words) != std::string::npos)
            return true;
    }
    return false;
}

std::string dump(const std::vector<std::string> &errors)
{
    std::string out;
    for (const std::string &error : errors)
        out += "\n  " + error;
    return out;
}

} // namespace

TEST(ConventionJson, PresetsRoundTrip)
{
    for (const std::string &id : conventionPresetIds()) {
        const Convention convention = *conventionPreset(id);
        const std::string json = conventionToJson(convention);
        const ConventionLoad load = conventionFromJson(json);
        ASSERT_TRUE(load.ok()) << id << dump({load.errors.empty() ? "" : load.errors[0].toString()});
        EXPECT_EQ(*load.convention, convention) << id;
    }
}

TEST(ConventionJson, ReadsAFullConvention)
{
    const ConventionLoad load = conventionFromJson(R"({
        "id": "shop",
        "name": "Shop events",
        "example": "Checkout - Submit Payment",
        "maxLength": 60,
        "blockedWords": ["test", "copy"],
        "acronyms": ["SKU", "PDF"],
        "characters": {"letters": "ascii", "digits": true, "extra": "&"},
        "segments": [
            {"role": "category", "casing": "Title Case", "allowedValues": ["Cart", "Checkout"], "maxLength": 20},
            {"role": "action", "separator": " - ", "casing": "title", "tense": "present",
             "verbs": ["click", "submit", "view", "frobnicate/frobnicated"]},
            {"role": "object", "separator": " ", "casing": "Title Case", "optional": true, "label": "Thing"}
        ]
    })");
    ASSERT_TRUE(load.ok()) << (load.errors.empty() ? "" : load.errors[0].toString());
    const Convention &convention = *load.convention;
    EXPECT_EQ(convention.id, "shop");
    EXPECT_EQ(convention.pattern(), "Category - Action Thing");
    EXPECT_EQ(convention.maxLength, 60u);
    EXPECT_EQ(convention.acronyms, (std::vector<std::string>{"SKU", "PDF"}));
    EXPECT_EQ(convention.characters.letters, CharacterSet::Letters::Ascii);
    EXPECT_EQ(convention.segments[0].allowedValues.size(), 2u);
    EXPECT_EQ(convention.segments[1].tense, Tense::Present);
    EXPECT_TRUE(convention.segments[2].optional);

    const NameLinter linter(convention);
    EXPECT_TRUE(linter.check("Cart - Frobnicate SKU").clean());
    EXPECT_EQ(linter.check("Cart - Frobnicated Sku").suggestion, "Cart - Frobnicate SKU");
    EXPECT_TRUE(linter.check("Cart - Delete Item").has(Rule::UnknownVerb));
    EXPECT_TRUE(linter.check("Cart - Click Copy Button").has(Rule::BlockedWord));
}

TEST(ConventionJson, ExtendsAPreset)
{
    const ConventionLoad load =
        conventionFromJson(R"({"extends": "segment", "id": "ours", "maxLength": 40})");
    ASSERT_TRUE(load.ok());
    EXPECT_EQ(load.convention->id, "ours");
    EXPECT_EQ(load.convention->maxLength, 40u);
    EXPECT_EQ(load.convention->segments, conventionPreset("segment")->segments);
}

TEST(ConventionJson, SyntaxErrorsGiveLineAndColumn)
{
    const auto errors = errorsOf("{\n  \"id\": \"x\",\n  \"segments\": [\n}");
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_TRUE(hasError(errors, "$", "line 4")) << dump(errors);
    EXPECT_EQ(errorsOf("[]"), std::vector<std::string>{"$: expected a JSON object describing a convention"});
    EXPECT_TRUE(hasError(errorsOf(""), "$", "not valid JSON"));
}

TEST(ConventionJson, ErrorsNameThePathAndTheReason)
{
    const auto errors = errorsOf(R"({
        "segmnts": [],
        "maxLength": -3,
        "blockedWords": ["ok", 7],
        "characters": {"letters": "latin"},
        "segments": [
            {"role": "category", "casing": "Titel Case", "optional": "yes"},
            {"role": "verb", "separator": " - ", "tense": "future", "verbs": ["click", "bad//entry"]},
            "not an object"
        ]
    })");
    EXPECT_TRUE(hasError(errors, "$.segmnts", "unknown key")) << dump(errors);
    EXPECT_TRUE(hasError(errors, "$.maxLength", "whole number")) << dump(errors);
    EXPECT_TRUE(hasError(errors, "$.blockedWords[1]", "expected a string, found a number")) << dump(errors);
    EXPECT_TRUE(hasError(errors, "$.characters.letters", "“latin”")) << dump(errors);
    EXPECT_TRUE(hasError(errors, "$.segments[0].casing", "unknown casing “Titel Case”")) << dump(errors);
    EXPECT_TRUE(hasError(errors, "$.segments[0].optional", "true or false")) << dump(errors);
    EXPECT_TRUE(hasError(errors, "$.segments[1].role", "unknown role “verb”")) << dump(errors);
    EXPECT_TRUE(hasError(errors, "$.segments[1].tense", "unknown tense “future”")) << dump(errors);
    EXPECT_TRUE(hasError(errors, "$.segments[2]", "expected an object, found a string")) << dump(errors);
}

TEST(ConventionJson, ConventionsThatCannotWorkAreRejected)
{
    // The separator is also the word separator of Title Case: the parts could not be told apart.
    auto errors = errorsOf(R"({"segments": [
        {"role": "category"}, {"role": "object", "separator": " "}, {"role": "action", "separator": " "}]})");
    EXPECT_TRUE(hasError(errors, "$.segments[0]", "at most two such segments")) << dump(errors);

    errors = errorsOf(R"({"segments": [{"role": "category"}, {"role": "action", "separator": ""}]})");
    EXPECT_TRUE(hasError(errors, "$.segments[1].separator", "empty separator")) << dump(errors);

    errors = errorsOf(R"({"segments": [{"role": "object", "tense": "past"}]})");
    EXPECT_TRUE(hasError(errors, "$.segments[0].tense", "only an action segment")) << dump(errors);

    errors = errorsOf(R"({"segments": [{"role": "category", "allowedValues": ["cart"]},
                                        {"role": "action", "separator": " - "}]})");
    EXPECT_TRUE(hasError(errors, "$.segments[0].allowedValues[0]", "not written in Title Case"))
        << dump(errors);

    errors = errorsOf(R"({"segments": []})");
    EXPECT_TRUE(hasError(errors, "$.segments", "at least one segment")) << dump(errors);

    errors = errorsOf(R"({"extends": "heap", "example": "Order Completed"})");
    EXPECT_TRUE(hasError(errors, "$.example", "breaks the convention")) << dump(errors);

    errors = errorsOf(R"({"extends": "mixpanel"})");
    EXPECT_TRUE(hasError(errors, "$.extends", "unknown preset “mixpanel”")) << dump(errors);

    errors = errorsOf(R"({"id": "x"})");
    EXPECT_TRUE(hasError(errors, "$.segments", "missing")) << dump(errors);
}

TEST(ConventionJson, Files)
{
    const hindsight::test::TempDir dir;
    const std::string path = dir.file("conventions.json");
    std::string error;
    ASSERT_TRUE(saveConventionFile(*conventionPreset("heap"), path, &error)) << error;
    const ConventionLoad load = loadConventionFile(path);
    ASSERT_TRUE(load.ok());
    EXPECT_EQ(*load.convention, *conventionPreset("heap"));

    const ConventionLoad missing = loadConventionFile(dir.file("nope.json"));
    ASSERT_EQ(missing.errors.size(), 1u);
    EXPECT_NE(missing.errors[0].message.find("cannot read"), std::string::npos);
    EXPECT_FALSE(saveConventionFile(*conventionPreset("heap"), dir.file("no/such/dir/x.json"), &error));
    EXPECT_NE(error.find("cannot write"), std::string::npos);
}
