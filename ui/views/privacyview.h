#pragma once

#include "core/definitions/interactionbrowse.h"
#include "core/privacy/maskapply.h"
#include "ui/store/privacyjobs.h"

#include <QPointer>
#include <QString>
#include <QWidget>
#include <optional>

class QAction;
class QDialog;
class QLabel;
class QLineEdit;
class QListWidget;
class QMessageBox;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTimer;

namespace hindsight::ui {

class AnalysisService;
class PrivacyFindingModel;
class PrivacyRuleEditor;
class PrivacyRuleModel;
class SharedTimeRange;
class StudioChart;

/// The Privacy view, in four tabs:
/// - Findings: the field audit (field by detector, with values and interactions affected, first
///   and last seen, a masked example and a risk badge: word, colour and shape) and a bar chart of
///   the riskiest fields; "Show interactions" asks for the interactions behind a finding,
///   "Mask…" starts a rule for it.
/// - Rules: the active masking rules with what each would still change in the stored data, the
///   rule editor with its dry run, Remove, and "Apply to stored data…", which says what will be
///   rewritten (the dry run's counts) and asks before rewriting anything.
/// - Consent: the consent policy and the stored interactions by consent.
/// - People: search a distinct id; what is held about the person; Export (to a file the user
///   chooses) and Erase (after typing the id to confirm).
/// The audit runs as a job of its own ("privacy-audit"); the view shows it running and never
/// waits for it.
class PrivacyView : public QWidget
{
    Q_OBJECT

  public:
    PrivacyView(AnalysisService *analysis, SharedTimeRange *range, QWidget *parent = nullptr);
    ~PrivacyView() override;

    enum Tab { FindingsTab, RulesTab, ConsentTab, PeopleTab };

    /// Audits the workspace again and reads the rules, consent and people again.
    void reload();
    /// Shows the tab.
    void showTab(Tab tab);

    QTabWidget *tabs() const { return m_tabs; }
    QTableView *findingsTable() const { return m_findingsTable; }
    PrivacyFindingModel *findingModel() const { return m_findings; }
    QTableView *rulesTable() const { return m_rulesTable; }
    PrivacyRuleModel *ruleModel() const { return m_rules; }
    PrivacyRuleEditor *ruleEditor() const { return m_editor; }
    StudioChart *chart() const { return m_chart; }
    QListWidget *peopleList() const { return m_peopleList; }
    /// True while the audit runs.
    bool isAuditing() const { return m_auditing; }
    /// True once an audit has been shown (and none runs).
    bool hasAudit() const;
    /// The interactions behind the finding in `row` of the findings table (see the signal).
    std::optional<definitions::BrowseFilter> filterForFindingRow(int row) const;
    /// The distinct id whose details are shown in the People tab ("" when none).
    QString shownPerson() const { return m_person.ok ? m_person.subject : QString(); }
    /// The line under the People tab's buttons (what export or erase did).
    QString peopleMessage() const;
    /// The line at the top of the Rules tab (what apply did).
    QString rulesMessage() const;

    /// "Apply to stored data…": runs the active rules' dry run, then asks for confirmation with
    /// its numbers (a window-modal "privacyApplyConfirm" message box), then applies.
    void applyRules();
    /// "Export…": asks for a file ("privacyExportDialog"), then writes the shown person's data.
    void exportPerson();
    /// "Erase…": asks the user to type the shown person's id ("privacyEraseConfirm"), then erases.
    void erasePerson();
    /// Searches the people for `text` and shows the first match's details.
    void searchPeople(const QString &text);

  signals:
    /// "Show interactions" on a finding: the interactions behind it, as far as a browse filter
    /// can say: the time range from first to last seen, and for element attribute fields the
    /// elements carrying that attribute. The captured value itself is never part of it.
    void interactionsRequested(const definitions::BrowseFilter &filter);
    /// The view rewrote the store (masking rules applied, a person erased): views that show
    /// interactions or counts read again.
    void storeChanged();

  protected:
    void showEvent(QShowEvent *event) override;

  private:
    QWidget *buildFindingsTab();
    QWidget *buildRulesTab();
    QWidget *buildConsentTab();
    QWidget *buildPeopleTab();
    void requestAudit();
    void requestRules();
    void requestConsent();
    void onAudit(const PrivacyAudit &audit);
    void updateFindingsState();
    void updateChart();
    void updateFindingActions();
    void updateRuleActions();
    void maskSelectedFinding();
    void showSelectedFindingInteractions();
    void removeSelectedRule();
    void confirmApply(const privacy::MaskImpact &impact);
    void runApply();
    void showPerson(const QString &distinctId);
    void updatePersonPane();
    void writeExport(const QString &path);
    void runErase(const QString &distinctId);
    void setRulesMessage(const QString &text, bool error);
    void setPeopleMessage(const QString &text, bool error);
    void storeWasRewritten();

    AnalysisService *m_analysis;
    SharedTimeRange *m_range;
    PrivacyFindingModel *m_findings;
    QSortFilterProxyModel *m_findingsProxy;
    PrivacyRuleModel *m_rules;

    QTabWidget *m_tabs = nullptr;
    QLabel *m_summary = nullptr;
    QProgressBar *m_busy = nullptr;
    QPushButton *m_auditButton = nullptr;

    // Findings
    QStackedWidget *m_findingsStack = nullptr;
    QLabel *m_findingsEmpty = nullptr;
    QTableView *m_findingsTable = nullptr;
    StudioChart *m_chart = nullptr;
    QLabel *m_sensitiveLabel = nullptr;
    QPushButton *m_showInteractionsButton = nullptr;
    QPushButton *m_maskButton = nullptr;

    // Rules
    QLabel *m_rulesMessage = nullptr;
    QTableView *m_rulesTable = nullptr;
    QPushButton *m_removeRuleButton = nullptr;
    QPushButton *m_applyButton = nullptr;
    PrivacyRuleEditor *m_editor = nullptr;
    QPointer<QMessageBox> m_applyConfirm;

    // Consent
    QLabel *m_consentPolicy = nullptr;
    QLabel *m_consentCounts = nullptr;
    QLabel *m_consentNote = nullptr;

    // People
    QLineEdit *m_peopleSearch = nullptr;
    QLabel *m_peopleSummary = nullptr;
    QListWidget *m_peopleList = nullptr;
    QLabel *m_personTitle = nullptr;
    QLabel *m_personDetails = nullptr;
    QLabel *m_peopleMessage = nullptr;
    QPushButton *m_exportButton = nullptr;
    QPushButton *m_eraseButton = nullptr;
    QTimer *m_searchDebounce = nullptr;
    PersonDetails m_person;
    QPointer<QDialog> m_eraseConfirm;

    QString m_loadedPath;
    bool m_auditing = false;
    bool m_readOnly = false;
    bool m_applying = false;
    bool m_personBusy = false;
    std::optional<PrivacyAudit> m_audit;
};

} // namespace hindsight::ui
