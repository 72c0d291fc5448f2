#pragma once

#include <QStringList>
#include <QToolBar>

class QMenu;
class QToolButton;

namespace hindsight::ui {

/// The top bar: the workspace (its name; the path in the tooltip; a menu with Open, New and
/// the recent workspaces) and Import.
class WorkspaceBar : public QToolBar
{
    Q_OBJECT

  public:
    WorkspaceBar(QAction *openAction, QAction *newAction, QAction *importAction, QWidget *parent = nullptr);

    void setWorkspace(const QString &path);
    void setRecentWorkspaces(const QStringList &paths);
    QToolButton *workspaceButton() const { return m_workspaceButton; }

  signals:
    void recentChosen(const QString &path);
    void clearRecentRequested();

  private:
    void rebuildMenu();

    QToolButton *m_workspaceButton;
    QMenu *m_menu;
    QAction *m_open;
    QAction *m_new;
    QStringList m_recent;
    QString m_path;
};

} // namespace hindsight::ui
