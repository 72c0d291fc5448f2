#pragma once

#include "core/definitions/definition.h"
#include "core/definitions/selectorsuggester.h"

#include <QFrame>
#include <QList>
#include <QPair>
#include <QString>
#include <vector>

class QCheckBox;
class QComboBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QMenu;
class QToolButton;
class QVBoxLayout;

namespace hindsight::ui {

struct StepRowCounts;

/// One step of a definition as a card: rows that must all hold (AND) — event types, selector
/// (monospace), element text, link target (href), page URL, property filters — each with the
/// number of interactions it matches on its own and, when the editor reports one, the problem
/// with it right below. Empty rows are not conditions.
class StepEditor : public QFrame
{
    Q_OBJECT

  public:
    explicit StepEditor(QWidget *parent = nullptr);
    ~StepEditor() override;

    /// "Step 1": the card's number (1-based).
    void setNumber(int number);
    int number() const { return m_number; }
    /// Whether the card offers "Remove step" (not when it is the only one).
    void setRemovable(bool removable);

    void setStep(const definitions::Step &step);
    /// The conditions as typed; empty rows are left out.
    definitions::Step step() const;
    /// No row holds a condition.
    bool isEmpty() const;

    /// Other verified selectors the suggester offered (a menu beside the selector).
    void setSelectorAlternatives(const std::vector<definitions::SelectorAlternative> &alternatives);

    /// Problems to show beside the rows: pairs of (path inside the step, message), the path as
    /// the validator writes it after `steps[i].` ("selector", "text.value", "properties[1].key")
    /// or "" for the step as a whole.
    void setIssues(const QList<QPair<QString, QString>> &issues);
    /// The problem shown for `row` ("step", "events", "selector", "text", "href", "url",
    /// "properties[N]"); "" when none.
    QString issueText(const QString &row) const;

    /// Per-row counts from the preview; nullptr: being counted (or unknown).
    void setRowCounts(const StepRowCounts *counts);
    /// The count shown for `row` (as above); "" when none.
    QString countText(const QString &row) const;

    QLineEdit *eventsEdit() const { return m_events; }
    QLineEdit *selectorEdit() const { return m_selector; }
    QLineEdit *textEdit() const { return m_text.pattern; }
    QLineEdit *hrefEdit() const { return m_href.pattern; }
    QLineEdit *urlEdit() const { return m_url.pattern; }
    QComboBox *urlModeBox() const { return m_url.mode; }
    QComboBox *textModeBox() const { return m_text.mode; }
    int propertyRowCount() const { return static_cast<int>(m_properties.size()); }
    /// Adds a property filter row (empty by default) and returns its index.
    int addPropertyRow(const definitions::PropertyFilter &filter = {});
    QLineEdit *propertyKeyEdit(int row) const;
    QLineEdit *propertyValueEdit(int row) const;

  signals:
    /// Any row changed.
    void changed();
    void removeRequested();

  private:
    struct Notes
    {
        QLabel *count = nullptr;
        QWidget *errorBox = nullptr;
        QLabel *error = nullptr;
    };
    struct PatternRow
    {
        QComboBox *scope = nullptr; ///< URL rows only
        QComboBox *mode = nullptr;
        QLineEdit *pattern = nullptr;
        QCheckBox *matchCase = nullptr;
        Notes notes;
    };
    struct PropertyRow
    {
        QWidget *box = nullptr;
        QLineEdit *key = nullptr;
        QComboBox *op = nullptr;
        QLineEdit *value = nullptr;
        QToolButton *remove = nullptr;
        Notes notes;
    };

    Notes addNotes(int gridRow);
    PatternRow addPatternRow(int gridRow, const QString &label, const QString &accessible, bool url);
    void removePropertyRow(QWidget *box);
    Notes *notesFor(const QString &row);
    const Notes *notesFor(const QString &row) const;
    void setNote(Notes &notes, const QString &message);
    void updateAlternativesButton();
    static definitions::PropertyFilter propertyFilter(const PropertyRow &row);
    /// Rows that hold a filter (a key or a value), in order: step().properties[k] is row [k].
    std::vector<int> includedPropertyRows() const;

    int m_number = 1;
    QLabel *m_title = nullptr;
    QLabel *m_stepCount = nullptr;
    QToolButton *m_remove = nullptr;
    QGridLayout *m_grid = nullptr;
    QWidget *m_stepErrorBox = nullptr;
    QLabel *m_stepError = nullptr;
    QLineEdit *m_events = nullptr;
    Notes m_eventsNotes;
    QLineEdit *m_selector = nullptr;
    QToolButton *m_alternatives = nullptr;
    QMenu *m_alternativesMenu = nullptr;
    Notes m_selectorNotes;
    PatternRow m_text;
    PatternRow m_href;
    PatternRow m_url;
    QVBoxLayout *m_propertyLayout = nullptr;
    std::vector<PropertyRow> m_properties;
    bool m_loading = false;
};

} // namespace hindsight::ui
