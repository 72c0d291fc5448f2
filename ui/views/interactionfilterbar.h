#pragma once

#include "core/definitions/interactionbrowse.h"

#include <QString>
#include <QStringList>
#include <QWidget>
#include <array>

class QFrame;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QMenu;
class QTimer;
class QToolButton;

namespace hindsight::ui {

/// The filter bar above the interactions table: a removable chip per filter (type, page, text,
/// selector, person, session), each with a field to edit. Typing applies the filter after a short
/// pause (Enter applies it at once). The selector chip is validated as it is typed, with the pure
/// parser (core/definitions/selector.h, no store access): while it does not parse the chip turns
/// red, the reason is shown under the bar and the table keeps its previous rows; once it parses
/// the chip shows how many interactions it matches (setSelectorMatches). The time range is not
/// a chip: it comes from the shared range of the top bar.
class InteractionFilterBar : public QWidget
{
    Q_OBJECT

  public:
    enum class Kind { Type, Page, Text, Selector, Person, Session };
    static constexpr int kKinds = 6;

    explicit InteractionFilterBar(QWidget *parent = nullptr);

    /// Shows the chip of `kind` (adding it when absent) with `value`, applied at once when
    /// `value` is not empty; with `focus` its field gets the keyboard focus.
    void setChip(Kind kind, const QString &value, bool focus = false);
    /// Removes the chip of `kind` (and its filter).
    void removeChip(Kind kind);
    /// Removes every chip.
    void clearAll();
    bool hasChip(Kind kind) const;
    /// The chip's field (nullptr when the chip is not shown), for tests and focus.
    QLineEdit *field(Kind kind) const;
    /// The chip's status text ("1,234 matches", "invalid").
    QString chipStatus(Kind kind) const;
    /// The message under the bar (the invalid selector's reason), empty when none.
    QString message() const;
    /// True while the selector chip holds a selector that does not parse.
    bool isSelectorInvalid() const { return m_selectorInvalid; }

    /// The applied filter (time range left open): chips with a valid, non-empty value.
    definitions::BrowseFilter filter() const;
    /// True when any chip is applied.
    bool isActive() const;

    /// The count for the applied selector (-1 = counting); ignored when `selector` is no longer
    /// the applied one.
    void setSelectorMatches(const QString &selector, qint64 matches);
    /// Event types offered while typing in the type chip.
    void setKnownTypes(const QStringList &types);

    static QString kindName(Kind kind);

  signals:
    /// The applied filter changed (debounced while typing).
    void filterChanged();
    /// A valid selector was applied (or removed: empty); the view counts its matches.
    void selectorApplied(const QString &selector);

  private:
    struct Chip
    {
        QFrame *frame = nullptr;
        QLabel *name = nullptr;
        QLineEdit *edit = nullptr;
        QLabel *status = nullptr;
        QToolButton *remove = nullptr;
        QString applied;
    };

    Chip &chip(Kind kind) { return m_chips[static_cast<std::size_t>(kind)]; }
    const Chip &chip(Kind kind) const { return m_chips[static_cast<std::size_t>(kind)]; }
    void createChip(Kind kind);
    void validateSelector();
    void applyNow();
    void updateAddMenu();
    void setInvalidLook(bool invalid);

    std::array<Chip, kKinds> m_chips;
    QHBoxLayout *m_chipLayout = nullptr;
    QToolButton *m_add = nullptr;
    QMenu *m_addMenu = nullptr;
    QToolButton *m_clear = nullptr;
    QLabel *m_hint = nullptr;
    QLabel *m_message = nullptr;
    QTimer *m_debounce = nullptr;
    QStringList m_knownTypes;
    bool m_selectorInvalid = false;
};

} // namespace hindsight::ui
