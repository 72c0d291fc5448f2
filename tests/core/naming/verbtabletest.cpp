#include "core/naming/verbtable.h"

#include <gtest/gtest.h>

using namespace hindsight::naming;

namespace {

const Verb &verb(std::string_view base)
{
    const auto index = VerbTable::builtin().find(base);
    EXPECT_TRUE(index) << base;
    static const Verb none{};
    return index ? VerbTable::builtin().verb(*index) : none;
}

std::optional<VerbMatch> match(std::vector<std::string> words, std::size_t pos = 0)
{
    return VerbTable::builtin().matchAt(words, pos);
}

} // namespace

TEST(VerbTable, PastParticiplesOfTheVerbsPeopleUse)
{
    const std::pair<const char *, const char *> expected[] = {
        {"submit", "submitted"},
        {"send", "sent"},
        {"buy", "bought"},
        {"log in", "logged in"},
        {"sign up", "signed up"},
        {"pay", "paid"},
        {"view", "viewed"},
        {"add", "added"},
        {"stop", "stopped"},
        {"apply", "applied"},
        {"write", "written"},
        {"choose", "chosen"},
        {"tap", "tapped"},
        {"play", "played"},
        {"copy", "copied"},
        {"save", "saved"},
        {"reset", "reset"},
        {"set up", "set up"},
        {"check out", "checked out"},
        {"cancel", "cancelled"},
        {"hide", "hidden"},
        {"open", "opened"},
        {"visit", "visited"},
        {"transfer", "transferred"},
        {"sync", "synced"},
        {"fix", "fixed"},
        {"show", "shown"},
        {"get", "got"},
    };
    for (const auto &[base, participle] : expected)
        EXPECT_EQ(verb(base).participle, participle) << base;
    EXPECT_EQ(verb("write").past, "wrote");
    EXPECT_EQ(verb("log in").gerund, "logging in");
    EXPECT_EQ(verb("stop").gerund, "stopping");
    EXPECT_EQ(verb("save").gerund, "saving");
}

TEST(VerbTable, RegularRules)
{
    EXPECT_EQ(VerbTable::regularPast("stop"), "stopped");
    EXPECT_EQ(VerbTable::regularPast("apply"), "applied");
    EXPECT_EQ(VerbTable::regularPast("play"), "played");
    EXPECT_EQ(VerbTable::regularPast("save"), "saved");
    EXPECT_EQ(VerbTable::regularPast("submit"), "submitted");
    EXPECT_EQ(VerbTable::regularPast("open"), "opened");
    EXPECT_EQ(VerbTable::regularPast("click"), "clicked");
    EXPECT_EQ(VerbTable::regularPast("zoom"), "zoomed");
    EXPECT_EQ(VerbTable::regularPast("frobnicate"), "frobnicated");
    EXPECT_EQ(VerbTable::regularGerund("tie"), "tying");
    EXPECT_EQ(VerbTable::regularGerund("see"), "seeing");
    EXPECT_EQ(VerbTable::thirdPerson("search"), "searches");
    EXPECT_EQ(VerbTable::thirdPerson("apply"), "applies");
    EXPECT_EQ(VerbTable::thirdPerson("log in"), "logs in");
}

TEST(VerbTable, MatchesEveryFormAndPhrasalVerbsFirst)
{
    auto found = match({"logged", "in", "today"});
    ASSERT_TRUE(found);
    EXPECT_EQ(found->words, 2u);
    EXPECT_EQ(VerbTable::builtin().verb(found->verb).base, "log in");
    EXPECT_TRUE(found->forms & ParticipleForm);

    found = match({"set"});
    ASSERT_TRUE(found);
    EXPECT_TRUE((found->forms & BaseForm) && (found->forms & ParticipleForm));

    found = match({"wrote"});
    ASSERT_TRUE(found);
    EXPECT_TRUE(found->forms & PastForm);
    EXPECT_FALSE(found->forms & ParticipleForm);

    found = match({"clicking"});
    ASSERT_TRUE(found);
    EXPECT_TRUE(found->forms & GerundForm);

    found = match({"completes"});
    ASSERT_TRUE(found);
    EXPECT_TRUE(found->forms & ThirdPersonForm);

    found = match({"signup"});
    ASSERT_TRUE(found);
    EXPECT_EQ(VerbTable::builtin().verb(found->verb).base, "sign up");
    EXPECT_TRUE(found->nounish);

    found = match({"order"});
    ASSERT_TRUE(found);
    EXPECT_TRUE(found->nounish);

    EXPECT_FALSE(match({"button"}));
    EXPECT_FALSE(match({"speed"}));
}

TEST(VerbTable, UnknownRegularParticiplesAreRecognisedButNotConjugated)
{
    const auto found = match({"frobnicated"});
    ASSERT_TRUE(found);
    EXPECT_EQ(found->verb, VerbTable::npos);
    EXPECT_TRUE(found->forms & ParticipleForm);
}

TEST(VerbTable, MatchEndingAt)
{
    const std::vector<std::string> words{"user", "signed", "up"};
    const auto found = VerbTable::builtin().matchEndingAt(words, 3);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->words, 2u);
    EXPECT_FALSE(VerbTable::builtin().matchEndingAt(words, 1));
}

TEST(VerbTable, Synonyms)
{
    const VerbTable &table = VerbTable::builtin();
    EXPECT_EQ(table.synonymHead(*table.find("tap")), "click");
    EXPECT_EQ(table.synonymHead(*table.find("press")), "click");
    EXPECT_EQ(table.synonymHead(*table.find("send")), "submit");
    EXPECT_EQ(table.synonymHead(*table.find("sign in")), "log in");
    EXPECT_EQ(table.synonymHead(*table.find("click")), "click");
    EXPECT_EQ(table.synonymHead(*table.find("view")), "view");
}

TEST(VerbTable, TaughtVerbs)
{
    VerbTable table = VerbTable::builtin();
    const std::size_t index = table.add(Verb{"frobnicate", {}, {}, {}, {}, false});
    EXPECT_EQ(table.verb(index).participle, "frobnicated");
    const auto found = table.matchAt(std::vector<std::string>{"frobnicating"}, 0);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->verb, index);
    // Replacing a verb's forms drops its old spellings.
    table.add(Verb{"frobnicate", "frobbed", "frobbed", {}, {}, false});
    EXPECT_EQ(table.matchAt(std::vector<std::string>{"frobbed"}, 0)->verb, index);
    EXPECT_NE(table.matchAt(std::vector<std::string>{"frobnicated"}, 0)->verb, index);
}
