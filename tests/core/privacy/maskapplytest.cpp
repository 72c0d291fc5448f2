// Masking what is already stored (mask test / mask apply) on real stores, and the rules' store.
// The byte-level proof: raw markers are in the store file before, and in none of its files after.
#include "core/privacy/maskapply.h"

#include "core/capture/elementchain.h"
#include "core/definitions/catalog.h"
#include "core/definitions/interactionindex.h"
#include "core/privacy/maskengine.h"
#include "core/privacy/maskstore.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "core/store/storewriter.h"
#include "tests/support/tempdir.h"

#include <filesystem>
#include <gtest/gtest.h>

using namespace hindsight;
using namespace hindsight::privacy;

namespace {

const std::string kEmail = "zq7.unique.marker@example.org";
const std::string kToken = "Tk9unique8Marker7Tok3n6Xq";
constexpr std::int64_t kT0 = 1'714'550'400'000; // 2024-05-01

MaskRule rule(std::string field, MaskAction action, std::optional<DetectorType> detector = std::nullopt)
{
    MaskRule r;
    r.field = std::move(field);
    r.action = action;
    r.detector = detector;
    return r;
}

std::string uuid(int i)
{
    char buf[40];
    std::snprintf(buf, sizeof buf, "00000000-0000-4000-8000-%012d", i);
    return buf;
}

/// 40 interactions: 4 carry the e-mail marker (chain text, page URL, properties), 2 the token
/// (URL query), the rest are clean pageviews and clicks.
std::vector<model::CapturedEvent> events()
{
    std::vector<model::CapturedEvent> out;
    for (int i = 0; i < 40; ++i) {
        model::CapturedEvent e;
        e.uuid = uuid(i);
        e.timestampMs = kT0 + i * 1000;
        e.distinctId = "user-" + std::to_string(i % 5);
        e.sessionId = "s" + std::to_string(i % 3);
        e.type = i % 2 ? "click" : "pageview";
        e.url = "https://shop.example/page/" + std::to_string(i % 4);
        e.title = "Page " + std::to_string(i % 4);
        e.properties = "{\"plan\":\"pro\"}";
        if (e.type == "click")
            e.chain = capture::serializeElementsChain({{"button", "", {"buy"}, "Buy", "", {}, 1, 1}});
        if (i == 3 || i == 9) {
            e.chain =
                capture::serializeElementsChain({{"span", "", {}, "Signed in as " + kEmail, "", {}, 1, 1}});
            e.properties = R"({"plan":"pro","$set":{"email":")" + kEmail + "\"}}";
        }
        if (i == 4 || i == 10) e.url = "https://shop.example/signup?email=" + kEmail + "&step=1";
        if (i == 12 || i == 14) e.url = "https://shop.example/reset?token=" + kToken;
        e.properties = e.properties.empty() ? "{}" : e.properties;
        out.push_back(std::move(e));
    }
    return out;
}

struct Workspace
{
    test::TempDir dir;
    std::string path = dir.file("w.hindsight");
    std::unique_ptr<store::Store> store;

    Workspace()
    {
        std::string error;
        store = store::Store::open(path, store::Store::OpenMode::CreateIfMissing, &error);
        EXPECT_TRUE(store) << error;
    }

    /// Writes events as an import would, masked by `engine` first when given.
    store::StoreWriter::Totals write(const std::vector<model::CapturedEvent> &list,
                                     MaskEngine *engine = nullptr)
    {
        store::StoreWriter writer(*store);
        for (auto e : list) {
            if (engine && engine->maskEvent(e).drop) continue;
            EXPECT_EQ(writer.add(e), store::StoreWriter::Outcome::Accepted) << writer.error();
        }
        EXPECT_TRUE(writer.commit()) << writer.error();
        return writer.totals();
    }

    std::int64_t count(const std::string &sql) { return store->db().scalar(sql); }
};

bool fileHas(const std::string &path, const std::string &needle)
{
    return test::readFile(path).find(needle) != std::string::npos;
}

std::vector<std::string> storeFiles(const std::string &path)
{
    return {path, path + "-wal", path + "-shm", definitions::InteractionIndex::cachePathFor(path)};
}

