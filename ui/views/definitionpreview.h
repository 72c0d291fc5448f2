#pragma once

#include <QString>
#include <QWidget>

class QLabel;
class QStackedWidget;
class QTreeWidget;

namespace hindsight::ui {

class StudioChart;
struct DefinitionPreviewResult;

/// The live preview beside the definition editor: how many interactions, people and sessions
/// the draft matches in the shared time range, its trend, the elements it catches (those the
/// saved version does not catch marked "New"), and a sample of matching interactions. It only
/// displays what the editor's preview job computed.
class DefinitionPreview : public QWidget
{
    Q_OBJECT

  public:
    explicit DefinitionPreview(QWidget *parent = nullptr);
    ~DefinitionPreview() override;

    /// "Last 30 days" (shown above the figures; the tooltip may give the dates).
    void setRangeLabel(const QString &label, const QString &toolTip = {});
    /// A newer preview is being computed: the figures stay, marked as updating.
    void setUpdating(bool updating);
    /// The draft cannot be previewed as it is (`reason`, e.g. an invalid selector): the last
    /// preview stays, greyed out, with the reason above it.
    void setPaused(const QString &reason);
    /// Nothing to preview: `text` says why and what to do.
    void showMessage(const QString &text);
    /// Shows a computed preview; `seriesName` names the trend line.
    void showResult(const DefinitionPreviewResult &result, const QString &seriesName);

    bool hasResult() const { return m_hasResult; }
    /// How many previews have been shown so far (each showResult() counts).
    int resultCount() const { return m_resultCount; }
    bool isPaused() const { return m_paused; }
    QString countText() const;
    QString peopleText() const;
    QString sessionsText() const;
    /// The line above the figures ("Updating…", "Paused: …", "").
    QString statusText() const;
    /// The text shown instead of the preview (showMessage), "" while a preview shows.
    QString messageText() const;
    /// "14 distinct elements · 3 new · 1 no longer caught".
    QString elementsSummaryText() const;
    QTreeWidget *elementsList() const { return m_elements; }
    QTreeWidget *sampleList() const { return m_sample; }
    StudioChart *chart() const { return m_chart; }

  private:
    void updateStatus();

    QLabel *m_range = nullptr;
    QLabel *m_status = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_message = nullptr;
    QWidget *m_content = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_people = nullptr;
    QLabel *m_sessions = nullptr;
    StudioChart *m_chart = nullptr;
    QLabel *m_elementsSummary = nullptr;
    QTreeWidget *m_elements = nullptr;
    QLabel *m_sampleTitle = nullptr;
    QTreeWidget *m_sample = nullptr;
    bool m_hasResult = false;
    int m_resultCount = 0;
    bool m_updating = false;
    bool m_paused = false;
    QString m_pauseReason;
};

} // namespace hindsight::ui
