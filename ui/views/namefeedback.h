#pragma once

#include "ui/store/definitionjobs.h"

#include <QString>
#include <QWidget>
#include <memory>
#include <optional>

class QLabel;
class QPushButton;

namespace hindsight::naming {
class NameLinter;
}

namespace hindsight::ui {

class AnalysisService;

/// Inline feedback on a definition's name against the workspace's naming convention (the one
/// `hindsight convention` stores, the heap preset when none): a tick and "Follows the naming
/// convention", or an amber note with what is wrong and the suggested name as a one-click
/// button. The convention is read on the analysis thread (reloadConvention()); names are then
/// checked with the cached linter as they are typed.
class NameFeedback : public QWidget
{
    Q_OBJECT

  public:
    enum class State {
        Waiting,    ///< the convention is being read
        Empty,      ///< no name yet: shows the pattern and an example
        Clean,      ///< the name follows the convention
        Violations, ///< it does not (message(), maybe suggestion())
    };

    explicit NameFeedback(AnalysisService *analysis, QWidget *parent = nullptr);
    ~NameFeedback() override;

    /// Reads the workspace's convention again (asynchronously; the name is checked again then).
    void reloadConvention();
    /// Checks `name` (at once when the convention is known).
    void setName(const QString &name);
    /// What the definition is about (its criteria): when the linter cannot mend a name (a part
    /// of the pattern is missing), the suggestion is made from these instead.
    void setHints(const std::optional<NameHints> &hints);

    State state() const { return m_state; }
    /// What the note says.
    QString message() const;
    /// The conforming name the button offers ("" when none).
    QString suggestion() const { return m_suggestion; }
    QPushButton *suggestionButton() const { return m_button; }
    /// The convention's pattern ("Category - Action Object"), once read.
    QString conventionPattern() const { return m_pattern; }
    /// The linter of the workspace's convention (nullptr until read).
    std::shared_ptr<const naming::NameLinter> linter() const { return m_linter; }

  signals:
    /// The user clicked the suggested name.
    void suggestionChosen(const QString &name);
    /// The convention has been read (state() is current).
    void conventionLoaded();

  protected:
    void changeEvent(QEvent *event) override;

  private:
    void refresh();
    void show(State state, const QString &text, const QString &toolTip);

    AnalysisService *m_analysis;
    std::shared_ptr<const naming::NameLinter> m_linter;
    QString m_pattern;
    QString m_example;
    QString m_conventionNote;
    QString m_name;
    QString m_suggestion;
    std::optional<NameHints> m_hints;
    State m_state = State::Waiting;
    QLabel *m_icon = nullptr;
    QLabel *m_text = nullptr;
    QPushButton *m_button = nullptr;
};

} // namespace hindsight::ui