std::unique_ptr<MaskEngine> engineFor(store::Store &store, std::vector<MaskRule> rules)
{
    std::string error;
    auto secret = workspaceSecret(store, &error);
    EXPECT_TRUE(secret) << error;
    auto engine = MaskEngine::create(std::move(rules), secret.value_or(""), &error);
    EXPECT_TRUE(engine) << error;
    return engine;
}

} // namespace

TEST(MaskApply, RawValuesAreGoneFromEveryFileAfterApply)
{
    Workspace w;
    w.write(events());
    // A definition in the catalog, which must survive.
    definitions::Catalog catalog(*w.store);
    definitions::Definition def;
    def.name = "Buy clicks";
    definitions::Step step;
    step.eventTypes = {"click"};
    step.selector = "button.buy";
    def.steps.push_back(step);
    ASSERT_TRUE(catalog.create(def, {"ana", "", kT0}));
    // The column cache, a derived copy.
    std::string error;
    ASSERT_TRUE(definitions::InteractionIndex::load(*w.store, &error)) << error;
    ASSERT_TRUE(std::filesystem::exists(definitions::InteractionIndex::cachePathFor(w.path)));

    ASSERT_TRUE(w.store->db().exec("PRAGMA wal_checkpoint(TRUNCATE)"));
    ASSERT_TRUE(fileHas(w.path, kEmail)) << "the marker must be in the file before";
    ASSERT_TRUE(fileHas(w.path, kToken));
    const std::int64_t interactions = w.store->metaInt("interactions");
    const std::int64_t generation = w.store->metaInt("generation");

    const std::vector<MaskRule> rules = {rule("*", MaskAction::Hash, DetectorType::Email),
                                         rule("url.query.token", MaskAction::Redact)};
    auto report = applyMaskRules(*w.store, rules, {"ana", false}, &error);
    ASSERT_TRUE(report) << error;
    EXPECT_TRUE(report->applied);
    EXPECT_EQ(report->impact.interactionsChanged, 6);
    EXPECT_EQ(report->impact.interactionsDropped, 0);
    EXPECT_EQ(report->impact.rules[0].interactionsAffected, 4);
    EXPECT_EQ(report->impact.rules[1].interactionsAffected, 2);

    // Every file's bytes, with the store open (WAL and shared-memory index present) ...
    EXPECT_FALSE(std::filesystem::exists(definitions::InteractionIndex::cachePathFor(w.path)));
    for (const auto &file : storeFiles(w.path)) {
        EXPECT_FALSE(fileHas(file, kEmail)) << file;
        EXPECT_FALSE(fileHas(file, kToken)) << file;
    }
    // ... and closed, so that nothing is held in memory.
    w.store.reset();
    for (const auto &file : storeFiles(w.path)) {
        EXPECT_FALSE(fileHas(file, kEmail)) << file;
        EXPECT_FALSE(fileHas(file, "zq7.unique")) << file;
        EXPECT_FALSE(fileHas(file, kToken)) << file;
    }
    for (const auto &entry : std::filesystem::directory_iterator(w.dir.path()))
        EXPECT_FALSE(fileHas(entry.path().string(), "zq7.unique")) << entry.path();

    w.store = store::Store::open(w.path, store::Store::OpenMode::Existing, &error);
    ASSERT_TRUE(w.store) << error;
    EXPECT_EQ(w.store->metaInt("interactions"), interactions);
    EXPECT_EQ(w.count("SELECT count(*) FROM interactions"), interactions);
    EXPECT_EQ(w.store->metaInt("generation"), generation + 1);
    EXPECT_EQ(w.store->metaInt("elements"), w.count("SELECT count(*) FROM chains"));
    EXPECT_EQ(w.count("SELECT count(*) FROM pragma_integrity_check WHERE integrity_check != 'ok'"), 0);
    EXPECT_EQ(w.count("SELECT count(*) FROM pragma_foreign_key_check"), 0);
    definitions::Catalog after(*w.store);
    ASSERT_TRUE(after.find("Buy clicks"));
    EXPECT_EQ(after.find("Buy clicks")->steps, def.steps);

    // The hash joins: the same address gives the same token in the chain, the URL and properties.
    auto engine = engineFor(*w.store, rules);
    const std::string h = engine->hmac(kEmail);
    EXPECT_EQ(w.count("SELECT count(*) FROM chains WHERE instr(chain, '" + h + "') > 0"), 1);
    EXPECT_EQ(
        w.count("SELECT count(*) FROM urls WHERE url = 'https://shop.example/signup?email=" + h + "&step=1'"),
        1);
    EXPECT_EQ(
        w.count("SELECT count(*) FROM properties WHERE json = '{\"plan\":\"pro\",\"$set\":{\"email\":\"" + h +
                "\"}}'"),
        1);
    EXPECT_EQ(w.count("SELECT count(*) FROM urls WHERE url = 'https://shop.example/reset?token=[REDACTED]'"),
              1);

    // A later import of the same raw events is masked at the door and deduplicates by uuid:
    // nothing new is stored, not even a dictionary row.
    const std::int64_t urls = w.count("SELECT count(*) FROM urls"),
                       chains = w.count("SELECT count(*) FROM chains"),
                       props = w.count("SELECT count(*) FROM properties");
    const auto totals = w.write(events(), engine.get());
    EXPECT_EQ(totals.stored, 0);
    EXPECT_EQ(totals.duplicates, 40);
    EXPECT_EQ(w.count("SELECT count(*) FROM urls"), urls);
    EXPECT_EQ(w.count("SELECT count(*) FROM chains"), chains);
    EXPECT_EQ(w.count("SELECT count(*) FROM properties"), props);
    w.store->db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    EXPECT_FALSE(fileHas(w.path, kEmail));

    // Applying again finds nothing to do.
    auto again = applyMaskRules(*w.store, rules, {"ana", false}, &error);
    ASSERT_TRUE(again) << error;
    EXPECT_FALSE(again->impact.changesSomething());
    EXPECT_FALSE(again->applied);
}

