#include "ui/views/interactionfilterbar.h"

#include "core/definitions/selector.h"
#include "ui/common/humanformat.h"
#include "ui/common/studioicons.h"
#include "ui/common/untrustedtext.h"

#include <QAction>
#include <QCompleter>
#include <QFontDatabase>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QStringListModel>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace hindsight::ui {

namespace {

constexpr int kDebounceMs = 300;

QString placeholderOf(InteractionFilterBar::Kind kind)
{
    using Kind = InteractionFilterBar::Kind;
    switch (kind) {
    case Kind::Type:
        return InteractionFilterBar::tr("click, submit");
    case Kind::Page:
        return InteractionFilterBar::tr("/product/*");
    case Kind::Text:
        return InteractionFilterBar::tr("text contains…");
    case Kind::Selector:
        return InteractionFilterBar::tr("button.buy");
    case Kind::Person:
        return InteractionFilterBar::tr("distinct id");
    case Kind::Session:
        return InteractionFilterBar::tr("session id");
    }
    return {};
}

QString toolTipOf(InteractionFilterBar::Kind kind)
{
    using Kind = InteractionFilterBar::Kind;
    switch (kind) {
    case Kind::Type:
        return InteractionFilterBar::tr("Event types, separated by commas (any of them)");
    case Kind::Page:
        return InteractionFilterBar::tr(
            "The page path contains this (any case); with * the whole path must match, as in /product/*");
    case Kind::Text:
        return InteractionFilterBar::tr("The element's text contains this (any case). With a selector, the "
                                        "text of the element the selector picks.");
    case Kind::Selector:
        return InteractionFilterBar::tr(
            "A CSS selector matching the target or one of its ancestors, as in a definition");
    case Kind::Person:
        return InteractionFilterBar::tr(
            "A distinct id: every interaction of that person, under any of their linked ids");
    case Kind::Session:
        return InteractionFilterBar::tr("A session id: the interactions of that session");
    }
    return {};
}

std::string utf8(const QString &text)
{
    return text.toStdString();
}

} // namespace

QString InteractionFilterBar::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Type:
        return tr("Type");
    case Kind::Page:
        return tr("Page");
    case Kind::Text:
        return tr("Text");
    case Kind::Selector:
        return tr("Selector");
    case Kind::Person:
        return tr("Person");
    case Kind::Session:
        return tr("Session");
    }
    return {};
}

InteractionFilterBar::InteractionFilterBar(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("interactionFilterBar"));
    setAccessibleName(tr("Filters"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(8, 4, 8, 4);
    outer->setSpacing(2);
    auto *row = new QHBoxLayout;
    row->setSpacing(6);
    outer->addLayout(row);

    m_add = new QToolButton;
    m_add->setObjectName(QStringLiteral("addFilterButton"));
    m_add->setText(tr("Add filter"));
    m_add->setAccessibleName(tr("Add filter"));
    m_add->setToolTip(tr("Filter the interactions by type, page, text, selector, person or session"));
    m_add->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_add->setPopupMode(QToolButton::InstantPopup);
    m_addMenu = new QMenu(m_add);
    for (int k = 0; k < kKinds; ++k) {
        const Kind kind = static_cast<Kind>(k);
        QAction *action = m_addMenu->addAction(kindName(kind));
        action->setData(k);
        action->setToolTip(toolTipOf(kind));
        connect(action, &QAction::triggered, this, [this, kind] { setChip(kind, QString(), true); });
    }
    m_add->setMenu(m_addMenu);
    row->addWidget(m_add);

    m_chipLayout = new QHBoxLayout;
    m_chipLayout->setSpacing(6);
    row->addLayout(m_chipLayout);

    m_hint = new QLabel(tr("No filters: every interaction, newest first"));
    m_hint->setObjectName(QStringLiteral("filterHint"));
    m_hint->setTextFormat(Qt::PlainText);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    row->addWidget(m_hint);
    row->addStretch(1);

    m_clear = new QToolButton;
    m_clear->setObjectName(QStringLiteral("clearFiltersButton"));
    m_clear->setText(tr("Clear filters"));
    m_clear->setAccessibleName(tr("Clear filters"));
    m_clear->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_clear->setAutoRaise(true);
    m_clear->hide();
    connect(m_clear, &QToolButton::clicked, this, &InteractionFilterBar::clearAll);
    row->addWidget(m_clear);

    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("filterMessage"));
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->hide();
    outer->addWidget(m_message);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &InteractionFilterBar::applyNow);
}

