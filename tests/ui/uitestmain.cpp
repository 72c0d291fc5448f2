// GoogleTest main for the GUI tests: the offscreen platform and test-mode standard paths are
// set before the QApplication exists, so the tests need no display and never touch the
// user's settings or workspaces.
#include <QApplication>
#include <QStandardPaths>
#include <csignal>
#include <gtest/gtest.h>

int main(int argc, char **argv)
{
    std::signal(SIGPIPE, SIG_IGN);
    qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("LC_ALL", "C.UTF-8");
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("hindsight-studio-tests"));
    QApplication::setOrganizationName(QStringLiteral("hindsight"));
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