TEST(MaskApply, ValuesThatBecomeEqualShareOneRow)
{
    Workspace w;
    auto list = events();
    // Two chains that differ only in the address.
    list[3].chain = capture::serializeElementsChain({{"span", "", {}, "Hi a.one@example.org", "", {}, 1, 1}});
    list[9].chain = capture::serializeElementsChain({{"span", "", {}, "Hi b.two@example.org", "", {}, 1, 1}});
    w.write(list);
    const std::int64_t chainsBefore = w.count("SELECT count(*) FROM chains");
    ASSERT_EQ(w.store->metaInt("elements"), chainsBefore);
    std::string error;
    auto report = applyMaskRules(*w.store, {rule("element.text", MaskAction::Redact, DetectorType::Email)},
                                 {"ana", false}, &error);
    ASSERT_TRUE(report) << error;
    EXPECT_EQ(report->impact.interactionsChanged, 2);
    EXPECT_EQ(w.count("SELECT count(*) FROM chains"), chainsBefore - 1);
    EXPECT_EQ(w.store->metaInt("elements"), chainsBefore - 1);
    EXPECT_EQ(
        w.count("SELECT count(DISTINCT chain) FROM interactions WHERE id IN (SELECT i.id FROM interactions i "
                "JOIN chains c ON c.id = i.chain WHERE c.chain LIKE '%[EMAIL]%')"),
        1);
    EXPECT_EQ(
        w.count("SELECT count(*) FROM interactions i JOIN chains c ON c.id = i.chain WHERE c.chain LIKE "
                "'span:%text=\"Hi [EMAIL]\"'"),
        2);
}

TEST(MaskApply, DropInteractionDeletesRowsAndKeepsCountersRight)
{
    Workspace w;
    w.write(events());
    std::string error;
    auto report =
        applyMaskRules(*w.store, {rule("element.text", MaskAction::DropInteraction, DetectorType::Email)},
                       {"ana", false}, &error);
    ASSERT_TRUE(report) << error;
    EXPECT_EQ(report->impact.interactionsDropped, 2);
    EXPECT_EQ(report->impact.rules[0].interactionsDropped, 2);
    EXPECT_EQ(w.count("SELECT count(*) FROM interactions"), 38);
    EXPECT_EQ(w.store->metaInt("interactions"), 38);
    EXPECT_EQ(w.store->stats().interactions, 38);
    EXPECT_EQ(w.count("SELECT count(*) FROM chains WHERE instr(chain, 'zq7') > 0"), 0);
    EXPECT_EQ(w.count("SELECT count(*) FROM properties WHERE instr(json, 'zq7') > 0"), 0);
    EXPECT_EQ(w.store->metaInt("elements"), w.count("SELECT count(*) FROM chains"));
}