void InteractionFilterBar::createChip(Kind kind)
{
    Chip &c = chip(kind);
    c.frame = new QFrame;
    c.frame->setObjectName(QStringLiteral("filterChip%1").arg(static_cast<int>(kind)));
    c.frame->setFrameShape(QFrame::StyledPanel);
    c.frame->setAutoFillBackground(true);
    c.frame->setBackgroundRole(QPalette::AlternateBase);
    auto *layout = new QHBoxLayout(c.frame);
    layout->setContentsMargins(6, 1, 2, 1);
    layout->setSpacing(4);
    c.name = new QLabel(kindName(kind) + QLatin1Char(':'));
    c.name->setTextFormat(Qt::PlainText);
    layout->addWidget(c.name);
    c.edit = new QLineEdit;
    c.edit->setObjectName(QStringLiteral("filterField%1").arg(static_cast<int>(kind)));
    c.edit->setAccessibleName(tr("%1 filter").arg(kindName(kind)));
    c.edit->setPlaceholderText(placeholderOf(kind));
    c.edit->setToolTip(toolTipOf(kind));
    c.edit->setFrame(false);
    c.edit->setClearButtonEnabled(false);
    c.edit->setMinimumWidth(kind == Kind::Type ? 90 : 120);
    if (kind == Kind::Selector || kind == Kind::Page || kind == Kind::Session)
        c.edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    if (kind == Kind::Type) {
        auto *completer = new QCompleter(m_knownTypes, c.edit);
        completer->setCaseSensitivity(Qt::CaseInsensitive);
        c.edit->setCompleter(completer);
    }
    layout->addWidget(c.edit, 1);
    c.status = new QLabel;
    c.status->setObjectName(QStringLiteral("filterStatus%1").arg(static_cast<int>(kind)));
    c.status->setTextFormat(Qt::PlainText);
    c.status->setForegroundRole(QPalette::PlaceholderText);
    c.status->hide();
    layout->addWidget(c.status);
    c.remove = new QToolButton;
    c.remove->setObjectName(QStringLiteral("removeFilter%1").arg(static_cast<int>(kind)));
    c.remove->setIcon(StudioIcons::icon(StudioIcons::Glyph::Cancel));
    c.remove->setAutoRaise(true);
    c.remove->setAccessibleName(tr("Remove the %1 filter").arg(kindName(kind).toLower()));
    c.remove->setToolTip(tr("Remove this filter"));
    layout->addWidget(c.remove);
    connect(c.remove, &QToolButton::clicked, this, [this, kind] { removeChip(kind); });
    connect(c.edit, &QLineEdit::textEdited, this, [this, kind] {
        if (kind == Kind::Selector) validateSelector();
        m_debounce->start();
    });
    connect(c.edit, &QLineEdit::returnPressed, this, &InteractionFilterBar::applyNow);
    m_chipLayout->addWidget(c.frame, kind == Kind::Type ? 0 : 1);
}

void InteractionFilterBar::setChip(Kind kind, const QString &value, bool focus)
{
    if (!chip(kind).frame) createChip(kind);
    Chip &c = chip(kind);
    if (!value.isEmpty() || !c.edit->text().isEmpty()) {
        if (!value.isEmpty()) c.edit->setText(value);
        if (kind == Kind::Selector) validateSelector();
    }
    updateAddMenu();
    if (focus) {
        c.edit->setFocus(Qt::OtherFocusReason);
        c.edit->selectAll();
    }
    if (!value.isEmpty()) applyNow();
}

void InteractionFilterBar::removeChip(Kind kind)
{
    Chip &c = chip(kind);
    if (!c.frame) return;
    const bool wasApplied = !c.applied.isEmpty();
    c.frame->deleteLater();
    c = Chip();
    if (kind == Kind::Selector) {
        m_selectorInvalid = false;
        m_message->hide();
        m_message->clear();
        if (wasApplied) emit selectorApplied(QString());
    }
    updateAddMenu();
    if (wasApplied) emit filterChanged();
}

void InteractionFilterBar::clearAll()
{
    bool changed = false;
    for (int k = 0; k < kKinds; ++k) {
        Chip &c = m_chips[static_cast<std::size_t>(k)];
        if (!c.frame) continue;
        changed = changed || !c.applied.isEmpty();
        c.frame->deleteLater();
        c = Chip();
    }
    m_selectorInvalid = false;
    m_message->hide();
    m_message->clear();
    updateAddMenu();
    if (changed) emit filterChanged();
}

bool InteractionFilterBar::hasChip(Kind kind) const
{
    return chip(kind).frame != nullptr;
}

QLineEdit *InteractionFilterBar::field(Kind kind) const
{
    return chip(kind).edit;
}

QString InteractionFilterBar::chipStatus(Kind kind) const
{
    const Chip &c = chip(kind);
    return c.status && !c.status->isHidden() ? c.status->text() : QString();
}

QString InteractionFilterBar::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void InteractionFilterBar::setInvalidLook(bool invalid)
{
    Chip &c = chip(Kind::Selector);
    if (!c.frame) return;
    QPalette palette = this->palette();
    if (invalid) {
        // Red, mixed into the palette's base so that it reads in light and dark themes; the word
        // "invalid" and the reason under the bar say the same without colour.
        const QColor base = palette.color(QPalette::Base);
        const QColor red(220, 50, 47);
        const QColor mixed = QColor::fromRgbF(base.redF() * 0.75 + red.redF() * 0.25,
                                              base.greenF() * 0.75 + red.greenF() * 0.25,
                                              base.blueF() * 0.75 + red.blueF() * 0.25);
        palette.setColor(QPalette::AlternateBase, mixed);
        palette.setColor(QPalette::Base, mixed);
    }
    c.frame->setPalette(palette);
    c.edit->setPalette(palette);
}

