#include "core/naming/duplicatefinder.h"

#include "core/naming/conventionpresets.h"
#include "core/naming/editdistance.h"
#include "core/naming/namelinter.h"
#include "core/naming/unicodetext.h"

#include <gtest/gtest.h>
#include <random>
#include <set>

using namespace hindsight::naming;
using Names = std::vector<std::string>;

namespace {

const NameLinter &linter()
{
    static const NameLinter segment(*conventionPreset("segment"));
    return segment;
}

std::vector<DuplicateGroup> find(const Names &names)
{
    return DuplicateFinder(linter()).find(names);
}

/// The groups as (rule id, names) for readable failures.
std::vector<std::pair<std::string, Names>> summary(const std::vector<DuplicateGroup> &groups)
{
    std::vector<std::pair<std::string, Names>> out;
    for (const DuplicateGroup &group : groups)
        out.emplace_back(std::string(duplicateRuleId(group.rule)), group.names);
    return out;
}

} // namespace

TEST(DuplicateFinder, SameNameAfterFolding)
{
    const auto groups = find({"Sign Up Clicked", "Order Completed", "sign_up_clicked", "signUpClicked",
                              "Signup Clicked", "SIGN-UP CLICKED"});
    ASSERT_EQ(groups.size(), 1u);
    EXPECT_EQ(groups[0].rule, DuplicateRule::SameName);
    EXPECT_EQ(groups[0].members, (std::vector<std::size_t>{0, 2, 3, 4, 5}));
    EXPECT_EQ(groups[0].reason, "the same name after folding case and separators");

    const auto twice = find({"Order Completed", "Order Completed"});
    ASSERT_EQ(twice.size(), 1u);
    EXPECT_EQ(twice[0].reason, "the same name more than once");
}

TEST(DuplicateFinder, SameWordsInAnotherOrder)
{
    const auto groups =
        find({"Email Updated", "Updated Email", "UPDATE_EMAIL", "EMAIL_UPDATE", "Email Opened"});
    const auto got = summary(groups);
    ASSERT_EQ(groups.size(), 3u) << ::testing::PrintToString(got);
    EXPECT_EQ(got[0], (std::pair<std::string, Names>{"word-order", {"Email Updated", "Updated Email"}}));
    EXPECT_EQ(got[1], (std::pair<std::string, Names>{"word-order", {"UPDATE_EMAIL", "EMAIL_UPDATE"}}));
    // Both spellings of the verb are the same action.
    EXPECT_EQ(got[2].first, "verb-form");
    EXPECT_EQ(got[2].second.size(), 4u);
}

TEST(DuplicateFinder, VerbFormsAndSynonyms)
{
    const auto got = summary(find({"Click Button", "Button Clicked", "Button Tapped", "Press Button",
                                   "Form Submitted", "Form Sent", "Form Viewed", "Logged In", "Signed In"}));
    ASSERT_EQ(got.size(), 4u) << ::testing::PrintToString(got);
    EXPECT_EQ(got[0], (std::pair<std::string, Names>{"verb-form", {"Click Button", "Button Clicked"}}));
    EXPECT_EQ(got[1], (std::pair<std::string, Names>{
                          "synonym", {"Click Button", "Button Clicked", "Button Tapped", "Press Button"}}));
    EXPECT_EQ(got[2], (std::pair<std::string, Names>{"synonym", {"Form Submitted", "Form Sent"}}));
    EXPECT_EQ(got[3], (std::pair<std::string, Names>{"synonym", {"Logged In", "Signed In"}}));
    const auto groups = find({"Button Clicked", "Button Tapped"});
    ASSERT_EQ(groups.size(), 1u);
    EXPECT_EQ(groups[0].reason, "synonym verbs (click, tap)");
}

