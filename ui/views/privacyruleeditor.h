#pragma once

#include "core/privacy/maskapply.h"
#include "core/privacy/maskrule.h"

#include <QStringList>
#include <QWidget>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTimer;
class QTreeWidget;

namespace hindsight::ui {

class AnalysisService;

/// Writes a masking rule: the field pattern (the audit's field names are offered), an optional
/// detector, selector and page URL condition, the action; its problems show as it is typed, and
/// a dry run over the stored data (nothing is written) shows how many interactions and values it
/// would change, with masked examples, before it is added.
class PrivacyRuleEditor : public QWidget
{
    Q_OBJECT

  public:
    explicit PrivacyRuleEditor(AnalysisService *analysis, QWidget *parent = nullptr);

    /// Field names offered while typing the pattern (from the audit).
    void setFieldSuggestions(const QStringList &fields);
    /// Fills the form with `rule`'s content (and runs its dry run).
    void setRule(const privacy::MaskRule &rule);
    /// The rule as written in the form.
    privacy::MaskRule rule() const;
    /// Empties the form.
    void clear();
    void setReadOnly(bool readOnly);

    /// The last dry run of the rule in the form (nullopt while one runs or the rule is invalid).
    const std::optional<privacy::MaskImpact> &dryRunImpact() const { return m_impact; }
    bool isDryRunPending() const { return m_dryRunPending; }
    /// Runs the dry run now.
    void dryRun();
    /// Adds the rule (when valid).
    void addRule();

  signals:
    /// A rule was added; `impact` is what it would change in the stored data.
    void ruleAdded(qint64 id, const privacy::MaskImpact &impact);
    /// The user wants to know about an error (shown by the view).
    void failed(const QString &message);

  private:
    void onChanged();
    void updateState();
    void showImpact();

    AnalysisService *m_analysis;
    QLineEdit *m_field = nullptr;
    QComboBox *m_detector = nullptr;
    QLineEdit *m_selector = nullptr;
    QLineEdit *m_url = nullptr;
    QComboBox *m_action = nullptr;
    QSpinBox *m_keep = nullptr;
    QLineEdit *m_reason = nullptr;
    QLabel *m_description = nullptr;
    QLabel *m_issues = nullptr;
    QLabel *m_previewSummary = nullptr;
    QTreeWidget *m_examples = nullptr;
    QPushButton *m_dryRunButton = nullptr;
    QPushButton *m_addButton = nullptr;
    QPushButton *m_clearButton = nullptr;
    QTimer *m_debounce = nullptr;

    std::optional<privacy::MaskImpact> m_impact;
    QString m_dryRunError;
    bool m_dryRunPending = false;
    bool m_adding = false;
    bool m_readOnly = false;
    bool m_valid = false;
};

} // namespace hindsight::ui
