#include "ui/views/stepeditor.h"

#include "ui/common/humanformat.h"
#include "ui/common/untrustedtext.h"
#include "ui/store/definitionjobs.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHash>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QRegularExpression>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace hindsight::ui {

using namespace definitions;

namespace {

QColor errorColor(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128 ? QColor(0xff, 0x7b, 0x72)
                                                             : QColor(0xc0, 0x1c, 0x28);
}

/// A line below a field: an error icon and the message in words, hidden while empty.
QWidget *makeErrorBox(QWidget *owner, QLabel **text)
{
    auto *box = new QWidget;
    auto *layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 2);
    layout->setSpacing(4);
    auto *icon = new QLabel;
    const int size = owner->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, owner) * 3 / 4;
    icon->setPixmap(
        owner->style()->standardIcon(QStyle::SP_MessageBoxCritical, nullptr, owner).pixmap(size, size));
    icon->setFixedSize(size, size);
    icon->setAccessibleName(QObject::tr("Error"));
    layout->addWidget(icon, 0, Qt::AlignTop);
    auto *label = new QLabel;
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette p = label->palette();
    p.setColor(QPalette::WindowText, errorColor(owner->palette()));
    label->setPalette(p);
    layout->addWidget(label, 1);
    box->hide();
    *text = label;
    return box;
}

QLabel *makeCountLabel()
{
    auto *label = new QLabel;
    label->setTextFormat(Qt::PlainText);
    label->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    label->setMinimumWidth(label->fontMetrics().horizontalAdvance(QStringLiteral("1,234,567")) + 4);
    QPalette p = label->palette();
    p.setColor(QPalette::WindowText, p.color(QPalette::PlaceholderText));
    label->setPalette(p);
    return label;
}

void fillTextModes(QComboBox *box, bool url)
{
    box->addItem(QObject::tr("is"), static_cast<int>(TextMatchMode::Exact));
    box->addItem(QObject::tr("contains"), static_cast<int>(TextMatchMode::Contains));
    box->addItem(QObject::tr("matches regex"), static_cast<int>(TextMatchMode::Regex));
    if (url) box->addItem(QObject::tr("matches wildcard"), static_cast<int>(TextMatchMode::Wildcard));
}

void selectData(QComboBox *box, int value)
{
    const int at = box->findData(value);
    box->setCurrentIndex(at >= 0 ? at : 0);
}

QString capitalised(QString text)
{
    if (!text.isEmpty()) text[0] = text[0].toUpper();
    return text;
}

} // namespace

