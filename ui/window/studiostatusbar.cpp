#include "ui/window/studiostatusbar.h"

#include "ui/common/humanformat.h"
#include "ui/common/studioicons.h"
#include "ui/common/untrustedtext.h"
#include "ui/views/elidinglabel.h"

#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

namespace hindsight::ui {

namespace {

QLabel *plainLabel(const QString &objectName)
{
    auto *label = new QLabel;
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    return label;
}

} // namespace

StudioStatusBar::StudioStatusBar(QWidget *parent)
    : QStatusBar(parent), m_count(plainLabel(QStringLiteral("statusInteractions"))),
      m_analysis(plainLabel(QStringLiteral("statusAnalysis"))),
      m_newest(plainLabel(QStringLiteral("statusNewest"))), m_job(new QWidget),
      m_jobText(plainLabel(QStringLiteral("statusJobText"))), m_jobBar(new QProgressBar),
      m_cancel(new QToolButton), m_path(new ElidingLabel)
{
    setObjectName(QStringLiteral("statusBar"));
    m_count->setAccessibleName(tr("Interactions held"));
    m_newest->setAccessibleName(tr("Newest interaction"));

    auto *jobLayout = new QHBoxLayout(m_job);
    jobLayout->setContentsMargins(0, 0, 0, 0);
    jobLayout->setSpacing(6);
    m_jobBar->setObjectName(QStringLiteral("statusJobProgress"));
    m_jobBar->setAccessibleName(tr("Background work progress"));
    m_jobBar->setMaximumWidth(160);
    m_jobBar->setMaximumHeight(fontMetrics().height() + 2);
    m_jobBar->setTextVisible(false);
    m_cancel->setObjectName(QStringLiteral("statusJobCancel"));
    m_cancel->setIcon(StudioIcons::icon(StudioIcons::Glyph::Cancel));
    m_cancel->setToolTip(tr("Cancel (what was written so far is kept)"));
    m_cancel->setAccessibleName(tr("Cancel background work"));
    m_cancel->setAutoRaise(true);
    jobLayout->addWidget(m_jobText);
    jobLayout->addWidget(m_jobBar);
    jobLayout->addWidget(m_cancel);
    m_job->hide();

    m_path->setObjectName(QStringLiteral("statusStorePath"));
    m_path->setAccessibleName(tr("Store path"));
    m_path->setElideMode(Qt::ElideMiddle);
    m_path->setMinimumWidth(120);
    m_path->setMaximumWidth(420);
    m_path->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    m_path->setForegroundRole(QPalette::PlaceholderText);

    auto separator = [] {
        auto *line = new QFrame;
        line->setFrameShape(QFrame::VLine);
        line->setFrameShadow(QFrame::Sunken);
        return line;
    };
    m_countSeparator = separator();
    m_newestSeparator = separator();
    m_jobSeparator = separator();
    m_jobSeparator->hide();
    m_analysisSeparator = separator();
    m_analysisSeparator->hide();
    m_analysis->setAccessibleName(tr("Analysis work"));
    m_analysis->setContentsMargins(6, 0, 6, 0);
    m_analysis->hide();
    m_count->setContentsMargins(6, 0, 6, 0);
    m_newest->setContentsMargins(6, 0, 6, 0);
    m_job->setContentsMargins(6, 0, 6, 0);
    m_path->setContentsMargins(6, 0, 6, 0);
    addPermanentWidget(m_count);
    addPermanentWidget(m_countSeparator);
    addPermanentWidget(m_newest);
    addPermanentWidget(m_newestSeparator);
    addPermanentWidget(m_analysis);
    addPermanentWidget(m_analysisSeparator);
    addPermanentWidget(m_job);
    addPermanentWidget(m_jobSeparator);
    addPermanentWidget(m_path, 1);
    connect(m_cancel, &QToolButton::clicked, this, [this] {
        m_cancel->setEnabled(false);
        m_jobText->setText(tr("Stopping…"));
        emit cancelRequested();
    });
}

void StudioStatusBar::setWorkspacePath(const QString &path)
{
    m_path->setText(QDir::toNativeSeparators(path));
}

void StudioStatusBar::setStats(const WorkspaceStats &stats)
{
    m_count->setText(stats.interactions == 1 ? tr("1 interaction")
                                             : tr("%1 interactions").arg(formatCount(stats.interactions)));
    m_count->setToolTip(tr("Interactions held in this workspace"));
    if (stats.hasRange) {
        m_newest->setText(tr("Newest %1").arg(formatLocalDateTime(stats.lastMs)));
        m_newest->setToolTip(
            untrusted::toolTip(tr("Newest interaction: %1").arg(formatUtcInstant(stats.lastMs))));
    } else {
        m_newest->setText(tr("No interactions yet"));
        m_newest->setToolTip({});
    }
    m_count->show();
    m_countSeparator->show();
    m_newest->show();
    m_newestSeparator->show();
}

void StudioStatusBar::clearStats(const QString &why)
{
    m_count->setText(why);
    m_count->setVisible(!why.isEmpty());
    m_countSeparator->setVisible(!why.isEmpty());
    m_newest->clear();
    m_newest->hide();
    m_newestSeparator->hide();
}

void StudioStatusBar::showJob(const QString &title)
{
    m_jobText->setText(title);
    m_jobBar->setRange(0, 0);
    m_cancel->setEnabled(true);
    m_job->show();
    m_jobSeparator->show();
}

void StudioStatusBar::setJobProgress(qint64 done, qint64 total, const QString &text)
{
    if (total > 0) {
        m_jobBar->setRange(0, 1000);
        m_jobBar->setValue(static_cast<int>(std::min<qint64>(1000, done * 1000 / total)));
    }
    if (!text.isEmpty() && m_cancel->isEnabled()) m_jobText->setText(text);
}

void StudioStatusBar::setAnalysisStatus(const QString &text)
{
    m_analysis->setText(text);
    m_analysis->setVisible(!text.isEmpty());
    m_analysisSeparator->setVisible(!text.isEmpty());
}

void StudioStatusBar::hideJob()
{
    m_job->hide();
    m_jobSeparator->hide();
}

} // namespace hindsight::ui