TEST(MaskApply, ConditionsSplitAValueBetweenInteractions)
{
    Workspace w;
    auto list = events();
    for (auto &e : list)
        e.title = "Order for " + kEmail; // the same title on every page
    w.write(list);
    MaskRule r = rule("title", MaskAction::Redact, DetectorType::Email);
    r.url = "*/page/1";
    std::string error;
    auto report = applyMaskRules(*w.store, {r}, {"ana", true}, &error);
    ASSERT_TRUE(report) << error;
    EXPECT_EQ(report->impact.interactionsChanged, 10);
    // The raw title stays for the interactions the rule does not cover, and only for them.
    EXPECT_EQ(
        w.count(
            "SELECT count(*) FROM interactions i JOIN texts t ON t.id = i.title WHERE t.value = 'Order for "
            "[EMAIL]'"),
        10);
    EXPECT_EQ(
        w.count("SELECT count(*) FROM interactions i JOIN texts t ON t.id = i.title WHERE instr(t.value, "
                "'zq7') > 0"),
        30);
}

TEST(MaskApply, GuardRefusesToDropEverythingOrRewriteMostWithoutConfirmation)
{
    Workspace w;
    w.write(events());
    std::string error;
    const std::vector<MaskRule> dropAll = {rule("url", MaskAction::DropInteraction)};
    auto impact = testMaskRules(*w.store, dropAll, &error);
    ASSERT_TRUE(impact) << error;
    EXPECT_EQ(impact->interactionsDropped, 40);
    EXPECT_TRUE(impact->needsConfirmation());
    EXPECT_NE(impact->confirmationReason().find("drop every interaction (40 of 40)"), std::string::npos);
    auto refused = applyMaskRules(*w.store, dropAll, {"ana", false}, &error);
    ASSERT_TRUE(refused) << error;
    EXPECT_TRUE(refused->refused);
    EXPECT_FALSE(refused->applied);
    EXPECT_EQ(w.count("SELECT count(*) FROM interactions"), 40);

    const std::vector<MaskRule> most = {rule("title", MaskAction::Hash)};
    impact = testMaskRules(*w.store, most, &error);
    ASSERT_TRUE(impact);
    EXPECT_EQ(impact->interactionsChanged, 40);
    EXPECT_NE(impact->confirmationReason().find("more than half"), std::string::npos);
    const std::int64_t texts = w.count("SELECT count(*) FROM texts");
    refused = applyMaskRules(*w.store, most, {"ana", false}, &error);
    ASSERT_TRUE(refused && refused->refused);
    EXPECT_EQ(w.count("SELECT count(*) FROM texts"), texts) << "rows written while planning are rolled back";
    EXPECT_EQ(w.count("SELECT count(*) FROM texts WHERE value LIKE 'hmac:%'"), 0);

    auto confirmed = applyMaskRules(*w.store, most, {"ana", true}, &error);
    ASSERT_TRUE(confirmed) << error;
    EXPECT_TRUE(confirmed->applied);
    EXPECT_EQ(w.count("SELECT count(*) FROM texts WHERE value LIKE 'hmac:%'"), 4);

    const std::vector<MaskRule> few = {rule("url.query.token", MaskAction::Redact)};
    impact = testMaskRules(*w.store, few, &error);
    ASSERT_TRUE(impact);
    EXPECT_FALSE(impact->needsConfirmation());
}

