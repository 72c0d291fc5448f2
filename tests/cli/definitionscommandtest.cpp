// `hindsight define`, `definitions`, `count` and `matches`, run as real child processes on a
// store filled by `hindsight import`.
#include "tests/support/tempdir.h"
#include "tests/support/testpaths.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <gtest/gtest.h>

using namespace hindsight;

namespace {

test::ProcessResult cli(const std::string &store, const std::vector<std::string> &args,
                        std::string_view input = {})
{
    std::vector<std::string> argv{test::kCliPath, "--store", store};
    argv.insert(argv.end(), args.begin(), args.end());
    return test::runProcess(argv, input);
}

QJsonObject json(const test::ProcessResult &r)
{
    QJsonParseError error;
    const auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(r.out), &error);
    EXPECT_EQ(error.error, QJsonParseError::NoError) << r.out;
    return doc.object();
}

std::string click(int n, const std::string &time, const std::string &person, const std::string &url,
                  const std::string &chain)
{
    return R"({"uuid":"00000000-0000-4000-8000-)" + std::string(12 - std::to_string(n).size(), '0') +
           std::to_string(n) + R"(","event":"$autocapture","distinct_id":")" + person + R"(","timestamp":")" +
           time + R"(","properties":{"$event_type":"click","$session_id":"s-)" + person +
           R"(","$current_url":")" + url + R"(","$elements_chain":")" + chain + R"("}})" + "\n";
}

const std::string kBuy =
    R"(span.label:nth-child=\"1\"nth-of-type=\"1\"text=\"Buy now\";button.btn.buy:attr__id=\"buy\"attr_id=\"buy\"nth-child=\"2\"nth-of-type=\"1\"text=\"Buy now\";form:attr__id=\"order\"attr_id=\"order\";body)";
const std::string kBtnPrimary =
    R"(button.btn-primary:nth-child=\"1\"nth-of-type=\"1\"text=\"Subscribe\";div.footer;body)";

/// A store with 6 clicks on the buy button (3 people, one of them on two days, Berlin DST
/// boundary included) and 2 on a btn-primary button that a regex-approximating matcher would
/// confuse with `.btn`.
std::string makeStore(const test::TempDir &dir)
{
    std::string events;
    events += click(1, "2026-03-28T22:30:00Z", "alice", "https://shop.example/products/7", kBuy);
    events += click(2, "2026-03-29T08:00:00Z", "alice", "https://shop.example/products/8", kBuy);
    events += click(3, "2026-03-29T09:00:00Z", "bob", "https://shop.example/products/8", kBuy);
    events += click(4, "2026-03-30T10:00:00Z", "carol", "https://shop.example/cart", kBuy);
    events += click(5, "2026-03-30T11:00:00Z", "carol", "https://shop.example/products/9", kBuy);
    events += click(6, "2026-03-31T12:00:00Z", "bob", "https://shop.example/products/7", kBuy);
    events += click(7, "2026-03-31T12:30:00Z", "bob", "https://shop.example/", kBtnPrimary);
    events += click(8, "2026-03-31T13:30:00Z", "dave", "https://shop.example/", kBtnPrimary);
    const std::string store = dir.file("w.hindsight");
    const auto r =
        test::runProcess({test::kCliPath, "--store", store, "import", dir.write("e.ndjson", events)});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    return store;
}

