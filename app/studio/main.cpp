// `hindsight-studio`: the desktop studio. Parses the command line, checks for a display, and
// opens the main window (or takes one screenshot of it).
#include "core/model/version.h"
#include "core/store/storepaths.h"
#include "ui/common/studiooptions.h"
#include "ui/common/studiosettings.h"
#include "ui/window/mainwindow.h"
#include "ui/window/screenshotrunner.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QRegularExpression>
#include <csignal>
#include <iostream>

namespace {

constexpr int kUsage = 2;

bool hasDisplay()
{
    return !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") || !qEnvironmentVariableIsEmpty("DISPLAY") ||
           !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
}

/// `path` as one shell word.
std::string shellWord(const QString &path)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_./:@%+=,-]+$"));
    if (plain.match(path).hasMatch()) return path.toStdString();
    QString quoted = path;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return "'" + quoted.toStdString() + "'";
}

} // namespace

int main(int argc, char **argv)
{
    std::signal(SIGPIPE, SIG_IGN);
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Hindsight Studio: see and govern the autocaptured interactions in a workspace."));
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")},
                                        QStringLiteral("Show this help."));
    const QCommandLineOption versionOption(QStringLiteral("version"), QStringLiteral("Show the version."));
    const QCommandLineOption storeOption(
        QStringLiteral("store"),
        QStringLiteral("The workspace store to open (default: the last one used, "
                       "else ") +
            QString::fromStdString(hindsight::store::defaultStorePath()) + QStringLiteral(")."),
        QStringLiteral("PATH"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QStringLiteral("Write a PNG of the window to OUT once the workspace has loaded, then exit."),
        QStringLiteral("OUT"));
    const QCommandLineOption viewOption(
        QStringLiteral("view"),
        QStringLiteral("With --screenshot: the view or scene to show (") +
            hindsight::ui::ScreenshotRunner::scenes().join(QStringLiteral(", ")) +
            QStringLiteral("; default overview)."),
        QStringLiteral("VIEW"), QStringLiteral("overview"));
    const QCommandLineOption sizeOption(
        QStringLiteral("size"), QStringLiteral("With --screenshot: the window size (default 1400x900)."),
        QStringLiteral("WxH"), QStringLiteral("1400x900"));
    parser.addOptions({helpOption, versionOption, storeOption, screenshotOption, viewOption, sizeOption});
    if (!parser.parse(arguments)) {
        std::cerr << "hindsight-studio: " << parser.errorText().toStdString() << " (see --help)\n";
        return kUsage;
    }
    if (parser.isSet(helpOption)) {
        std::cout << parser.helpText().toStdString();
        return 0;
    }
    if (parser.isSet(versionOption)) {
        std::cout << "hindsight-studio " << hindsight::kVersion << "\n";
        return 0;
    }
    if (!parser.positionalArguments().isEmpty()) {
        std::cerr << "hindsight-studio: unexpected argument '"
                  << parser.positionalArguments().front().toStdString() << "' (see --help)\n";
        return kUsage;
    }
    if (parser.isSet(storeOption) && parser.value(storeOption).isEmpty()) {
        std::cerr << "hindsight-studio: option '--store' needs a path\n";
        return kUsage;
    }

    hindsight::ui::StudioOptions options;
    options.storePath = parser.value(storeOption);
    const bool screenshot = parser.isSet(screenshotOption);
    QSize screenshotSize(1400, 900);
    if (screenshot) {
        const auto view = hindsight::ui::ScreenshotRunner::viewOf(parser.value(viewOption));
        if (!view) {
            std::cerr << "hindsight-studio: unknown view '" << parser.value(viewOption).toStdString() << "' ("
                      << hindsight::ui::ScreenshotRunner::scenes().join(QStringLiteral(", ")).toStdString()
                      << ")\n";
            return kUsage;
        }
        static const QRegularExpression sizePattern(QStringLiteral("^(\\d{3,5})x(\\d{3,5})$"));
        const auto match = sizePattern.match(parser.value(sizeOption));
        if (!match.hasMatch()) {
            std::cerr << "hindsight-studio: --size wants WIDTHxHEIGHT, for example 1400x900\n";
            return kUsage;
        }
        screenshotSize = QSize(match.captured(1).toInt(), match.captured(2).toInt());
        options.initialView = *view;
        options.persistSettings = false;
    } else if (parser.isSet(viewOption) || parser.isSet(sizeOption)) {
        std::cerr << "hindsight-studio: --view and --size go with --screenshot\n";
        return kUsage;
    }

    // Checked before the QApplication exists: without a display it would abort.
    if (!hasDisplay()) {
        if (screenshot) {
            qputenv("QT_QPA_PLATFORM", "offscreen");
        } else {
            const QString path = hindsight::ui::StudioSettings().workspaceToOpen(options.storePath);
            std::cerr
                << "hindsight-studio: no display found. The command-line equivalent is: hindsight --store "
                << shellWord(QDir::toNativeSeparators(path)) << " stats\n";
            return 1;
        }
    }

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("hindsight-studio"));
    QApplication::setOrganizationName(QStringLiteral("hindsight"));
    QApplication::setApplicationDisplayName(QStringLiteral("Hindsight Studio"));
    QApplication::setApplicationVersion(QString::fromLatin1(hindsight::kVersion));
    QGuiApplication::setDesktopFileName(QStringLiteral("dev.hindsight.Studio"));

    hindsight::ui::MainWindow window(options);
    if (!screenshot) {
        window.show();
        return QApplication::exec();
    }

    window.resize(screenshotSize);
    window.show();
    const QString output = parser.value(screenshotOption);
    hindsight::ui::ScreenshotRunner runner(&window, output, parser.value(viewOption));
    int exitCode = 0;
    QObject::connect(&runner, &hindsight::ui::ScreenshotRunner::finished, &app, [&](int code) {
        exitCode = code;
        if (code != 0)
            std::cerr << "hindsight-studio: screenshot failed: " << runner.error().toStdString() << "\n";
        QApplication::exit(code);
    });
    runner.start();
    QApplication::exec();
    return exitCode;
}
