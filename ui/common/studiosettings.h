#pragma once

#include "ui/common/studioview.h"

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <memory>

namespace hindsight::ui {

/// The studio's remembered state, typed, with defaults in one place. Stored as an INI file in
/// the user's configuration folder (QStandardPaths::AppConfigLocation), which test mode
/// redirects away from the user's files. A settings file written by an older version is
/// migrated on first read (see kVersion).
class StudioSettings
{
  public:
    static constexpr int kVersion = 1;
    static constexpr int kMaxRecentWorkspaces = 8;

    /// Settings at the standard location.
    StudioSettings();
    /// Settings in a given INI file (tests).
    explicit StudioSettings(const QString &iniPath);
    ~StudioSettings();
    StudioSettings(const StudioSettings &) = delete;
    StudioSettings &operator=(const StudioSettings &) = delete;

    /// Where the settings are kept.
    QString fileName() const;

    /// Most recent first, without duplicates, at most kMaxRecentWorkspaces.
    QStringList recentWorkspaces() const;
    /// Moves `path` to the front of the recent list.
    void addRecentWorkspace(const QString &path);
    void removeRecentWorkspace(const QString &path);
    void clearRecentWorkspaces();

    /// The workspace the studio opens when started with `given` ("" = none given): `given`,
    /// else the last workspace used if its file still exists, else the default workspace.
    QString workspaceToOpen(const QString &given) const;

    /// The workspace open when the studio was last closed ("" = none yet).
    QString lastWorkspace() const;
    void setLastWorkspace(const QString &path);

    StudioView lastView() const; ///< default: Overview
    void setLastView(StudioView view);

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);
    QByteArray interactionsSplitterState() const;
    void setInteractionsSplitterState(const QByteArray &state);
    QByteArray interactionsHeaderState() const;
    void setInteractionsHeaderState(const QByteArray &state);
    /// Where the user left the divider of the splitter `name` (its object name) in a view.
    QByteArray splitterState(const QString &name) const;
    void setSplitterState(const QString &name, const QByteArray &state);

    void sync();

  private:
    void migrate();

    std::unique_ptr<QSettings> m_settings;
};

} // namespace hindsight::ui