StepEditor::StepEditor(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("stepEditor"));
    setFrameShape(QFrame::StyledPanel);
    setFrameShadow(QFrame::Raised);

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(10, 8, 10, 10);
    outer->setSpacing(6);

    auto *header = new QHBoxLayout;
    m_title = new QLabel;
    m_title->setObjectName(QStringLiteral("stepTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    header->addWidget(m_title);
    auto *hint = new QLabel(tr("all of these must hold"));
    hint->setTextFormat(Qt::PlainText);
    QPalette hintPalette = hint->palette();
    hintPalette.setColor(QPalette::WindowText, hintPalette.color(QPalette::PlaceholderText));
    hint->setPalette(hintPalette);
    header->addWidget(hint);
    header->addStretch(1);
    m_stepCount = new QLabel;
    m_stepCount->setObjectName(QStringLiteral("stepCount"));
    m_stepCount->setTextFormat(Qt::PlainText);
    m_stepCount->setAccessibleName(tr("Interactions this step matches"));
    header->addWidget(m_stepCount);
    m_remove = new QToolButton;
    m_remove->setObjectName(QStringLiteral("removeStepButton"));
    m_remove->setText(tr("Remove step"));
    m_remove->setToolTip(tr("Remove this step"));
    m_remove->setAccessibleName(tr("Remove step"));
    m_remove->setAutoRaise(true);
    header->addWidget(m_remove);
    connect(m_remove, &QToolButton::clicked, this, &StepEditor::removeRequested);
    outer->addLayout(header);

    m_stepErrorBox = makeErrorBox(this, &m_stepError);
    outer->addWidget(m_stepErrorBox);

    m_grid = new QGridLayout;
    m_grid->setHorizontalSpacing(8);
    m_grid->setVerticalSpacing(2);
    m_grid->setColumnStretch(1, 1);
    outer->addLayout(m_grid);

    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    auto addLabel = [this](int row, const QString &text, QWidget *buddy) {
        auto *label = new QLabel(text);
        label->setTextFormat(Qt::PlainText);
        label->setBuddy(buddy);
        m_grid->addWidget(label, row, 0, Qt::AlignLeft | Qt::AlignVCenter);
    };

    // Event types.
    m_events = new QLineEdit;
    m_events->setObjectName(QStringLiteral("eventsEdit"));
    m_events->setPlaceholderText(tr("any type (e.g. click, submit)"));
    m_events->setAccessibleName(tr("Event types"));
    m_events->setToolTip(tr("Event types, separated by commas; the interaction must be one of them"));
    addLabel(0, tr("&Type"), m_events);
    m_grid->addWidget(m_events, 0, 1);
    m_eventsNotes = addNotes(0);
    connect(m_events, &QLineEdit::textChanged, this, [this] {
        if (!m_loading) emit changed();
    });

    // Selector.
    auto *selectorBox = new QWidget;
    auto *selectorLayout = new QHBoxLayout(selectorBox);
    selectorLayout->setContentsMargins(0, 0, 0, 0);
    selectorLayout->setSpacing(2);
    m_selector = new QLineEdit;
    m_selector->setObjectName(QStringLiteral("selectorEdit"));
    m_selector->setFont(fixed);
    m_selector->setPlaceholderText(tr("CSS selector, e.g. button#checkout"));
    m_selector->setAccessibleName(tr("Selector"));
    m_selector->setToolTip(tr("A CSS selector the element (the target or one of its ancestors) must match"));
    selectorLayout->addWidget(m_selector, 1);
    m_alternatives = new QToolButton;
    m_alternatives->setObjectName(QStringLiteral("selectorAlternativesButton"));
    m_alternatives->setText(tr("Other…"));
    m_alternatives->setToolTip(tr("Other selectors that match the elements you selected"));
    m_alternatives->setAccessibleName(tr("Other selectors"));
    m_alternatives->setPopupMode(QToolButton::InstantPopup);
    m_alternativesMenu = new QMenu(m_alternatives);
    m_alternatives->setMenu(m_alternativesMenu);
    m_alternatives->hide();
    selectorLayout->addWidget(m_alternatives);
    addLabel(2, tr("&Selector"), m_selector);
    m_grid->addWidget(selectorBox, 2, 1);
    m_selectorNotes = addNotes(2);
    connect(m_selector, &QLineEdit::textChanged, this, [this] {
        if (!m_loading) emit changed();
    });

    m_text = addPatternRow(4, tr("Te&xt"), tr("Element text"), false);
    m_href = addPatternRow(6, tr("&Link"), tr("Link target (href)"), false);
    m_href.pattern->setFont(fixed);
    m_url = addPatternRow(8, tr("&Page"), tr("Page URL"), true);
    m_url.pattern->setFont(fixed);
    m_text.pattern->setPlaceholderText(tr("visible text of the element"));
    m_href.pattern->setPlaceholderText(tr("link target (href)"));
    m_url.pattern->setPlaceholderText(tr("e.g. /checkout or /product/*"));

    // Properties.
    auto *propertiesLabel = new QLabel(tr("Properties"));
    propertiesLabel->setTextFormat(Qt::PlainText);
    m_grid->addWidget(propertiesLabel, 10, 0, Qt::AlignLeft | Qt::AlignTop);
    auto *propertiesBox = new QWidget;
    m_propertyLayout = new QVBoxLayout(propertiesBox);
    m_propertyLayout->setContentsMargins(0, 0, 0, 0);
    m_propertyLayout->setSpacing(2);
    auto *addProperty = new QPushButton(tr("Add property filter"));
    addProperty->setObjectName(QStringLiteral("addPropertyButton"));
    addProperty->setAutoDefault(false);
    addProperty->setAccessibleName(tr("Add property filter"));
    m_propertyLayout->addWidget(addProperty, 0, Qt::AlignLeft);
    m_grid->addWidget(propertiesBox, 10, 1, 1, 2);
    connect(addProperty, &QPushButton::clicked, this, [this] {
        const int row = addPropertyRow();
        m_properties[static_cast<std::size_t>(row)].key->setFocus();
        emit changed();
    });

    setNumber(1);
}

StepEditor::~StepEditor() = default;

StepEditor::Notes StepEditor::addNotes(int gridRow)
{
    Notes notes;
    notes.count = makeCountLabel();
    notes.count->setToolTip(tr("Interactions in the time range that this row alone matches"));
    m_grid->addWidget(notes.count, gridRow, 2);
    notes.errorBox = makeErrorBox(this, &notes.error);
    m_grid->addWidget(notes.errorBox, gridRow + 1, 1, 1, 2);
    return notes;
}

StepEditor::PatternRow StepEditor::addPatternRow(int gridRow, const QString &label, const QString &accessible,
                                                 bool url)
{
    PatternRow row;
    auto *box = new QWidget;
    auto *layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    if (url) {
        row.scope = new QComboBox;
        row.scope->addItem(tr("path"), static_cast<int>(UrlScope::Path));
        row.scope->addItem(tr("full URL"), static_cast<int>(UrlScope::Full));
        row.scope->setAccessibleName(tr("%1: which part").arg(accessible));
        row.scope->setToolTip(tr("Compare the URL's path alone, or the whole URL"));
        layout->addWidget(row.scope);
        connect(row.scope, &QComboBox::currentIndexChanged, this, [this] {
            if (!m_loading) emit changed();
        });
    }
    row.mode = new QComboBox;
    fillTextModes(row.mode, url);
    row.mode->setAccessibleName(tr("%1: how to compare").arg(accessible));
    layout->addWidget(row.mode);
    row.pattern = new QLineEdit;
    row.pattern->setAccessibleName(accessible);
    layout->addWidget(row.pattern, 1);
    row.matchCase = new QCheckBox(tr("Aa"));
    row.matchCase->setChecked(true);
    row.matchCase->setToolTip(tr("Match case"));
    row.matchCase->setAccessibleName(tr("%1: match case").arg(accessible));
    layout->addWidget(row.matchCase);

    auto *title = new QLabel(label);
    title->setTextFormat(Qt::PlainText);
    title->setBuddy(row.pattern);
    m_grid->addWidget(title, gridRow, 0, Qt::AlignLeft | Qt::AlignVCenter);
    m_grid->addWidget(box, gridRow, 1);
    row.notes = addNotes(gridRow);
    auto notify = [this] {
        if (!m_loading) emit changed();
    };
    connect(row.mode, &QComboBox::currentIndexChanged, this, notify);
    connect(row.pattern, &QLineEdit::textChanged, this, notify);
    connect(row.matchCase, &QCheckBox::toggled, this, notify);
    return row;
}

void StepEditor::setNumber(int number)
{
    m_number = number;
    m_title->setText(tr("Step %1").arg(number));
    setAccessibleName(tr("Step %1").arg(number));
}

void StepEditor::setRemovable(bool removable)
{
    m_remove->setVisible(removable);
}

int StepEditor::addPropertyRow(const PropertyFilter &filter)
{
    PropertyRow row;
    row.box = new QWidget;
    auto *v = new QVBoxLayout(row.box);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(1);
    auto *h = new QHBoxLayout;
    h->setSpacing(4);
    row.key = new QLineEdit(QString::fromStdString(filter.key));
    row.key->setPlaceholderText(tr("property"));
    row.key->setAccessibleName(tr("Property name"));
    row.key->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    h->addWidget(row.key, 2);
    row.op = new QComboBox;
    const std::pair<PropertyOp, QString> ops[] = {
        {PropertyOp::Equals, tr("equals")},     {PropertyOp::NotEquals, tr("does not equal")},
        {PropertyOp::Contains, tr("contains")}, {PropertyOp::Regex, tr("matches regex")},
        {PropertyOp::IsSet, tr("is set")},      {PropertyOp::IsNotSet, tr("is not set")},
    };
    for (const auto &[op, text] : ops)
        row.op->addItem(text, static_cast<int>(op));
    selectData(row.op, static_cast<int>(filter.op));
    row.op->setAccessibleName(tr("Property comparison"));
    h->addWidget(row.op);
    row.value = new QLineEdit(QString::fromStdString(filter.value));
    row.value->setPlaceholderText(tr("value"));
    row.value->setAccessibleName(tr("Property value"));
    h->addWidget(row.value, 2);
    row.notes.count = makeCountLabel();
    row.notes.count->setToolTip(tr("Interactions in the time range that this filter alone matches"));
    h->addWidget(row.notes.count);
    row.remove = new QToolButton;
    row.remove->setText(tr("Remove"));
    row.remove->setAutoRaise(true);
    row.remove->setAccessibleName(tr("Remove property filter"));
    h->addWidget(row.remove);
    v->addLayout(h);
    row.notes.errorBox = makeErrorBox(this, &row.notes.error);
    v->addWidget(row.notes.errorBox);

    auto updateValueEnabled = [op = row.op, value = row.value] {
        const auto current = static_cast<PropertyOp>(op->currentData().toInt());
        value->setEnabled(current != PropertyOp::IsSet && current != PropertyOp::IsNotSet);
    };
    updateValueEnabled();
    auto notify = [this] {
        if (!m_loading) emit changed();
    };
    connect(row.key, &QLineEdit::textChanged, this, notify);
    connect(row.value, &QLineEdit::textChanged, this, notify);
    connect(row.op, &QComboBox::currentIndexChanged, this, [notify, updateValueEnabled] {
        updateValueEnabled();
        notify();
    });
    QWidget *box = row.box;
    connect(row.remove, &QToolButton::clicked, this, [this, box] {
        removePropertyRow(box);
        emit changed();
    });
    // Before the "Add property filter" button.
    m_propertyLayout->insertWidget(m_propertyLayout->count() - 1, row.box);
    m_properties.push_back(row);
    return static_cast<int>(m_properties.size()) - 1;
}

void StepEditor::removePropertyRow(QWidget *box)
{
    for (auto it = m_properties.begin(); it != m_properties.end(); ++it) {
        if (it->box != box) continue;
        m_properties.erase(it);
        box->hide();
        box->deleteLater();
        return;
    }
}

QLineEdit *StepEditor::propertyKeyEdit(int row) const
{
    return row >= 0 && row < propertyRowCount() ? m_properties[static_cast<std::size_t>(row)].key : nullptr;
}

QLineEdit *StepEditor::propertyValueEdit(int row) const
{
    return row >= 0 && row < propertyRowCount() ? m_properties[static_cast<std::size_t>(row)].value : nullptr;
}

void StepEditor::setStep(const Step &step)
{
    m_loading = true;
    QStringList types;
    for (const auto &t : step.eventTypes)
        types << QString::fromStdString(t);
    m_events->setText(types.join(QStringLiteral(", ")));
    m_selector->setText(step.selector ? QString::fromStdString(*step.selector) : QString());
    auto fill = [](PatternRow &row, const std::string *pattern, TextMatchMode mode, bool matchCase) {
        row.pattern->setText(pattern ? QString::fromStdString(*pattern) : QString());
        selectData(row.mode, static_cast<int>(pattern ? mode : TextMatchMode::Exact));
        row.matchCase->setChecked(pattern ? matchCase : true);
    };
    fill(m_text, step.text ? &step.text->pattern : nullptr,
         step.text ? step.text->mode : TextMatchMode::Exact, step.text ? step.text->caseSensitive : true);
    fill(m_href, step.href ? &step.href->pattern : nullptr,
         step.href ? step.href->mode : TextMatchMode::Exact, step.href ? step.href->caseSensitive : true);
    fill(m_url, step.url ? &step.url->pattern : nullptr, step.url ? step.url->mode : TextMatchMode::Exact,
         step.url ? step.url->caseSensitive : true);
    selectData(m_url.scope, static_cast<int>(step.url ? step.url->scope : UrlScope::Path));
    while (!m_properties.empty())
        removePropertyRow(m_properties.back().box);
    for (const PropertyFilter &filter : step.properties)
        addPropertyRow(filter);
    m_loading = false;
}

Step StepEditor::step() const
{
    Step step;
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    for (const QString &type : m_events->text().split(separators, Qt::SkipEmptyParts))
        step.eventTypes.push_back(type.toStdString());
    const QString selector = m_selector->text().trimmed();
    if (!selector.isEmpty()) step.selector = selector.toStdString();
    auto criterion = [](const PatternRow &row) -> std::optional<TextCriterion> {
        if (row.pattern->text().isEmpty()) return std::nullopt;
        return TextCriterion{row.pattern->text().toStdString(),
                             static_cast<TextMatchMode>(row.mode->currentData().toInt()),
                             row.matchCase->isChecked()};
    };
    step.text = criterion(m_text);
    step.href = criterion(m_href);
    if (const auto url = criterion(m_url))
        step.url = UrlCriterion{url->pattern, url->mode, url->caseSensitive,
                                static_cast<UrlScope>(m_url.scope->currentData().toInt())};
    for (const int at : includedPropertyRows())
        step.properties.push_back(propertyFilter(m_properties[static_cast<std::size_t>(at)]));
    return step;
}

PropertyFilter StepEditor::propertyFilter(const PropertyRow &row)
{
    PropertyFilter filter;
    filter.key = row.key->text().trimmed().toStdString();
    filter.op = static_cast<PropertyOp>(row.op->currentData().toInt());
    if (row.value->isEnabled()) filter.value = row.value->text().toStdString();
    return filter;
}

std::vector<int> StepEditor::includedPropertyRows() const
{
    std::vector<int> rows;
    for (std::size_t i = 0; i < m_properties.size(); ++i) {
        const PropertyFilter filter = propertyFilter(m_properties[i]);
        if (!filter.key.empty() || !filter.value.empty()) rows.push_back(static_cast<int>(i));
    }
    return rows;
}

bool StepEditor::isEmpty() const
{
    const Step s = step();
    return s.eventTypes.empty() && !s.selector && !s.text && !s.href && !s.url && s.properties.empty();
}

void StepEditor::setSelectorAlternatives(const std::vector<SelectorAlternative> &alternatives)
{
    m_alternativesMenu->clear();
    for (const SelectorAlternative &alternative : alternatives) {
        const QString selector = QString::fromStdString(alternative.selector);
        QAction *action =
            m_alternativesMenu->addAction(untrusted::line(selector, 80) + QStringLiteral("   — ") +
                                          untrusted::line(QString::fromStdString(alternative.reason), 60));
        action->setToolTip(untrusted::toolTip(selector));
        connect(action, &QAction::triggered, this, [this, selector] { m_selector->setText(selector); });
    }
    updateAlternativesButton();
}

void StepEditor::updateAlternativesButton()
{
    m_alternatives->setVisible(m_alternativesMenu->actions().size() > 1);
}

const StepEditor::Notes *StepEditor::notesFor(const QString &row) const
{
    return const_cast<StepEditor *>(this)->notesFor(row);
}

StepEditor::Notes *StepEditor::notesFor(const QString &row)
{
    if (row.startsWith(QLatin1String("events"))) return &m_eventsNotes;
    if (row.startsWith(QLatin1String("selector"))) return &m_selectorNotes;
    if (row.startsWith(QLatin1String("text"))) return &m_text.notes;
    if (row.startsWith(QLatin1String("href"))) return &m_href.notes;
    if (row.startsWith(QLatin1String("url"))) return &m_url.notes;
    static const QRegularExpression property(QStringLiteral("^properties\\[(\\d+)\\]"));
    const auto match = property.match(row);
    if (match.hasMatch()) {
        // The index is into step().properties, which leaves empty rows out.
        const std::vector<int> rows = includedPropertyRows();
        const int at = match.captured(1).toInt();
        if (at >= 0 && at < static_cast<int>(rows.size()))
            return &m_properties[static_cast<std::size_t>(rows[static_cast<std::size_t>(at)])].notes;
    }
    return nullptr;
}

void StepEditor::setNote(Notes &notes, const QString &message)
{
    notes.error->setText(message);
    notes.errorBox->setVisible(!message.isEmpty());
}

void StepEditor::setIssues(const QList<QPair<QString, QString>> &issues)
{
    QStringList stepMessages;
    QHash<Notes *, QStringList> messages;
    for (const auto &[path, message] : issues) {
        Notes *notes = path.isEmpty() ? nullptr : notesFor(path);
        if (notes)
            messages[notes] << capitalised(message);
        else
            stepMessages << capitalised(message);
    }
    auto apply = [&](Notes &notes) {
        const QString text = messages.value(&notes).join(QLatin1Char('\n'));
        setNote(notes, text);
        if (!text.isEmpty()) notes.count->clear(); // a count for what it was before would mislead
    };
    apply(m_eventsNotes);
    apply(m_selectorNotes);
    apply(m_text.notes);
    apply(m_href.notes);
    apply(m_url.notes);
    for (PropertyRow &row : m_properties)
        apply(row.notes);
    m_stepError->setText(stepMessages.join(QLatin1Char('\n')));
    m_stepErrorBox->setVisible(!stepMessages.isEmpty());
}

QString StepEditor::issueText(const QString &row) const
{
    if (row == QLatin1String("step")) return m_stepErrorBox->isHidden() ? QString() : m_stepError->text();
    const Notes *notes = notesFor(row);
    return notes && !notes->errorBox->isHidden() ? notes->error->text() : QString();
}

void StepEditor::setRowCounts(const StepRowCounts *counts)
{
    auto show = [](Notes &notes, qint64 value, bool pending) {
        notes.count->setText(pending ? QStringLiteral("…") : value < 0 ? QString() : formatCount(value));
    };
    const bool pending = counts == nullptr;
    const Step current = step();
    show(m_eventsNotes, counts ? counts->events : -1, pending && !current.eventTypes.empty());
    show(m_selectorNotes, counts ? counts->selector : -1, pending && current.selector.has_value());
    show(m_text.notes, counts ? counts->text : -1, pending && current.text.has_value());
    show(m_href.notes, counts ? counts->href : -1, pending && current.href.has_value());
    show(m_url.notes, counts ? counts->url : -1, pending && current.url.has_value());
    for (PropertyRow &row : m_properties)
        show(row.notes, -1, false);
    const std::vector<int> rows = includedPropertyRows();
    for (std::size_t k = 0; k < rows.size(); ++k) {
        const qint64 value = counts && k < counts->properties.size() ? counts->properties[k] : -1;
        show(m_properties[static_cast<std::size_t>(rows[k])].notes, value, pending);
    }
    if (!counts || counts->step < 0)
        m_stepCount->setText(pending && !isEmpty() ? tr("counting…") : QString());
    else
        m_stepCount->setText(tr("%1 interactions").arg(formatCount(counts->step)));
}

QString StepEditor::countText(const QString &row) const
{
    if (row == QLatin1String("step")) return m_stepCount->text();
    const Notes *notes = notesFor(row);
    return notes ? notes->count->text() : QString();
}

} // namespace hindsight::ui
