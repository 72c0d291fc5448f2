#include "core/naming/cataloglinter.h"

#include "core/naming/conventionpresets.h"
#include "core/naming/lintreportjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <gtest/gtest.h>

using namespace hindsight::naming;

namespace {

CatalogEntry entry(std::string name, std::string status = "draft")
{
    return CatalogEntry{std::move(name), "What it means", "growth@example.com", "Checkout",
                        std::move(status)};
}

std::vector<std::pair<std::string, std::string>> findings(const LintReport &report)
{
    std::vector<std::pair<std::string, std::string>> out;
    for (const LintFinding &finding : report.violations)
        out.emplace_back(finding.definition, std::string(ruleId(finding.rule)));
    return out;
}

} // namespace

TEST(CatalogLinter, CatalogRules)
{
    const CatalogLinter linter(*conventionPreset("segment"));
    std::vector<CatalogEntry> entries{entry("Order Completed"), entry("Checkout Started"),
                                      entry("Product Viewed"), entry("Coupon Applied")};
    entries[1].description = "  ";
    entries[2].owner.clear();
    entries[3].category.clear();
    const LintReport report = linter.lint(entries);
    EXPECT_EQ(findings(report),
              (std::vector<std::pair<std::string, std::string>>{{"Checkout Started", "missing-description"},
                                                                {"Product Viewed", "missing-owner"},
                                                                {"Coupon Applied", "missing-category"}}));
    EXPECT_FALSE(report.clean());

    CatalogRules relaxed;
    relaxed.requireDescription = relaxed.requireOwner = relaxed.requireCategory = false;
    EXPECT_TRUE(CatalogLinter(*conventionPreset("segment"), relaxed).lint(entries).clean());
}

TEST(CatalogLinter, VerifiedDefinitionsThatBreakTheConvention)
{
    const CatalogLinter linter(*conventionPreset("segment"));
    const LintReport report =
        linter.lint({entry("order_completed", "verified"), entry("Checkout Started", "verified")});
    ASSERT_EQ(report.violations.size(), 2u);
    EXPECT_EQ(report.violations[0].rule, Rule::Casing);
    EXPECT_EQ(report.violations[1].rule, Rule::VerifiedBreaksConvention);
    EXPECT_EQ(report.violations[1].definition, "order_completed");
    EXPECT_EQ(report.violations[1].suggestion, "Order Completed");
    EXPECT_NE(report.violations[1].message.find("casing"), std::string::npos);
}

TEST(CatalogLinter, DeprecatedAndArchivedAreLeftOut)
{
    const CatalogLinter linter(*conventionPreset("segment"));
    const LintReport report = linter.lint({entry("Order Completed"), entry("order_completed", "deprecated"),
                                           entry("ORDER COMPLETED", "archived"), entry("Cart Viewed")});
    EXPECT_TRUE(report.clean()) << report.violations.size() << " " << report.duplicates.size();
}

TEST(CatalogLinter, DuplicatesPointBackIntoTheCatalog)
{
    const CatalogLinter linter(*conventionPreset("segment"));
    const LintReport report = linter.lint({entry("Cart Viewed", "archived"), entry("Email Updated"),
                                           entry("Order Completed"), entry("Updated Email")});
    ASSERT_EQ(report.duplicates.size(), 1u);
    EXPECT_EQ(report.duplicates[0].members, (std::vector<std::size_t>{1, 3}));
    EXPECT_EQ(report.duplicates[0].names, (std::vector<std::string>{"Email Updated", "Updated Email"}));
}

TEST(CatalogLinter, JsonForTheCommandLine)
{
    const CatalogLinter linter(*conventionPreset("segment"));
    std::vector<CatalogEntry> entries{entry("Clicked Button"), entry("Button Clicked"), entry("Checkout")};
    entries[2].owner.clear();
    const QJsonObject json = lintReportToJson(linter.lint(entries));
    const QJsonArray violations = json.value("violations").toArray();
    ASSERT_EQ(violations.size(), 3);
    const QJsonObject first = violations.at(0).toObject();
    EXPECT_EQ(first.value("definition").toString(), "Clicked Button");
    EXPECT_EQ(first.value("rule").toString(), "word-order");
    EXPECT_FALSE(first.value("message").toString().isEmpty());
    EXPECT_EQ(first.value("suggestion").toString(), "Button Clicked");
    for (const auto &value : violations) {
        EXPECT_TRUE(value.toObject().contains("suggestion"));
        if (value.toObject().value("definition").toString() == "Checkout") {
            EXPECT_TRUE(value.toObject().value("suggestion").isNull());
        }
    }
    const QJsonArray duplicates = json.value("duplicates").toArray();
    ASSERT_EQ(duplicates.size(), 1);
    const QJsonObject group = duplicates.at(0).toObject();
    EXPECT_EQ(group.value("kind").toString(), "name");
    EXPECT_EQ(group.value("rule").toString(), "word-order");
    EXPECT_EQ(group.value("names").toArray().size(), 2);
    EXPECT_TRUE(group.value("overlap").isNull());
    EXPECT_FALSE(group.value("reason").toString().isEmpty());

    const std::string text = lintReportToJsonText(linter.lint(entries), false);
    EXPECT_EQ(text.find('\n'), std::string::npos);
    EXPECT_TRUE(QJsonDocument::fromJson(QByteArray::fromStdString(text)).isObject());
}
