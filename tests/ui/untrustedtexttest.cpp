#include "ui/common/untrustedtext.h"

#include "tests/ui/uitesthelpers.h"

#include <QLabel>
#include <QTextDocument>
#include <gtest/gtest.h>

using namespace hindsight::ui;

TEST(UntrustedText, BecomesOneSafeLine)
{
    EXPECT_EQ(untrusted::line(std::string_view("  Rent\n\tnow  ")), QStringLiteral("Rent now"));
    // A right-to-left override could make "exe.txt" read as "txt.exe"; it is shown, not obeyed.
    EXPECT_EQ(untrusted::line(QStringLiteral("a\u202Eb")), QStringLiteral("a\uFFFDb"));
    EXPECT_EQ(untrusted::line(std::string_view("bell\x07")), QStringLiteral("bell\uFFFD"));
    // Invalid UTF-8 does not break the line.
    EXPECT_EQ(untrusted::line(std::string_view("caf\xC3")), QStringLiteral("caf\uFFFD"));
}

TEST(UntrustedText, LongTextIsCut)
{
    const QString longText(500, QLatin1Char('x'));
    const QString shown = untrusted::line(longText, 10);
    EXPECT_EQ(shown, QString(10, QLatin1Char('x')) + QChar(0x2026));
}

TEST(UntrustedText, MarkupInATooltipIsShownLiterally)
{
    const QString tip = untrusted::toolTip(QStringLiteral("<b>bold</b> <a href=\"https://evil\">x</a>"));
    EXPECT_FALSE(tip.contains(QStringLiteral("<b>")));
    EXPECT_FALSE(tip.contains(QStringLiteral("<a ")));
    EXPECT_TRUE(tip.contains(QStringLiteral("&lt;b&gt;bold&lt;/b&gt;")));
    // Rendered as rich text, the tooltip's visible text is exactly the input.
    QLabel label;
    label.setTextFormat(Qt::RichText);
    label.setText(tip);
    QTextDocument doc;
    doc.setHtml(tip);
    EXPECT_EQ(doc.toPlainText(), QStringLiteral("<b>bold</b> <a href=\"https://evil\">x</a>"));
}
