// GoogleTest main for the core and command-line test executables: creates the Qt
// application object first and keeps tests away from the user's own files.
// (GUI tests have their own main in tests/ui.)
#include <QCoreApplication>
#include <QStandardPaths>
#include <csignal>
#include <gtest/gtest.h>

int main(int argc, char **argv)
{
    std::signal(SIGPIPE, SIG_IGN);
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
