#include "ui/window/workspacebar.h"

#include "ui/common/studioicons.h"
#include "ui/common/untrustedtext.h"

#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QToolButton>

namespace hindsight::ui {

WorkspaceBar::WorkspaceBar(QAction *openAction, QAction *newAction, QAction *importAction, QWidget *parent)
    : QToolBar(tr("Workspace"), parent), m_workspaceButton(new QToolButton), m_menu(new QMenu(this)),
      m_open(openAction), m_new(newAction)
{
    setObjectName(QStringLiteral("workspaceBar"));
    setMovable(false);
    setFloatable(false);
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    setIconSize(QSize(20, 20));

    m_workspaceButton->setObjectName(QStringLiteral("workspaceButton"));
    m_workspaceButton->setIcon(StudioIcons::icon(StudioIcons::Glyph::Workspace));
    m_workspaceButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_workspaceButton->setPopupMode(QToolButton::InstantPopup);
    m_workspaceButton->setMenu(m_menu);
    m_workspaceButton->setAccessibleName(tr("Workspace"));
    QFont bold = m_workspaceButton->font();
    bold.setWeight(QFont::DemiBold);
    m_workspaceButton->setFont(bold);
    addWidget(m_workspaceButton);
    addSeparator();
    addAction(importAction);
    connect(m_menu, &QMenu::aboutToShow, this, &WorkspaceBar::rebuildMenu);
    rebuildMenu();
}

void WorkspaceBar::setWorkspace(const QString &path)
{
    m_path = path;
    const QString name =
        path.isEmpty() ? tr("No workspace") : untrusted::line(QFileInfo(path).completeBaseName(), 60);
    m_workspaceButton->setText(name);
    m_workspaceButton->setToolTip(path.isEmpty() ? QString()
                                                 : untrusted::toolTip(QDir::toNativeSeparators(path)));
    m_workspaceButton->setAccessibleDescription(
        tr("Workspace %1 at %2").arg(name, QDir::toNativeSeparators(path)));
}

void WorkspaceBar::setRecentWorkspaces(const QStringList &paths)
{
    m_recent = paths;
}

void WorkspaceBar::rebuildMenu()
{
    m_menu->clear();
    m_menu->addAction(m_open);
    m_menu->addAction(m_new);
    m_menu->addSeparator();
    m_menu->addSection(tr("Recent workspaces"));
    int shown = 0;
    for (const QString &path : m_recent) {
        if (path == m_path) continue;
        const QFileInfo info(path);
        QString label = untrusted::line(info.completeBaseName(), 60) + QStringLiteral("  —  ") +
                        untrusted::line(QDir::toNativeSeparators(info.absolutePath()), 80);
        label.replace(QLatin1Char('&'), QStringLiteral("&&"));
        QAction *action = m_menu->addAction(label, this, [this, path] { emit recentChosen(path); });
        action->setToolTip(QDir::toNativeSeparators(path));
        if (!info.exists()) action->setText(tr("%1 (missing)").arg(label));
        ++shown;
    }
    if (shown == 0) {
        QAction *none = m_menu->addAction(tr("No other recent workspaces"));
        none->setEnabled(false);
    } else {
        m_menu->addSeparator();
        m_menu->addAction(tr("Clear recent workspaces"), this, &WorkspaceBar::clearRecentRequested);
    }
}

} // namespace hindsight::ui
