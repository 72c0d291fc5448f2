#include "ui/common/studiosettings.h"

#include "core/store/storepaths.h"
#include "tests/support/tempdir.h"
#include "tests/ui/uitesthelpers.h"

#include <QDir>
#include <QFileInfo>
#include <gtest/gtest.h>

using namespace hindsight;
using ui::StudioSettings;

TEST(StudioSettings, DefaultsAndPersistence)
{
    test::TempDir dir;
    const QString ini = QString::fromStdString(dir.file("studio.ini"));
    {
        StudioSettings settings(ini);
        EXPECT_TRUE(settings.recentWorkspaces().isEmpty());
        EXPECT_EQ(settings.lastView(), ui::StudioView::Overview);
        EXPECT_TRUE(settings.windowGeometry().isEmpty());
        settings.setLastView(ui::StudioView::Interactions);
        settings.setWindowGeometry(QByteArray("geometry"));
        settings.addRecentWorkspace(QStringLiteral("/tmp/a.hindsight"));
    }
    StudioSettings again(ini);
    EXPECT_EQ(again.lastView(), ui::StudioView::Interactions);
    EXPECT_EQ(again.windowGeometry(), QByteArray("geometry"));
    EXPECT_EQ(again.recentWorkspaces(), QStringList{QStringLiteral("/tmp/a.hindsight")});
}

TEST(StudioSettings, RecentWorkspacesAreMostRecentFirstWithoutDuplicates)
{
    test::TempDir dir;
    StudioSettings settings(QString::fromStdString(dir.file("studio.ini")));
    for (int i = 0; i < 12; ++i)
        settings.addRecentWorkspace(QStringLiteral("/w/%1.hindsight").arg(i));
    settings.addRecentWorkspace(QStringLiteral("/w/./9.hindsight")); // the same file, written differently
    const QStringList recent = settings.recentWorkspaces();
    ASSERT_EQ(recent.size(), StudioSettings::kMaxRecentWorkspaces);
    EXPECT_EQ(recent.front(), QStringLiteral("/w/9.hindsight"));
    EXPECT_EQ(recent.count(QStringLiteral("/w/9.hindsight")), 1);
    EXPECT_EQ(recent.at(1), QStringLiteral("/w/11.hindsight"));
    settings.removeRecentWorkspace(QStringLiteral("/w/11.hindsight"));
    EXPECT_FALSE(settings.recentWorkspaces().contains(QStringLiteral("/w/11.hindsight")));
    settings.clearRecentWorkspaces();
    EXPECT_TRUE(settings.recentWorkspaces().isEmpty());
}

TEST(StudioSettings, ChoosesTheWorkspaceToOpen)
{
    test::TempDir dir;
    StudioSettings settings(QString::fromStdString(dir.file("studio.ini")));
    const QString fallback = QString::fromStdString(store::defaultStorePath());
    EXPECT_EQ(settings.workspaceToOpen({}), fallback);
    EXPECT_EQ(settings.workspaceToOpen(QStringLiteral("/given.hindsight")),
              QStringLiteral("/given.hindsight"));
    const QString existing = QString::fromStdString(dir.write("last.hindsight", "x"));
    settings.setLastWorkspace(existing);
    EXPECT_EQ(settings.workspaceToOpen({}), existing);
    settings.setLastWorkspace(QString::fromStdString(dir.file("gone.hindsight")));
    EXPECT_EQ(settings.workspaceToOpen({}), fallback) << "a last workspace that is gone is not reopened";
}

TEST(StudioSettings, StandardLocationIsKeptAwayFromTheUsersFilesInTests)
{
    StudioSettings settings;
    EXPECT_TRUE(settings.fileName().contains(QStringLiteral(".qttest"))) << settings.fileName().toStdString();
}
