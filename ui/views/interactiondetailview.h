#pragma once

#include "ui/store/browsejobs.h"
#include "ui/store/interactiondetail.h"

#include <QWidget>

class QFormLayout;
class QHBoxLayout;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTreeWidget;

namespace hindsight::ui {

class ElidingLabel;

/// The detail pane beside the interactions table: the selected interaction's facts, its
/// element chain as an indented tree from the outermost element down to the target (each
/// node with its attributes), its URL split into host, path, query parameters and hash, and
/// its other properties, and the definitions that match it ("Matched by", each a button that
/// opens the definition). All captured values are shown as plain text.
class InteractionDetailView : public QWidget
{
    Q_OBJECT

  public:
    explicit InteractionDetailView(QWidget *parent = nullptr);

    /// Shows "select an interaction" instead of a detail.
    void clear();
    /// Shows "loading" for the interaction with `id` until its detail arrives.
    void showPending(qint64 id);
    /// Shows the detail (ignored when it is not the one last asked for with showPending()).
    void showDetail(const hindsight::ui::InteractionDetail &detail);
    /// The id shown (or pending), 0 for none.
    qint64 shownId() const { return m_id; }
    bool hasDetail() const { return m_hasDetail; }

    /// "Checking definitions…" under Matched by (for the interaction shown or pending).
    void showMatchesPending();
    /// The definitions matching interaction `result.id` (ignored when another one is shown).
    void showMatches(const hindsight::ui::browse::MatchesResult &result);
    /// Shows that no definitions can be checked here (no analysis service).
    void setMatchesAvailable(bool available);
    /// The names listed under Matched by.
    QStringList matchedNames() const { return m_matchedNames; }
    /// The Matched by line as text ("Checking…", "No definition matches…").
    QString matchesText() const;
    QPushButton *defineButton() const { return m_define; }

  signals:
    void detailShown(qint64 id);
    /// A definition under Matched by was clicked.
    void definitionActivated(const QString &name);
    /// "Define event from this" was clicked for interaction `id`.
    void defineRequested(qint64 id);

  private:
    void fillChain(const InteractionDetail &detail);
    void showAttributesOf(int chainIndex);
    void fillUrl(const InteractionDetail &detail);
    void fillProperties(const InteractionDetail &detail);
    void clearMatchButtons();

    QStackedWidget *m_stack = nullptr;
    QLabel *m_placeholder = nullptr;
    QLabel *m_heading = nullptr;
    ElidingLabel *m_time = nullptr;
    ElidingLabel *m_person = nullptr;
    ElidingLabel *m_session = nullptr;
    ElidingLabel *m_title = nullptr;
    ElidingLabel *m_referrer = nullptr;
    ElidingLabel *m_consent = nullptr;
    ElidingLabel *m_uuid = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTreeWidget *m_chainTree = nullptr;
    QTreeWidget *m_attributesTree = nullptr;
    QLabel *m_chainNote = nullptr;
    QStackedWidget *m_chainStack = nullptr;
    QLabel *m_noChain = nullptr;
    QTreeWidget *m_urlTree = nullptr;
    QTreeWidget *m_propertiesTree = nullptr;
    QPushButton *m_define = nullptr;
    QWidget *m_matchesBox = nullptr;
    QHBoxLayout *m_matchesLayout = nullptr;
    QLabel *m_matchesNote = nullptr;
    QStringList m_matchedNames;
    qint64 m_matchesId = 0;
    bool m_matchesAvailable = true;
    std::vector<InteractionDetail::Element> m_chain;
    qint64 m_id = 0;
    bool m_hasDetail = false;
};

} // namespace hindsight::ui