TEST(MaskApply, TestChangesNothingAndShowsOnlyMaskedExamples)
{
    Workspace w;
    w.write(events());
    w.store->db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    const std::string before = test::readFile(w.path);
    std::string error;
    auto impact =
        testMaskRules(*w.store,
                      {rule("*", MaskAction::Redact, DetectorType::Email),
                       rule("url.query.token", MaskAction::Hash), rule("title", MaskAction::Truncate)},
                      &error);
    // keep is required for truncate: the invalid rule is refused with the reason.
    EXPECT_FALSE(impact);
    EXPECT_NE(error.find("keep"), std::string::npos) << error;

    MaskRule t = rule("title", MaskAction::Truncate);
    t.keep = 4;
    impact = testMaskRules(
        *w.store,
        {rule("*", MaskAction::Redact, DetectorType::Email), rule("url.query.token", MaskAction::Hash), t},
        &error);
    ASSERT_TRUE(impact) << error;
    EXPECT_EQ(impact->interactions, 40);
    EXPECT_EQ(impact->rules[0].interactionsAffected, 4);
    EXPECT_EQ(impact->rules[0].valuesChanged, 3); // one chain, one URL, one property object
    EXPECT_EQ(impact->rules[1].interactionsAffected, 2);
    EXPECT_EQ(impact->rules[2].interactionsAffected, 40);
    EXPECT_FALSE(impact->rules[0].examples.empty());
    for (const auto &r : impact->rules)
        for (const auto &e : r.examples) {
            EXPECT_EQ(e.before.find("zq7.unique"), std::string::npos) << e.before;
            EXPECT_EQ(e.before.find(kToken), std::string::npos) << e.before;
            EXPECT_EQ(e.after.find("zq7.unique"), std::string::npos) << e.after;
        }
    w.store->db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    EXPECT_EQ(test::readFile(w.path), before) << "test must not change the store";
}

TEST(MaskStore, AddListRemoveKeepHistory)
{
    Workspace w;
    MaskStore rules(*w.store);
    MaskRule r = rule("url.query.email", MaskAction::Hash, DetectorType::Email);
    auto added = rules.add(r, {"ana", "GDPR ticket 12", kT0});
    ASSERT_TRUE(added) << added.error;
    EXPECT_EQ(added.rule.version, 1);
    const auto dup = rules.add(r, {"bo", "", kT0 + 1});
    EXPECT_FALSE(dup);
    EXPECT_NE(dup.error.find("already does this"), std::string::npos) << dup.error;
    const auto invalid = rules.add(rule("nope", MaskAction::Redact), {"bo", "", kT0 + 1});
    EXPECT_FALSE(invalid);
    EXPECT_EQ(invalid.issues.front().field, "field");
    EXPECT_FALSE(rules.add(rule("title", MaskAction::Redact), {"", "", kT0 + 1})) << "an actor is required";

    auto listed = rules.list(false);
    ASSERT_TRUE(listed);
    ASSERT_EQ(listed->size(), 1u);
    EXPECT_TRUE(listed->front().sameContent(r));
    EXPECT_EQ(listed->front().createdBy, "ana");

    auto removed = rules.remove(added.rule.id, {"bo", "no longer collected", kT0 + 2});
    ASSERT_TRUE(removed) << removed.error;
    EXPECT_EQ(removed.rule.version, 2);
    EXPECT_FALSE(rules.remove(added.rule.id, {"bo", "", kT0 + 3}));
    EXPECT_FALSE(rules.remove(999, {"bo", "", kT0 + 3}));
    EXPECT_TRUE(rules.list(false)->empty());
    ASSERT_EQ(rules.list(true)->size(), 1u);
    EXPECT_FALSE(rules.list(true)->front().active);

    auto history = rules.history(added.rule.id);
    ASSERT_TRUE(history);
    ASSERT_EQ(history->size(), 2u);
    EXPECT_EQ((*history)[0].action, "add");
    EXPECT_EQ((*history)[0].reason, "GDPR ticket 12");
    EXPECT_FALSE((*history)[0].beforeJson);
    EXPECT_EQ((*history)[0].afterJson, maskRuleToJson(r));
    EXPECT_EQ((*history)[1].action, "remove");
    EXPECT_EQ((*history)[1].actor, "bo");
    EXPECT_EQ((*history)[1].beforeJson, maskRuleToJson(r));
    EXPECT_FALSE((*history)[1].afterJson);

    // A removed rule no longer runs at the door.
    std::string error;
    auto filter = buildImportFilter(*w.store, &error);
    ASSERT_TRUE(filter) << error;
    EXPECT_FALSE(*filter);
    ASSERT_TRUE(rules.add(rule("title", MaskAction::DropInteraction), {"ana", "", kT0 + 4}));
    filter = buildImportFilter(*w.store, &error);
    ASSERT_TRUE(filter && *filter) << error;
    model::CapturedEvent e = events().front();
    EXPECT_FALSE((*filter)(e));
}
