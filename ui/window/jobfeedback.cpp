#include "ui/window/jobfeedback.h"

#include "ui/common/humanformat.h"
#include "ui/common/plainmessagebox.h"
#include "ui/common/untrustedtext.h"
#include "ui/store/workspacesession.h"
#include "ui/views/firstrunview.h"
#include "ui/window/studiostatusbar.h"

#include <QFileInfo>
#include <QProgressDialog>

namespace hindsight::ui {

JobFeedback::JobFeedback(QWidget *window, WorkspaceSession *session, StudioStatusBar *status,
                         FirstRunView *firstRun)
    : QObject(window), m_window(window), m_session(session), m_status(status), m_firstRun(firstRun)
{
}

void JobFeedback::started(JobResult::Kind kind, const QString &title)
{
    m_status->showJob(title);
    m_firstRun->setJobRunning(true, title);
    if (kind != JobResult::Kind::Import) return;
    auto *dialog = new QProgressDialog(title, tr("Cancel"), 0, 0, m_window);
    dialog->setObjectName(QStringLiteral("importProgressDialog"));
    dialog->setWindowTitle(tr("Importing events"));
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setMinimumDuration(400);
    dialog->setAutoClose(false);
    dialog->setAutoReset(false);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QProgressDialog::canceled, this, [this, dialog] {
        dialog->setLabelText(tr("Stopping after the current batch…"));
        dialog->setCancelButton(nullptr);
        dialog->show();
        m_session->cancelJob();
    });
    m_importProgress = dialog;
}

void JobFeedback::progress(qint64 done, qint64 total, const QString &text)
{
    m_status->setJobProgress(done, total, text);
    m_firstRun->setJobProgress(done, total, text);
    if (!m_importProgress || m_importProgress->wasCanceled()) return;
    if (total > 0) {
        m_importProgress->setRange(0, 1000);
        m_importProgress->setValue(static_cast<int>(std::min<qint64>(1000, done * 1000 / total)));
    }
    if (!text.isEmpty()) m_importProgress->setLabelText(text);
}

void JobFeedback::finished(const JobResult &result)
{
    m_status->hideJob();
    m_firstRun->setJobRunning(false);
    if (m_importProgress) m_importProgress->close();

    const QString stored = formatCount(result.stored);
    switch (result.kind) {
    case JobResult::Kind::CreateWorkspace:
        if (result.ok())
            m_status->showMessage(tr("Created the workspace %1.")
                                      .arg(untrusted::line(QFileInfo(result.storePath).fileName(), 80)),
                                  kStatusMessageMs);
        break; // a failure shows in the window (the error page)
    case JobResult::Kind::Demo:
        if (!result.ok())
            showPlainMessage(m_window, QMessageBox::Warning, tr("Demo workspace"),
                             tr("The demo workspace could not be created: %1").arg(result.error));
        else if (result.cancelled)
            m_status->showMessage(
                tr("Demo cancelled; the workspace keeps the %1 interactions written so far.").arg(stored),
                kStatusMessageMs);
        else
            m_status->showMessage(tr("Demo workspace created: %1 interactions.").arg(stored),
                                  kStatusMessageMs);
        break;
    case JobResult::Kind::Import:
        reportImport(result);
        break;
    }
}

void JobFeedback::reportImport(const JobResult &result)
{
    const QString stored = formatCount(result.stored);
    QString summary = result.files == 1
                          ? tr("Imported %1 new interactions from 1 file.").arg(stored)
                          : tr("Imported %1 new interactions from %2 files.").arg(stored).arg(result.files);
    if (result.duplicates > 0)
        summary +=
            QLatin1Char(' ') + tr("%1 were already in the workspace.").arg(formatCount(result.duplicates));
    if (!result.ok()) {
        showPlainMessage(m_window, QMessageBox::Warning, tr("Import stopped"),
                         tr("The import stopped: %1\n\n%2 Interactions stored before the problem are kept.")
                             .arg(result.error, summary));
    } else if (result.cancelled) {
        m_status->showMessage(tr("Import cancelled. %1 They are kept.").arg(summary), kStatusMessageMs);
    } else if (result.rejected > 0) {
        showPlainMessage(m_window, QMessageBox::Information, tr("Import finished"),
                         summary + QStringLiteral("\n\n") +
                             tr("%1 lines or events were refused; the first are listed under Details.")
                                 .arg(formatCount(result.rejected)),
                         result.issues.join(QLatin1Char('\n')));
    } else {
        m_status->showMessage(summary, kStatusMessageMs);
    }
}

} // namespace hindsight::ui
