#include "core/definitions/definitionjson.h"

#include "tests/support/tempdir.h"
#include "tests/support/testpaths.h"

#include <gtest/gtest.h>

using namespace hindsight::definitions;

namespace {

Definition addToCart()
{
    Definition d;
    d.name = "Add to cart";
    d.description = "A click on the \"Add\" button\nof a product page";
    d.category = "Cart";
    d.owner = "ana";
    d.tags = {"cart", "core"};
    d.status = DefinitionStatus::Verified;
    Step s;
    s.eventTypes = {"click"};
    s.selector = "button[data-testid=\"add-to-cart\"]";
    s.text = TextCriterion{"Add to cart", TextMatchMode::Exact, false};
    s.url = UrlCriterion{"*/products/*", TextMatchMode::Wildcard, true, UrlScope::Path};
    s.properties = {{"plan", PropertyOp::Equals, "pro"}, {"$browser", PropertyOp::IsSet, ""}};
    d.steps.push_back(s);
    Step other;
    other.eventTypes = {"submit"};
    other.href = TextCriterion{"/cart", TextMatchMode::Contains, true};
    d.steps.push_back(other);
    return d;
}

Definition combo(std::string name, std::vector<std::string> members)
{
    Definition d;
    d.name = std::move(name);
    d.combo = std::move(members);
    return d;
}

/// The only issue of a parse, or a failure.
DefinitionIssue onlyIssue(const DefinitionParseResult &r)
{
    EXPECT_EQ(r.issues.size(), 1u) << r.message();
    EXPECT_TRUE(r.definitions.empty());
    return r.issues.empty() ? DefinitionIssue{} : r.issues.front();
}

std::string fileWith(std::string_view definitionsArray)
{
    return "{\"hindsight_definitions\": 1, \"definitions\": " + std::string(definitionsArray) + "}";
}

} // namespace

TEST(DefinitionJson, WritesAStableDocumentedLayout)
{
    const std::string expected = R"({
  "name": "Add to cart",
  "description": "A click on the \"Add\" button\nof a product page",
  "category": "Cart",
  "owner": "ana",
  "tags": ["cart", "core"],
  "status": "verified",
  "steps": [
    {
      "events": ["click"],
      "selector": "button[data-testid=\"add-to-cart\"]",
      "text": {"value": "Add to cart", "match": "exact", "case_sensitive": false},
      "url": {"value": "*/products/*", "match": "wildcard", "scope": "path", "case_sensitive": true},
      "properties": [
        {"key": "plan", "op": "equals", "value": "pro"},
        {"key": "$browser", "op": "is_set"}
      ]
    },
    {
      "events": ["submit"],
      "href": {"value": "/cart", "match": "contains", "case_sensitive": true}
    }
  ]
})";
    EXPECT_EQ(definitionToJson(addToCart()), expected);
    EXPECT_EQ(definitionToCompactJson(addToCart()).find('\n'), std::string::npos);
    EXPECT_EQ(definitionToCompactJson(addToCart()).find(R"({"name":"Add to cart","description":"A click)"),
              0u);
}

TEST(DefinitionJson, EveryFieldRoundTrips)
{
    const Definition d = addToCart();
    for (const std::string &json : {definitionToJson(d), definitionToCompactJson(d)}) {
        const auto r = parseDefinitionObject(json);
        ASSERT_TRUE(r.ok()) << r.message();
        ASSERT_EQ(r.definitions.size(), 1u);
        EXPECT_TRUE(r.definitions[0].sameContent(d)) << json;
        EXPECT_EQ(definitionToJson(r.definitions[0]), definitionToJson(d));
    }
    const Definition c = combo("Any checkout", {"Checkout B", "Checkout A"});
    const auto r = parseDefinitionObject(definitionToJson(c));
    ASSERT_TRUE(r.ok()) << r.message();
    EXPECT_EQ(r.definitions[0].combo, c.combo) << "combo order is the user's";
    EXPECT_TRUE(r.definitions[0].sameContent(c));
}

TEST(DefinitionJson, UnicodeAndControlCharactersSurvive)
{
    Definition d = addToCart();
    d.name = "Warenkorb – hinzufügen 🛒";
    d.description = "tab\there, quote \" backslash \\ and \x01";
    d.steps[0].selector = ".hover\\:bg-blue-500\\/75";
    const auto r = parseDefinitionObject(definitionToJson(d));
    ASSERT_TRUE(r.ok()) << r.message();
    EXPECT_TRUE(r.definitions[0].sameContent(d));
}