TEST(DefineCommand, SavesAndAnswersRetroactively)
{
    test::TempDir dir;
    const std::string store = makeStore(dir);
    auto r = cli(store, {"define", "--name", "Checkout - Click Buy", "--event", "click", "--selector",
                         "button.btn", "--text", "Buy", "--text-match", "contains", "--url", "*/products/*",
                         "--url-match", "wildcard", "--category", "Checkout", "--tag", "funnel"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("Saved 'Checkout - Click Buy' (version 1, draft)"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("5 interactions, 3 people"), std::string::npos) << r.out;

    r = cli(store, {"count", "checkout - click buy", "--json", "--by", "day"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    QJsonObject o = json(r);
    EXPECT_EQ(o["total"].toInt(), 5);
    EXPECT_EQ(o["people"].toInt(), 3);
    EXPECT_EQ(o["sessions"].toInt(), 3);
    const QJsonArray series = o["series"].toArray();
    ASSERT_EQ(series.size(), 4); // 28th to 31st March, zero-filled
    EXPECT_EQ(series[0].toObject()["start"].toString(), "2026-03-28T00:00:00.000Z");
    EXPECT_EQ(series[0].toObject()["count"].toInt(), 1);
    EXPECT_EQ(series[1].toObject()["count"].toInt(), 2);
    EXPECT_EQ(series[2].toObject()["count"].toInt(), 1);
    EXPECT_EQ(series[3].toObject()["count"].toInt(), 1);

    // In Berlin the click at 22:30 UTC on the 28th belongs to the 28th (23:30 CET); the DST
    // change that night makes the 29th a 23-hour day that starts at 23:00 UTC on the 28th.
    r = cli(store, {"count", "Checkout - Click Buy", "--json", "--tz", "Europe/Berlin", "--from",
                    "2026-03-29", "--to", "2026-03-31"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    o = json(r);
    EXPECT_EQ(o["total"].toInt(), 3);
    ASSERT_EQ(o["series"].toArray().size(), 2);
    EXPECT_EQ(o["series"].toArray()[0].toObject()["start"].toString(), "2026-03-28T23:00:00.000Z");
    EXPECT_EQ(o["series"].toArray()[1].toObject()["start"].toString(), "2026-03-29T22:00:00.000Z");

    // Breakdown by page path.
    r = cli(store, {"count", "Checkout - Click Buy", "--json", "--breakdown", "path"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const QJsonArray rows = json(r)["breakdown"].toArray();
    ASSERT_EQ(rows.size(), 3);
    EXPECT_EQ(rows[0].toObject()["value"].toString(), "/products/7");
    EXPECT_EQ(rows[0].toObject()["count"].toInt(), 2);

    // The matches themselves, newest first.
    r = cli(store, {"matches", "Checkout - Click Buy", "--json", "--limit", "2"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    o = json(r);
    EXPECT_EQ(o["total"].toInt(), 5);
    const QJsonArray list = o["interactions"].toArray();
    ASSERT_EQ(list.size(), 2);
    EXPECT_EQ(list[0].toObject()["uuid"].toString(), "00000000-0000-4000-8000-000000000006");
    EXPECT_EQ(list[1].toObject()["uuid"].toString(), "00000000-0000-4000-8000-000000000005");
    EXPECT_EQ(list[0].toObject()["person"].toString(), "bob");
}

TEST(CountCommand, AnswersAnUnsavedDraftWithCssSemantics)
{
    test::TempDir dir;
    const std::string store = makeStore(dir);
    // `.btn` is a whole class word: the btn-primary button is not a `.btn`.
    auto r = cli(store, {"count", "--event", "click", "--selector", ".btn", "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(json(r)["total"].toInt(), 6);
    // Child against descendant: the button is a child of the form, the span is not.
    r = cli(store, {"count", "--selector", "form > span", "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(json(r)["total"].toInt(), 0);
    r = cli(store, {"count", "--selector", "form span", "--json"});
    EXPECT_EQ(json(r)["total"].toInt(), 6);
    // Nothing was saved by answering drafts.
    r = cli(store, {"definitions", "list", "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(QJsonDocument::fromJson(QByteArray::fromStdString(r.out)).array().size(), 0);
}

TEST(DefineCommand, RefusesInvalidCriteriaWithThePosition)
{
    test::TempDir dir;
    const std::string store = makeStore(dir);
    auto r = cli(store, {"define", "--name", "Broken", "--selector", "button[data-x=", "--event", "click"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("steps[0].selector"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("position"), std::string::npos) << r.err;
    r = cli(store, {"define", "--name", "Broken", "--text", "(", "--text-match", "regex"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("steps[0].text"), std::string::npos) << r.err;
    r = cli(store, {"define", "--name", "Broken", "--property", "plan", "equals"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("--property"), std::string::npos) << r.err;
    r = cli(store, {"definitions", "list", "--json"});
    EXPECT_EQ(QJsonDocument::fromJson(QByteArray::fromStdString(r.out)).array().size(), 0) << "nothing saved";

    ASSERT_EQ(
        cli(store, {"define", "--name", "Plan Set", "--property", "plan", "is_set", "--no-count"}).exitCode,
        0);
    r = cli(store, {"define", "--name", "plan set", "--event", "click"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("already exists"), std::string::npos) << r.err;
}

TEST(DefinitionsCommand, RenameHistoryRestoreAndAliases)
{
    test::TempDir dir;
    const std::string store = makeStore(dir);
    ASSERT_EQ(cli(store, {"define", "--name", "Buy Click", "--selector", "#buy", "--no-count"}).exitCode, 0);
    auto r = cli(store, {"define", "--name", "Buy Click", "--update", "--selector", "#buy", "--url", "/cart",
                         "--url-scope", "path", "--reason", "only the cart page", "--no-count"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(json(cli(store, {"count", "Buy Click", "--json"}))["total"].toInt(), 1);

    r = cli(store,
            {"definitions", "rename", "Buy Click", "Checkout - Click Buy", "--reason", "naming convention"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    // The old name keeps resolving.
    EXPECT_EQ(json(cli(store, {"count", "buy click", "--json"}))["total"].toInt(), 1);

    r = cli(store, {"definitions", "restore", "Checkout - Click Buy", "1"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(json(cli(store, {"count", "Checkout - Click Buy", "--json"}))["total"].toInt(), 6);

    r = cli(store, {"definitions", "history", "Checkout - Click Buy", "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const QJsonArray history = QJsonDocument::fromJson(QByteArray::fromStdString(r.out)).array();
    ASSERT_EQ(history.size(), 4);
    EXPECT_EQ(history[0].toObject()["action"].toString(), "create");
    EXPECT_TRUE(history[0].toObject()["before"].isNull());
    EXPECT_EQ(history[1].toObject()["reason"].toString(), "only the cart page");
    EXPECT_EQ(history[2].toObject()["action"].toString(), "rename");
    EXPECT_EQ(history[2].toObject()["before"].toObject()["name"].toString(), "Buy Click");
    EXPECT_EQ(history[3].toObject()["action"].toString(), "restore");

    r = cli(store, {"definitions", "verify", "Checkout - Click Buy"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    r = cli(store, {"definitions", "show", "Checkout - Click Buy"});
    EXPECT_NE(r.out.find("[verified]"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("'Buy Click'"), std::string::npos) << r.out;
}

TEST(DefinitionsCommand, ExportImportRoundTripAndAllOrNothing)
{
    test::TempDir dir;
    const std::string store = makeStore(dir);
    ASSERT_EQ(cli(store, {"define", "--name", "B", "--selector", "#buy", "--no-count"}).exitCode, 0);
    ASSERT_EQ(cli(store, {"define", "--name", "A", "--event", "click", "--text", "Subscribe", "--no-count"})
                  .exitCode,
              0);
    const std::string file = dir.file("defs.json");
    auto r = cli(store, {"definitions", "export", "--output", file});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const std::string exported = test::readFile(file);
    EXPECT_LT(exported.find("\"name\": \"A\""), exported.find("\"name\": \"B\"")) << "sorted by name";

    // Into a second workspace: both added; again: both unchanged; the export is byte-stable.
    test::TempDir other;
    const std::string store2 = makeStore(other);
    // A dry run reports and changes nothing.
    r = cli(store2, {"definitions", "import", file, "--dry-run"});
    EXPECT_EQ(r.exitCode, 1) << r.err;
    EXPECT_NE(r.out.find("Would add      2"), std::string::npos) << r.out;
    r = cli(store2, {"definitions", "list", "--json"});
    EXPECT_EQ(QJsonDocument::fromJson(QByteArray::fromStdString(r.out)).array().size(), 0) << r.out;

    r = cli(store2, {"definitions", "import", file});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("Added      2"), std::string::npos) << r.out;
    r = cli(store2, {"definitions", "import", file});
    EXPECT_NE(r.out.find("Unchanged  2"), std::string::npos) << r.out;
    r = cli(store2, {"definitions", "export"});
    EXPECT_EQ(r.out, exported);

    // One bad definition refuses the whole file, naming the JSON path.
    std::string broken = exported;
    const auto at = broken.find("\"name\": \"A\"");
    ASSERT_NE(at, std::string::npos);
    broken.replace(at, 11, "\"name\": \"C\"");
    const auto match = broken.find("\"match\": \"exact\"");
    ASSERT_NE(match, std::string::npos) << broken;
    broken.replace(match, 16, "\"match\": \"fuzzy\"");
    r = cli(store2, {"definitions", "import", other.write("broken.json", broken)});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("definitions[0].steps[0].text.match"), std::string::npos) << r.err;
    r = cli(store2, {"definitions", "list", "--json"});
    EXPECT_EQ(QJsonDocument::fromJson(QByteArray::fromStdString(r.out)).array().size(), 2)
        << "C was not added";
}

} // namespace
