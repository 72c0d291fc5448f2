#pragma once

#include "core/naming/convention.h"

#include <QString>
#include <QStringList>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTimer;
class QToolButton;

namespace hindsight::ui {

/// Edits a naming convention as data: its parts (segments) with their separators, casing,
/// allowed values, verbs and tense; word rules (blocked words, acronyms, characters, length).
/// A live example shows a name that follows the draft (derived from the convention's own
/// example, else built from its parts) and updates with every change; a field checks any name
/// against the draft; a line says how many of the catalog's names the draft would flag.
/// Checking names is pure computation (no store): it runs on the GUI thread, coalesced.
class NamingConventionEditor : public QWidget
{
    Q_OBJECT

  public:
    explicit NamingConventionEditor(QWidget *parent = nullptr);

    /// Shows `convention` as the saved one (the draft starts from it). `stored` false: the
    /// workspace stores none and uses it as the default.
    void setConvention(const naming::Convention &convention, bool stored);
    /// The catalog's reviewed names, for "N of M definitions would break it".
    void setCatalogNames(const QStringList &names);
    void setReadOnly(bool readOnly);

    const naming::Convention &draft() const { return m_draft; }
    const naming::Convention &saved() const { return m_saved; }
    bool isModified() const;
    /// The live example ("" when the draft is not valid or no example could be derived).
    QString exampleText() const { return m_example; }
    /// The draft as it would be stored: its example is the live example.
    naming::Convention conventionToSave() const;

    /// Loads a preset ("heap", "segment", "snake_case") into the draft.
    void loadPreset(const QString &id);
    /// Writes every part in `casing` (separators and allowed values follow).
    void setCasingForAll(naming::Casing casing);

  signals:
    void saveRequested(const naming::Convention &convention);
    /// Back to the default (heap): the workspace stores no convention.
    void resetRequested();
    void modifiedChanged(bool modified);

  private:
    QWidget *buildSegmentsBox();
    QWidget *buildWordRulesBox();
    QWidget *buildExampleBox();
    void loadDraftIntoWidgets();
    void loadSegmentIntoForm();
    void refillSegmentList();
    void segmentEdited();
    void wordRulesEdited();
    void scheduleRefresh();
    void refresh();
    int currentSegment() const;

    naming::Convention m_saved;
    naming::Convention m_draft;
    bool m_stored = false;
    bool m_readOnly = false;
    bool m_loading = false;
    QStringList m_catalogNames;
    QString m_example;
    bool m_lastModified = false;

    QComboBox *m_preset = nullptr;
    QComboBox *m_allCasing = nullptr;
    QLineEdit *m_id = nullptr;
    QLineEdit *m_name = nullptr;
    QListWidget *m_segments = nullptr;
    QToolButton *m_addSegment = nullptr;
    QToolButton *m_removeSegment = nullptr;
    QToolButton *m_upSegment = nullptr;
    QToolButton *m_downSegment = nullptr;
    QLineEdit *m_segLabel = nullptr;
    QComboBox *m_segRole = nullptr;
    QLineEdit *m_segSeparator = nullptr;
    QComboBox *m_segCasing = nullptr;
    QCheckBox *m_segOptional = nullptr;
    QLineEdit *m_segAllowed = nullptr;
    QLineEdit *m_segVerbs = nullptr;
    QComboBox *m_segTense = nullptr;
    QSpinBox *m_segMaxLength = nullptr;
    QLineEdit *m_segBlocked = nullptr;
    QSpinBox *m_maxLength = nullptr;
    QLineEdit *m_blocked = nullptr;
    QPlainTextEdit *m_acronyms = nullptr;
    QCheckBox *m_asciiOnly = nullptr;
    QCheckBox *m_digits = nullptr;
    QLineEdit *m_extraChars = nullptr;
    QLabel *m_pattern = nullptr;
    QLabel *m_exampleLabel = nullptr;
    QLabel *m_exampleState = nullptr;
    QLabel *m_problems = nullptr;
    QLabel *m_impact = nullptr;
    QLineEdit *m_tryName = nullptr;
    QLabel *m_tryResult = nullptr;
    QLabel *m_storedNote = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_revert = nullptr;
    QPushButton *m_reset = nullptr;
    QTimer *m_refreshTimer = nullptr;
};

} // namespace hindsight::ui