TEST(DefinitionJson, FilesAreSortedByNameAndByteStable)
{
    Definition b = addToCart();
    b.name = "banana";
    Definition a = addToCart();
    a.name = "Apple";
    const Definition c = combo("cherry", {"Apple", "banana"});
    const std::string once = definitionsToJsonFile({c, b, a});
    EXPECT_EQ(once, definitionsToJsonFile({a, c, b}));
    EXPECT_EQ(
        once.find(
            "{\n  \"hindsight_definitions\": 1,\n  \"definitions\": [\n    {\n      \"name\": \"Apple\""),
        0u)
        << once;
    EXPECT_LT(once.find("\"Apple\""), once.find("\"banana\""));
    EXPECT_LT(once.find("\"name\": \"banana\""), once.find("\"name\": \"cherry\""));
    EXPECT_EQ(once.back(), '\n');

    const auto parsed = parseDefinitionFile(once);
    ASSERT_TRUE(parsed.ok()) << parsed.message();
    ASSERT_EQ(parsed.definitions.size(), 3u);
    EXPECT_EQ(definitionsToJsonFile(parsed.definitions), once);

    EXPECT_EQ(definitionsToJsonFile({}), "{\n  \"hindsight_definitions\": 1,\n  \"definitions\": []\n}\n");
    EXPECT_TRUE(parseDefinitionFile(definitionsToJsonFile({})).ok());
}

TEST(DefinitionJson, AuditIsWrittenOnRequestAndIgnoredOnReading)
{
    Definition d = addToCart();
    d.id = 7;
    d.version = 3;
    d.createdBy = "ana";
    d.createdMs = 1709287200000;
    d.changedBy = "bo";
    d.changedMs = 1709373600000;
    d.verifiedBy = "bo";
    d.verifiedMs = 1709373600000;
    DefinitionJsonOptions withAudit;
    withAudit.audit = true;
    const std::string json = definitionsToJsonFile({d}, withAudit);
    EXPECT_NE(json.find(R"("audit": {
        "id": 7,
        "version": 3,
        "created_by": "ana",
        "created_at": "2024-03-01T10:00:00.000Z",
        "changed_by": "bo",
        "changed_at": "2024-03-02T10:00:00.000Z",
        "verified_by": "bo",
        "verified_at": "2024-03-02T10:00:00.000Z"
      })"),
              std::string::npos)
        << json;
    EXPECT_EQ(definitionsToJsonFile({d}).find("audit"), std::string::npos);
    const auto r = parseDefinitionFile(json);
    ASSERT_TRUE(r.ok()) << r.message();
    EXPECT_TRUE(r.definitions[0].sameContent(d));
    EXPECT_EQ(r.definitions[0].id, 0) << "bookkeeping is the catalog's, not the file's";
}

TEST(DefinitionJson, DefaultsForOmittedFields)
{
    const auto r = parseDefinitionObject(R"({"name": "Sign up", "steps": [{"url": {"value": "/signup"}}]})");
    ASSERT_TRUE(r.ok()) << r.message();
    const Definition &d = r.definitions[0];
    EXPECT_EQ(d.status, DefinitionStatus::Draft);
    EXPECT_TRUE(d.description.empty() && d.tags.empty());
    ASSERT_TRUE(d.steps[0].url);
    EXPECT_EQ(d.steps[0].url->mode, TextMatchMode::Exact);
    EXPECT_EQ(d.steps[0].url->scope, UrlScope::Full);
    EXPECT_TRUE(d.steps[0].url->caseSensitive);
}