TEST(DuplicateFinder, TyposByEditDistance)
{
    const auto groups =
        find({"Checkout Started", "Chekout Started", "Checkuot Started", "Order Completed", "Ordr Complted",
              "Step 1 Viewed", "Step 2 Viewed", "Cart Viewed", "Card Viewed", "Tab Seen", "Tag Seen"});
    const auto got = summary(groups);
    ASSERT_EQ(got.size(), 3u) << ::testing::PrintToString(got);
    EXPECT_EQ(got[0], (std::pair<std::string, Names>{
                          "edit-distance", {"Checkout Started", "Chekout Started", "Checkuot Started"}}));
    EXPECT_EQ(got[1], (std::pair<std::string, Names>{"edit-distance", {"Order Completed", "Ordr Complted"}}));
    EXPECT_EQ(got[2], (std::pair<std::string, Names>{"edit-distance", {"Cart Viewed", "Card Viewed"}}));
    EXPECT_NE(groups[1].reason.find("two letters apart"), std::string::npos) << groups[1].reason;
    // Different numbers are different steps; names shorter than 8 letters are never compared.
}

TEST(DuplicateFinder, NothingForUnrelatedNames)
{
    EXPECT_TRUE(
        find({"Order Completed", "Product Viewed", "Checkout Started", "Signed Up", "", "🎉"}).empty());
    DuplicateOptions noEdits;
    noEdits.editDistance = false;
    EXPECT_TRUE(DuplicateFinder(linter(), noEdits).find({"Checkout Started", "Chekout Started"}).empty());
}

// The blocking scheme must never lose a pair: compare with checking every pair.
TEST(DuplicateFinder, EditDistanceBlockingMissesNothing)
{
    std::mt19937 rng(3);
    const std::vector<std::string> words{"order",   "checkout",  "product", "cart",   "payment", "coupon",
                                         "started", "completed", "viewed",  "opened", "added",   "sent"};
    Names names;
    for (int i = 0; i < 1000; ++i) {
        std::string name = words[rng() % words.size()] + " " + words[rng() % words.size()];
        // One or two random slips (swap, drop, change, add) in most names.
        for (unsigned slip = rng() % 3; slip > 0 && name.size() > 3; --slip) {
            const std::size_t at = 1 + rng() % (name.size() - 2);
            switch (rng() % 4) {
            case 0:
                std::swap(name[at], name[at + 1]);
                break;
            case 1:
                name.erase(at, 1);
                break;
            case 2:
                name[at] = static_cast<char>('a' + rng() % 26);
                break;
            default:
                name.insert(at, 1, static_cast<char>('a' + rng() % 26));
                break;
            }
        }
        names.push_back(name);
    }
    const DuplicateFinder finder(linter());
    const auto groups = finder.find(names);
    // Which names ended up together, by any rule.
    std::vector<std::size_t> root(names.size());
    for (std::size_t i = 0; i < names.size(); ++i)
        root[i] = i;
    const auto findRoot = [&](std::size_t x) {
        while (root[x] != x)
            x = root[x] = root[root[x]];
        return x;
    };
    for (const DuplicateGroup &group : groups) {
        for (std::size_t member : group.members)
            root[findRoot(member)] = findRoot(group.members.front());
    }
    const DuplicateOptions options;
    std::size_t pairs = 0;
    std::vector<std::u32string> folded;
    for (const std::string &name : names)
        folded.push_back(text::toCodePoints(finder.fold(name)));
    for (std::size_t i = 0; i < names.size(); ++i) {
        const std::u32string &a = folded[i];
        for (std::size_t j = i + 1; j < names.size(); ++j) {
            const std::u32string &b = folded[j];
            if (a.size() < options.minEditLength || b.size() < options.minEditLength) continue;
            const std::size_t limit = std::min(a.size(), b.size()) < options.oneEditBelow ? 1 : 2;
            if (a != b && boundedEditDistance(a, b, limit) <= limit) {
                ++pairs;
                EXPECT_EQ(findRoot(i), findRoot(j)) << names[i] << " / " << names[j];
            }
        }
    }
    EXPECT_GT(pairs, 100u); // the test data really has near misses
}
