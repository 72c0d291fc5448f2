// Runs the real hindsight-studio executable: its no-display message and its screenshot mode.
#include "tests/support/tempdir.h"
#include "tests/support/testpaths.h"
#include "tests/ui/uitesthelpers.h"

#include <QFileInfo>
#include <QImage>
#include <cstdlib>
#include <gtest/gtest.h>

using namespace hindsight;

namespace {

std::string studioPath()
{
    return QFileInfo(QString::fromLatin1(test::kCliPath)).absolutePath().toStdString() + "/hindsight-studio";
}

/// Unsets the display variables for the lifetime of the object.
class NoDisplay
{
  public:
    NoDisplay()
    {
        for (const char *name : kNames) {
            const char *value = std::getenv(name);
            m_saved.emplace_back(name, value ? std::optional<std::string>(value) : std::nullopt);
            ::unsetenv(name);
        }
    }
    ~NoDisplay()
    {
        for (const auto &[name, value] : m_saved) {
            if (value) ::setenv(name.c_str(), value->c_str(), 1);
        }
    }
    NoDisplay(const NoDisplay &) = delete;
    NoDisplay &operator=(const NoDisplay &) = delete;

  private:
    static constexpr const char *kNames[] = {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"};
    std::vector<std::pair<std::string, std::optional<std::string>>> m_saved;
};

} // namespace

TEST(StudioExecutable, WithoutADisplayPointsToTheCommandLine)
{
    if (!QFileInfo::exists(QString::fromStdString(studioPath())))
        GTEST_SKIP() << "hindsight-studio is not built";
    test::TempDir dir;
    const std::string store = dir.file("w.hindsight");
    NoDisplay noDisplay;
    const auto result = test::runProcess({studioPath(), "--store", store});
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_EQ(result.err,
              "hindsight-studio: no display found. The command-line equivalent is: hindsight --store " +
                  store + " stats\n");
}

TEST(StudioExecutable, ScreenshotModeWaitsForTheDataAndWritesAPng)
{
    if (!QFileInfo::exists(QString::fromStdString(studioPath())))
        GTEST_SKIP() << "hindsight-studio is not built";
    test::TempDir dir;
    const std::string store = dir.file("shot.hindsight");
    ASSERT_TRUE(test::writeInteractions(store, 40));
    const std::string out = dir.file("shot.png");
    NoDisplay noDisplay; // screenshot mode falls back to the offscreen platform
    const auto result = test::runProcess({studioPath(), "--store", store, "--screenshot", out, "--view",
                                          "interactions", "--size", "1000x700"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const QImage image(QString::fromStdString(out));
    ASSERT_FALSE(image.isNull());
    EXPECT_EQ(image.size(), QSize(1000, 700));
}

TEST(StudioExecutable, RejectsBadArgumentsWithAReason)
{
    if (!QFileInfo::exists(QString::fromStdString(studioPath())))
        GTEST_SKIP() << "hindsight-studio is not built";
    const auto result = test::runProcess({studioPath(), "--screenshot", "/tmp/x.png", "--view", "nowhere"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find("unknown view 'nowhere'"), std::string::npos) << result.err;
}