TEST(DefinitionJson, ErrorsNameTheJsonPath)
{
    const std::string good = R"({"name": "A", "steps": [{"events": ["click"]}]})";
    const std::string badMatch =
        R"({"name": "B", "steps": [{"events": ["click"]}, {"url": {"value": "/x", "match": "glob"}}]})";
    auto named = [&](const std::string &name) { return good.substr(0, 10) + name + good.substr(11); };
    auto issue = onlyIssue(parseDefinitionFile(
        fileWith("[" + good + ", " + named("C") + ", " + named("D") + ", " + badMatch + "]")));
    EXPECT_EQ(issue.path, "definitions[3].steps[1].url.match");
    EXPECT_EQ(issue.message(), "definitions[3].steps[1].url.match: expected one of exact, contains, regex, "
                               "wildcard (found \"glob\")");

    struct Case
    {
        std::string json, path, reasonPart;
    };
    const std::vector<Case> cases = {
        {R"({"steps": []})", "name", "missing"},
        {R"({"name": 5, "steps": []})", "name", "expected a string, found a number"},
        {R"({"name": "A", "selector": "b", "steps": []})", "selector", "unknown field 'selector'"},
        {R"({"name": "A", "name": "B", "steps": []})", "name", "appears more than once"},
        {R"({"name": "A", "status": "approved", "steps": [{"events": ["click"]}]})", "status",
         "expected one of draft, verified, deprecated, archived"},
        {R"({"name": "A", "steps": [{"selecter": "a"}]})", "steps[0].selecter",
         "expected one of events, selector"},
        {R"({"name": "A", "steps": {"events": ["click"]}})", "steps", "expected an array, found an object"},
        {R"({"name": "A", "steps": [{"events": ["click", 3]}]})", "steps[0].events[1]", "expected a string"},
        {R"({"name": "A", "steps": [{"text": {"value": "x", "match": "wildcard"}}]})", "steps[0].text.match",
         "only for URLs"},
        {R"({"name": "A", "steps": [{"text": {"match": "exact"}}]})", "steps[0].text.value", "missing"},
        {R"({"name": "A", "steps": [{"text": {"value": "x", "case_sensitive": "no"}}]})",
         "steps[0].text.case_sensitive", "expected true or false"},
        {R"({"name": "A", "steps": [{"url": {"value": "/", "scope": "host"}}]})", "steps[0].url.scope",
         "expected one of full, path"},
        {R"({"name": "A", "steps": [{"properties": [{"key": "k", "op": "equals"}]}]})",
         "steps[0].properties[0].value", "missing"},
        {R"({"name": "A", "steps": [{"properties": [{"key": "k", "op": "is_set", "value": "v"}]}]})",
         "steps[0].properties[0].value", "takes no value"},
        {R"({"name": "A", "steps": [{"properties": [{"key": "k", "op": "like", "value": "v"}]}]})",
         "steps[0].properties[0].op", "expected one of equals"},
        {R"({"name": "A", "combo": ["B"], "audit": 3})", "audit", "expected an object"},
        {R"({"name": "A", "steps": [{}]})", "steps[0]", "has no condition"},
        {R"({"name": "A"})", "steps", "at least one step"},
    };
    for (const auto &c : cases) {
        SCOPED_TRACE(c.json);
        issue = onlyIssue(parseDefinitionObject(c.json));
        EXPECT_EQ(issue.path, c.path);
        EXPECT_NE(issue.reason.find(c.reasonPart), std::string::npos) << issue.reason;
        // The same definition inside a file gets the file's path prefix.
        issue = onlyIssue(parseDefinitionFile(fileWith("[" + c.json + "]")));
        EXPECT_EQ(issue.path, "definitions[0]." + c.path);
    }
}

TEST(DefinitionJson, SelectorAndRegexErrorsGiveThePositionInTheString)
{
    auto issue = onlyIssue(
        parseDefinitionFile(fileWith(R"([{"name": "A", "steps": [{"selector": "div > a.btn:hover"}]}])")));
    EXPECT_EQ(issue.path, "definitions[0].steps[0].selector");
    EXPECT_EQ(issue.position, 11u);
    EXPECT_NE(issue.message().find("(at position 11)"), std::string::npos) << issue.message();

    issue = onlyIssue(parseDefinitionObject(
        R"({"name": "A", "steps": [{"text": {"value": "Buy )now", "match": "regex"}}]})"));
    EXPECT_EQ(issue.path, "steps[0].text.value");
    EXPECT_EQ(issue.position, 4u);
}

