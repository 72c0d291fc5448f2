#include "ui/views/firstrunview.h"

#include "ui/common/humanformat.h"
#include "ui/common/studioicons.h"
#include "ui/store/workspacesession.h"
#include "ui/views/elidinglabel.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace hindsight::ui {

FirstRunView::FirstRunView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("firstRunView"));
    auto *outer = new QVBoxLayout(this);
    outer->addStretch(2);
    auto *column = new QWidget;
    column->setMaximumWidth(620);
    auto *layout = new QVBoxLayout(column);
    layout->setSpacing(10);

    auto *icon = new QLabel;
    icon->setPixmap(StudioIcons::icon(StudioIcons::Glyph::Workspace).pixmap(48, 48));
    layout->addWidget(icon, 0, Qt::AlignLeft);
    m_heading = new QLabel;
    m_heading->setObjectName(QStringLiteral("firstRunHeading"));
    m_heading->setTextFormat(Qt::PlainText);
    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.6);
    headingFont.setWeight(QFont::DemiBold);
    m_heading->setFont(headingFont);
    layout->addWidget(m_heading);
    m_path = new ElidingLabel;
    m_path->setObjectName(QStringLiteral("firstRunPath"));
    m_path->setAccessibleName(tr("Workspace file"));
    m_path->setElideMode(Qt::ElideMiddle);
    m_path->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_path);
    m_explanation = new QLabel;
    m_explanation->setObjectName(QStringLiteral("firstRunExplanation"));
    m_explanation->setTextFormat(Qt::PlainText);
    m_explanation->setWordWrap(true);
    layout->addWidget(m_explanation);
    layout->addSpacing(8);

    m_demo = new QPushButton(StudioIcons::icon(StudioIcons::Glyph::Demo), tr("Create the demo workspace"));
    m_demo->setObjectName(QStringLiteral("firstRunDemoButton"));
    m_demo->setAccessibleDescription(
        tr("Generates a realistic online shop's interactions into this workspace"));
    m_demo->setDefault(true);
    auto *demoNote = new QLabel(tr("%1 interactions of a fictional online shop over %2 days, with people, "
                                   "sessions and a few planted privacy problems to find.")
                                    .arg(formatCount(WorkspaceSession::kDemoInteractions))
                                    .arg(WorkspaceSession::kDemoDays));
    demoNote->setTextFormat(Qt::PlainText);
    demoNote->setWordWrap(true);
    demoNote->setForegroundRole(QPalette::PlaceholderText);
    m_import = new QPushButton(StudioIcons::icon(StudioIcons::Glyph::Import), tr("Import events…"));
    m_import->setObjectName(QStringLiteral("firstRunImportButton"));
    auto *importNote =
        new QLabel(tr("PostHog exports (NDJSON or JSON, also gzip-compressed) or Hindsight's own "
                      "event files. You can also drop files onto this window."));
    importNote->setTextFormat(Qt::PlainText);
    importNote->setWordWrap(true);
    importNote->setForegroundRole(QPalette::PlaceholderText);
    m_open = new QPushButton(StudioIcons::icon(StudioIcons::Glyph::Open), tr("Open another workspace…"));
    m_open->setObjectName(QStringLiteral("firstRunOpenButton"));
    m_open->setFlat(true);

    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(14);
    grid->setVerticalSpacing(10);
    grid->addWidget(m_demo, 0, 0);
    grid->addWidget(demoNote, 0, 1);
    grid->addWidget(m_import, 1, 0);
    grid->addWidget(importNote, 1, 1);
    grid->setColumnStretch(1, 1);
    layout->addLayout(grid);
    layout->addWidget(m_open, 0, Qt::AlignLeft);

    m_jobBox = new QWidget;
    auto *jobLayout = new QVBoxLayout(m_jobBox);
    jobLayout->setContentsMargins(0, 8, 0, 0);
    m_jobText = new QLabel;
    m_jobText->setObjectName(QStringLiteral("firstRunJobText"));
    m_jobText->setTextFormat(Qt::PlainText);
    m_jobBar = new QProgressBar;
    m_jobBar->setObjectName(QStringLiteral("firstRunProgress"));
    m_jobBar->setAccessibleName(tr("Progress"));
    m_cancel = new QPushButton(tr("Cancel"));
    m_cancel->setObjectName(QStringLiteral("firstRunCancelButton"));
    auto *barRow = new QHBoxLayout;
    barRow->addWidget(m_jobBar, 1);
    barRow->addWidget(m_cancel);
    jobLayout->addWidget(m_jobText);
    jobLayout->addLayout(barRow);
    m_jobBox->hide();
    layout->addWidget(m_jobBox);

    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(column, 4);
    row->addStretch(1);
    outer->addLayout(row);
    outer->addStretch(3);

    connect(m_demo, &QPushButton::clicked, this, &FirstRunView::createDemoRequested);
    connect(m_import, &QPushButton::clicked, this, &FirstRunView::importRequested);
    connect(m_open, &QPushButton::clicked, this, &FirstRunView::openRequested);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_cancel->setEnabled(false);
        m_jobText->setText(tr("Stopping after the current batch…"));
        emit cancelRequested();
    });
}

void FirstRunView::setWorkspace(const QString &path, bool exists, bool readOnly)
{
    m_readOnly = readOnly;
    m_path->setText(path);
    if (exists) {
        m_heading->setText(tr("This workspace is empty"));
        m_explanation->setText(
            tr("It holds no interactions yet. Create the demo workspace to explore the studio "
               "with realistic data, or import your own autocaptured events."));
    } else {
        m_heading->setText(tr("Start a workspace"));
        m_explanation->setText(tr("There is no workspace here yet. Create the demo workspace to explore the "
                                  "studio with realistic data, or import your own autocaptured events; the "
                                  "workspace file is created when you do."));
    }
    if (readOnly)
        m_explanation->setText(m_explanation->text() + QLatin1Char(' ') +
                               tr("This file cannot be written, so neither is possible here."));
    m_demo->setEnabled(!readOnly && m_jobBox->isHidden());
    m_import->setEnabled(!readOnly && m_jobBox->isHidden());
}

void FirstRunView::setJobRunning(bool running, const QString &text)
{
    m_jobBox->setVisible(running);
    m_demo->setEnabled(!running && !m_readOnly);
    m_import->setEnabled(!running && !m_readOnly);
    m_cancel->setEnabled(running);
    m_jobText->setText(text);
    m_jobBar->setRange(0, 0);
}

void FirstRunView::setJobProgress(qint64 done, qint64 total, const QString &text)
{
    if (total > 0) {
        m_jobBar->setRange(0, 1000);
        m_jobBar->setValue(static_cast<int>(std::min<qint64>(1000, done * 1000 / total)));
    }
    if (!text.isEmpty() && m_cancel->isEnabled()) m_jobText->setText(text);
}

} // namespace hindsight::ui