void InteractionFilterBar::validateSelector()
{
    Chip &c = chip(Kind::Selector);
    if (!c.frame) return;
    const QString text = c.edit->text().trimmed();
    definitions::SelectorError error;
    const bool valid = text.isEmpty() || definitions::Selector::parse(utf8(text), &error).has_value();
    m_selectorInvalid = !valid;
    setInvalidLook(!valid);
    if (valid) {
        m_message->hide();
        m_message->clear();
        c.edit->setAccessibleDescription(QString());
        c.status->setVisible(!text.isEmpty() && text == c.applied);
        return;
    }
    c.status->setText(tr("invalid"));
    c.status->setToolTip(QString());
    c.status->show();
    const QString reason = tr("Selector: %1 (at position %2). The table still shows the last valid filter.")
                               .arg(untrusted::line(error.reason, untrusted::kDetailChars))
                               .arg(error.position + 1);
    m_message->setText(QStringLiteral("✕ ") + reason);
    QPalette p = m_message->palette();
    p.setColor(QPalette::WindowText, QColor(200, 40, 40));
    m_message->setPalette(p);
    m_message->show();
    c.edit->setAccessibleDescription(reason);
}

void InteractionFilterBar::applyNow()
{
    m_debounce->stop();
    bool changed = false;
    QString appliedSelector;
    bool selectorChanged = false;
    for (int k = 0; k < kKinds; ++k) {
        const Kind kind = static_cast<Kind>(k);
        Chip &c = chip(kind);
        if (!c.frame) continue;
        const QString value = c.edit->text().trimmed();
        if (kind == Kind::Selector && m_selectorInvalid) continue; // keep the last valid one
        if (value == c.applied) continue;
        c.applied = value;
        changed = true;
        if (kind == Kind::Selector) {
            selectorChanged = true;
            appliedSelector = value;
            c.status->setText(value.isEmpty() ? QString() : tr("counting…"));
            c.status->setToolTip(QString());
            c.status->setVisible(!value.isEmpty());
        }
    }
    if (!changed) return;
    m_hint->setVisible(!isActive() && !m_selectorInvalid);
    m_clear->setVisible(hasChip(Kind::Type) || hasChip(Kind::Page) || hasChip(Kind::Text) ||
                        hasChip(Kind::Selector) || hasChip(Kind::Person) || hasChip(Kind::Session));
    if (selectorChanged) emit selectorApplied(appliedSelector);
    emit filterChanged();
}

void InteractionFilterBar::updateAddMenu()
{
    bool any = false;
    for (QAction *action : m_addMenu->actions()) {
        const bool shown = hasChip(static_cast<Kind>(action->data().toInt()));
        action->setEnabled(!shown);
        any = any || shown;
    }
    m_hint->setVisible(!any);
    m_clear->setVisible(any);
}

definitions::BrowseFilter InteractionFilterBar::filter() const
{
    definitions::BrowseFilter f;
    const QString types = chip(Kind::Type).applied;
    for (const QString &t : types.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString type = t.trimmed();
        if (!type.isEmpty()) f.eventTypes.push_back(utf8(type));
    }
    f.page = utf8(chip(Kind::Page).applied);
    f.text = utf8(chip(Kind::Text).applied);
    f.selector = utf8(chip(Kind::Selector).applied);
    f.person = utf8(chip(Kind::Person).applied);
    f.session = utf8(chip(Kind::Session).applied);
    return f;
}

bool InteractionFilterBar::isActive() const
{
    for (const Chip &c : m_chips)
        if (c.frame && !c.applied.isEmpty()) return true;
    return false;
}

void InteractionFilterBar::setSelectorMatches(const QString &selector, qint64 matches)
{
    Chip &c = chip(Kind::Selector);
    if (!c.frame || selector != c.applied || selector.isEmpty() || m_selectorInvalid) return;
    if (matches < 0) {
        c.status->setText(tr("counting…"));
    } else {
        c.status->setText(matches == 1 ? tr("1 match") : tr("%1 matches").arg(formatCount(matches)));
        c.status->setToolTip(tr("Interactions in the time range that this selector matches, by itself"));
    }
    c.status->show();
}

void InteractionFilterBar::setKnownTypes(const QStringList &types)
{
    m_knownTypes = types;
    if (QLineEdit *edit = field(Kind::Type))
        if (auto *model = qobject_cast<QStringListModel *>(edit->completer()->model()))
            model->setStringList(types);
}

} // namespace hindsight::ui
