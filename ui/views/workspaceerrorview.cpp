#include "ui/views/workspaceerrorview.h"

#include "ui/common/studioicons.h"
#include "ui/views/elidinglabel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace hindsight::ui {

WorkspaceErrorView::WorkspaceErrorView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("workspaceErrorView"));
    auto *outer = new QVBoxLayout(this);
    outer->addStretch(2);
    auto *column = new QWidget;
    column->setMaximumWidth(640);
    auto *layout = new QVBoxLayout(column);
    layout->setSpacing(10);

    auto *headingRow = new QHBoxLayout;
    auto *icon = new QLabel;
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(40, 40));
    icon->setAccessibleName(tr("Warning"));
    auto *heading = new QLabel(tr("This workspace cannot be opened"));
    heading->setObjectName(QStringLiteral("workspaceErrorHeading"));
    heading->setTextFormat(Qt::PlainText);
    QFont headingFont = heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.5);
    headingFont.setWeight(QFont::DemiBold);
    heading->setFont(headingFont);
    headingRow->addWidget(icon);
    headingRow->addWidget(heading, 1);
    layout->addLayout(headingRow);

    m_path = new ElidingLabel;
    m_path->setObjectName(QStringLiteral("workspaceErrorPath"));
    m_path->setAccessibleName(tr("Workspace file"));
    m_path->setElideMode(Qt::ElideMiddle);
    m_path->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_path);

    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("workspaceErrorMessage"));
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_message);

    auto *advice = new QLabel(tr("Open a different workspace, or start a new one."));
    advice->setTextFormat(Qt::PlainText);
    advice->setWordWrap(true);
    layout->addWidget(advice);

    auto *buttons = new QHBoxLayout;
    auto *open = new QPushButton(StudioIcons::icon(StudioIcons::Glyph::Open), tr("Open another workspace…"));
    open->setObjectName(QStringLiteral("workspaceErrorOpenButton"));
    open->setDefault(true);
    auto *create = new QPushButton(tr("New workspace…"));
    create->setObjectName(QStringLiteral("workspaceErrorNewButton"));
    auto *retry = new QPushButton(tr("Try again"));
    retry->setObjectName(QStringLiteral("workspaceErrorRetryButton"));
    buttons->addWidget(open);
    buttons->addWidget(create);
    buttons->addWidget(retry);
    buttons->addStretch(1);
    layout->addLayout(buttons);

    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(column, 4);
    row->addStretch(1);
    outer->addLayout(row);
    outer->addStretch(3);

    connect(open, &QPushButton::clicked, this, &WorkspaceErrorView::openRequested);
    connect(create, &QPushButton::clicked, this, &WorkspaceErrorView::newRequested);
    connect(retry, &QPushButton::clicked, this, &WorkspaceErrorView::retryRequested);
}

void WorkspaceErrorView::setError(const QString &path, const QString &message)
{
    m_path->setText(path);
    m_message->setText(message);
}

QString WorkspaceErrorView::message() const
{
    return m_message->text();
}

} // namespace hindsight::ui
