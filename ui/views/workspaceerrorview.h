#pragma once

#include <QWidget>

class QLabel;

namespace hindsight::ui {

class ElidingLabel;

/// Shown in place of the workspace when its file cannot be opened (not a Hindsight store,
/// written by a newer version, unreadable): the reason in words, the file, and what to do.
class WorkspaceErrorView : public QWidget
{
    Q_OBJECT

  public:
    explicit WorkspaceErrorView(QWidget *parent = nullptr);

    void setError(const QString &path, const QString &message);
    QString message() const;

  signals:
    void openRequested();
    void newRequested();
    void retryRequested();

  private:
    ElidingLabel *m_path;
    QLabel *m_message;
};

} // namespace hindsight::ui
