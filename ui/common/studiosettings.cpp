#include "ui/common/studiosettings.h"

#include "core/store/storepaths.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace hindsight::ui {

namespace {

namespace key {
const QString version = QStringLiteral("version");
const QString recent = QStringLiteral("workspaces/recent");
const QString last = QStringLiteral("workspaces/last");
const QString lastView = QStringLiteral("window/view");
const QString geometry = QStringLiteral("window/geometry");
const QString state = QStringLiteral("window/state");
const QString splitter = QStringLiteral("interactions/splitter");
const QString header = QStringLiteral("interactions/header");
QString layout(const QString &splitterName)
{
    return QStringLiteral("layout/") + splitterName;
}
} // namespace key

QString standardIniPath()
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    if (dir.isEmpty()) dir = QDir::homePath() + QStringLiteral("/.config");
    return dir + QStringLiteral("/hindsight/studio.ini");
}

QString normalizedPath(const QString &path)
{
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

} // namespace

StudioSettings::StudioSettings() : StudioSettings(standardIniPath()) {}

StudioSettings::StudioSettings(const QString &iniPath)
    : m_settings(std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
{
    migrate();
}

StudioSettings::~StudioSettings() = default;

QString StudioSettings::fileName() const
{
    return m_settings->fileName();
}

void StudioSettings::migrate()
{
    const int stored = m_settings->value(key::version, 0).toInt();
    if (stored == kVersion) return;
    if (stored > kVersion) return; // written by a newer studio: read what we understand, change nothing
    // Version 0 is a fresh file; there is nothing older to convert yet.
    m_settings->setValue(key::version, kVersion);
}

QStringList StudioSettings::recentWorkspaces() const
{
    QStringList list = m_settings->value(key::recent).toStringList();
    list.removeAll(QString());
    list.removeDuplicates();
    while (list.size() > kMaxRecentWorkspaces)
        list.removeLast();
    return list;
}

void StudioSettings::addRecentWorkspace(const QString &path)
{
    const QString clean = normalizedPath(path);
    QStringList list = recentWorkspaces();
    list.removeAll(clean);
    list.prepend(clean);
    while (list.size() > kMaxRecentWorkspaces)
        list.removeLast();
    m_settings->setValue(key::recent, list);
}

void StudioSettings::removeRecentWorkspace(const QString &path)
{
    QStringList list = recentWorkspaces();
    list.removeAll(normalizedPath(path));
    m_settings->setValue(key::recent, list);
}

void StudioSettings::clearRecentWorkspaces()
{
    m_settings->remove(key::recent);
}

QString StudioSettings::workspaceToOpen(const QString &given) const
{
    if (!given.isEmpty()) return given;
    const QString last = lastWorkspace();
    if (!last.isEmpty() && QFileInfo::exists(last)) return last;
    return QString::fromStdString(store::defaultStorePath());
}

QString StudioSettings::lastWorkspace() const
{
    return m_settings->value(key::last).toString();
}

void StudioSettings::setLastWorkspace(const QString &path)
{
    m_settings->setValue(key::last, normalizedPath(path));
}

StudioView StudioSettings::lastView() const
{
    return studioViewFromKey(m_settings->value(key::lastView).toString()).value_or(StudioView::Overview);
}

void StudioSettings::setLastView(StudioView view)
{
    m_settings->setValue(key::lastView, studioViewKey(view));
}

QByteArray StudioSettings::windowGeometry() const
{
    return m_settings->value(key::geometry).toByteArray();
}

void StudioSettings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings->setValue(key::geometry, geometry);
}

QByteArray StudioSettings::windowState() const
{
    return m_settings->value(key::state).toByteArray();
}

void StudioSettings::setWindowState(const QByteArray &state)
{
    m_settings->setValue(key::state, state);
}

QByteArray StudioSettings::interactionsSplitterState() const
{
    return m_settings->value(key::splitter).toByteArray();
}

void StudioSettings::setInteractionsSplitterState(const QByteArray &state)
{
    m_settings->setValue(key::splitter, state);
}

QByteArray StudioSettings::interactionsHeaderState() const
{
    return m_settings->value(key::header).toByteArray();
}

void StudioSettings::setInteractionsHeaderState(const QByteArray &state)
{
    m_settings->setValue(key::header, state);
}

QByteArray StudioSettings::splitterState(const QString &name) const
{
    return m_settings->value(key::layout(name)).toByteArray();
}

void StudioSettings::setSplitterState(const QString &name, const QByteArray &state)
{
    m_settings->setValue(key::layout(name), state);
}

void StudioSettings::sync()
{
    m_settings->sync();
}

} // namespace hindsight::ui