TEST(DefinitionJson, FileLevelProblems)
{
    auto issue = onlyIssue(parseDefinitionFile(R"({"definitions": []})"));
    EXPECT_EQ(issue.path, "hindsight_definitions");
    issue = onlyIssue(parseDefinitionFile(R"({"hindsight_definitions": 2, "definitions": []})"));
    EXPECT_NE(issue.reason.find("unsupported format version"), std::string::npos);
    issue = onlyIssue(parseDefinitionFile(R"({"hindsight_definitions": 1})"));
    EXPECT_EQ(issue.path, "definitions");
    issue = onlyIssue(parseDefinitionFile(R"([])"));
    EXPECT_NE(issue.reason.find("expected an object"), std::string::npos);

    // Names are unique within a file, ignoring case.
    issue = onlyIssue(parseDefinitionFile(
        fileWith(R"([{"name": "Sign up", "combo": ["X"]}, {"name": "SIGN UP", "combo": ["Y"]}])")));
    EXPECT_EQ(issue.path, "definitions[1].name");
    EXPECT_NE(issue.reason.find("definitions[0]"), std::string::npos);

    // Several broken definitions are all reported.
    const auto r =
        parseDefinitionFile(fileWith(R"([{"name": 1}, {"name": "ok", "combo": ["x"]}, {"nam": "x"}])"));
    ASSERT_EQ(r.issues.size(), 2u) << r.message();
    EXPECT_EQ(r.issues[0].path, "definitions[0].name");
    EXPECT_EQ(r.issues[1].path, "definitions[2].nam");
    EXPECT_TRUE(r.definitions.empty());
}

TEST(DefinitionJson, SyntaxErrorsSayWhere)
{
    const auto r = parseDefinitionFile(
        "{\n  \"hindsight_definitions\": 1,\n  \"definitions\": [\n    {\"name\": \"A\",}\n  ]\n}");
    ASSERT_EQ(r.issues.size(), 1u);
    EXPECT_NE(r.issues[0].reason.find("not valid JSON"), std::string::npos) << r.issues[0].reason;
    EXPECT_NE(r.issues[0].reason.find("line 4"), std::string::npos) << r.issues[0].reason;
    EXPECT_FALSE(parseDefinitionFile("").ok());
    EXPECT_FALSE(parseDefinitionFile("{\"hindsight_definitions\": 1, \"definitions\": [] } trailing").ok());
    EXPECT_FALSE(parseDefinitionObject("\"name\"").ok());
}

TEST(DefinitionJson, EitherAFileOrOneObject)
{
    const auto one = parseDefinitionJson(R"({"name": "A", "combo": ["B"]})");
    ASSERT_TRUE(one.ok()) << one.message();
    EXPECT_EQ(one.definitions[0].name, "A");
    const auto file =
        parseDefinitionJson(fileWith(R"([{"name": "A", "combo": ["B"]}, {"name": "B", "combo": ["A"]}])"));
    ASSERT_TRUE(file.ok()) << file.message();
    EXPECT_EQ(file.definitions.size(), 2u);
    EXPECT_EQ(onlyIssue(parseDefinitionJson(fileWith(R"([{"name": "A"}])"))).path, "definitions[0].steps");
}

TEST(DefinitionJson, ValidationCanBeSkippedForStoredContent)
{
    DefinitionParseOptions raw;
    raw.validate = false;
    const auto r = parseDefinitionObject(R"({"name": "A", "steps": [{"selector": "a:hover"}]})", raw);
    ASSERT_TRUE(r.ok()) << r.message();
    EXPECT_FALSE(parseDefinitionObject(R"({"name": "A", "steps": [{"selector": "a:hover"}]})").ok());
    EXPECT_FALSE(parseDefinitionObject(R"({"name": "A", "steps": [{"selector": 3}]})", raw).ok())
        << "structure is always checked";
}

TEST(DefinitionJson, TheExampleInTheDocumentationIsExactlyWhatExportWrites)
{
    const std::string doc =
        hindsight::test::readFile(std::string(hindsight::test::kSourceDir) + "/docs/definitions.md");
    const auto section = doc.find("## Definitions as code (JSON format)");
    ASSERT_NE(section, std::string::npos);
    const auto start = doc.find("```json\n", section);
    ASSERT_NE(start, std::string::npos);
    const auto end = doc.find("```\n", start + 8);
    ASSERT_NE(end, std::string::npos);
    const std::string example = doc.substr(start + 8, end - start - 8);
    const auto parsed = parseDefinitionFile(example);
    ASSERT_TRUE(parsed.ok()) << parsed.message();
    EXPECT_EQ(parsed.definitions.size(), 2u);
    EXPECT_EQ(definitionsToJsonFile(parsed.definitions), example);
}
