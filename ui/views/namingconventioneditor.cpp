#include "ui/views/namingconventioneditor.h"

#include "core/naming/acronymlist.h"
#include "core/naming/caseformatter.h"
#include "core/naming/cataloglinter.h"
#include "core/naming/conventionpresets.h"
#include "core/naming/namelinter.h"
#include "core/naming/verbtable.h"
#include "core/naming/wordsplitter.h"
#include "ui/common/untrustedtext.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <optional>

namespace hindsight::ui {

using naming::Casing;
using naming::Convention;
using naming::Segment;
using naming::SegmentRole;
using naming::Tense;

namespace {

QString qs(const std::string &text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

QString qs(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

/// "Cart, Checkout" -> {"Cart", "Checkout"} (trimmed, empty entries dropped).
std::vector<std::string> splitList(const QString &text)
{
    std::vector<std::string> out;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString trimmed = part.trimmed();
        if (!trimmed.isEmpty()) out.push_back(trimmed.toStdString());
    }
    return out;
}

QString joinList(const std::vector<std::string> &values)
{
    QStringList out;
    for (const auto &v : values)
        out << qs(v);
    return out.join(QStringLiteral(", "));
}

QLabel *plainLabel(const char *objectName)
{
    auto *label = new QLabel;
    label->setObjectName(QString::fromLatin1(objectName));
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QString roleTitle(SegmentRole role)
{
    switch (role) {
    case SegmentRole::Free:
        return NamingConventionEditor::tr("Free words");
    case SegmentRole::Category:
        return NamingConventionEditor::tr("Category (where)");
    case SegmentRole::Object:
        return NamingConventionEditor::tr("Object (what)");
    case SegmentRole::Action:
        return NamingConventionEditor::tr("Action (verb)");
    }
    return {};
}

QString tenseTitle(Tense tense)
{
    switch (tense) {
    case Tense::Any:
        return NamingConventionEditor::tr("Any tense");
    case Tense::Present:
        return NamingConventionEditor::tr("Present (“Submit”)");
    case Tense::Past:
        return NamingConventionEditor::tr("Past (“Submitted”)");
    }
    return {};
}

/// The words a part of the live example is built from when the convention's own example does
/// not fit the draft.
std::string placeholderFor(const Segment &segment)
{
    if (!segment.allowedValues.empty()) return segment.allowedValues.front();
    switch (segment.role) {
    case SegmentRole::Category:
        return "cart";
    case SegmentRole::Object:
        return "purchase form";
    case SegmentRole::Free:
        return "signup";
    case SegmentRole::Action:
        break;
    }
    std::string base = segment.verbs.empty() ? std::string("submit") : segment.verbs.front();
    if (const auto slash = base.find('/'); slash != std::string::npos) {
        if (segment.tense == Tense::Past) {
            // "write/wrote/written": the last form is the participle.
            return base.substr(base.rfind('/') + 1);
        }
        base = base.substr(0, slash);
    }
    if (segment.tense != Tense::Past) return base;
    const auto &verbs = naming::VerbTable::builtin();
    if (const auto i = verbs.find(base)) return verbs.verb(*i).participle;
    return naming::VerbTable::regularPast(base);
}

/// A name built from the parts of `convention`, each in its casing.
std::string placeholderName(const Convention &convention)
{
    const naming::AcronymList acronyms(convention.acronyms);
    const naming::WordSplitter splitter(acronyms);
    const naming::CaseFormatter formatter(acronyms);
    std::string out;
    for (std::size_t i = 0; i < convention.segments.size(); ++i) {
        const Segment &s = convention.segments[i];
        if (i > 0) out += s.separator;
        out += formatter.join(splitter.words(placeholderFor(s)), s.casing);
    }
    return out;
}

/// A name that follows `linter`'s convention, derived from `seed` when it can be.
std::optional<std::string> exampleFor(const naming::NameLinter &linter, const std::vector<std::string> &seeds)
{
    for (const std::string &seed : seeds) {
        if (seed.empty()) continue;
        const auto check = linter.check(seed);
        if (check.clean()) return seed;
        if (check.suggestion && linter.check(*check.suggestion).clean()) return check.suggestion;
    }
    return std::nullopt;
}

/// Every part written in `casing` from now on: its allowed values re-spelled, and a separator
/// that was the old casing's word joiner becomes the new one's.
void recase(Segment &segment, Casing casing, const naming::AcronymList &acronyms, bool fusedBefore)
{
    const naming::WordSplitter splitter(acronyms);
    const naming::CaseFormatter formatter(acronyms);
    if (fusedBefore) segment.separator = std::string(naming::casingJoiner(casing));
    segment.casing = casing;
    for (auto &value : segment.allowedValues)
        value = formatter.join(splitter.words(value), casing);
}

} // namespace

NamingConventionEditor::NamingConventionEditor(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("namingConventionEditor"));
    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(60);
    connect(m_refreshTimer, &QTimer::timeout, this, &NamingConventionEditor::refresh);

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    outer->addWidget(scroll);
    auto *content = new QWidget;
    scroll->setWidget(content);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(10);

    // Where the draft starts from, and the casing of every part at once.
    auto *top = new QHBoxLayout;
    auto *presetLabel = new QLabel(tr("Start from a preset:"));
    m_preset = new QComboBox;
    m_preset->setObjectName(QStringLiteral("namingPresetCombo"));
    m_preset->setAccessibleName(tr("Start from a preset"));
    m_preset->addItem(tr("Choose…"), QString());
    for (const auto &id : naming::conventionPresetIds()) {
        const auto preset = naming::conventionPreset(id);
        m_preset->addItem(tr("%1 — %2").arg(qs(preset->name), qs(preset->pattern())), qs(id));
    }
    presetLabel->setBuddy(m_preset);
    connect(m_preset, &QComboBox::activated, this, [this](int index) {
        const QString id = m_preset->itemData(index).toString();
        if (!id.isEmpty()) loadPreset(id);
        const QSignalBlocker block(m_preset);
        m_preset->setCurrentIndex(0);
    });
    auto *casingLabel = new QLabel(tr("Casing of every part:"));
    m_allCasing = new QComboBox;
    m_allCasing->setObjectName(QStringLiteral("namingAllCasingCombo"));
    m_allCasing->setAccessibleName(tr("Casing of every part"));
    for (const Casing c : naming::allCasings())
        m_allCasing->addItem(qs(naming::casingName(c)), static_cast<int>(c));
    m_allCasing->addItem(tr("Mixed"), -1);
    casingLabel->setBuddy(m_allCasing);
    connect(m_allCasing, &QComboBox::activated, this, [this](int index) {
        const int c = m_allCasing->itemData(index).toInt();
        if (c >= 0) setCasingForAll(static_cast<Casing>(c));
    });
    top->addWidget(presetLabel);
    top->addWidget(m_preset);
    top->addSpacing(16);
    top->addWidget(casingLabel);
    top->addWidget(m_allCasing);
    top->addStretch(1);
    layout->addLayout(top);

    layout->addWidget(buildExampleBox());
    auto *columns = new QHBoxLayout;
    columns->addWidget(buildSegmentsBox(), 3);
    columns->addWidget(buildWordRulesBox(), 2);
    layout->addLayout(columns);

    // Saving.
    auto *buttons = new QHBoxLayout;
    m_storedNote = plainLabel("namingConventionStoredNote");
    m_save = new QPushButton(tr("Save as the workspace's convention"));
    m_save->setObjectName(QStringLiteral("namingSaveConventionButton"));
    m_save->setToolTip(tr("Store this convention in the workspace; the review and 'hindsight lint' check "
                          "against it (Ctrl+S). Undo with Ctrl+Z."));
    m_save->setDefault(true);
    m_revert = new QPushButton(tr("Revert"));
    m_revert->setObjectName(QStringLiteral("namingRevertConventionButton"));
    m_revert->setToolTip(tr("Throw the draft away and show the saved convention again"));
    m_reset = new QPushButton(tr("Use the default (Heap)"));
    m_reset->setObjectName(QStringLiteral("namingResetConventionButton"));
    m_reset->setToolTip(tr("The workspace stores no convention and uses the Heap preset"));
    buttons->addWidget(m_storedNote, 1);
    buttons->addWidget(m_reset);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_save);
    layout->addLayout(buttons);
    layout->addStretch(1);

    auto *saveAction = new QAction(tr("Save convention"), this);
    saveAction->setShortcut(QKeySequence::Save);
    saveAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(saveAction);
    connect(saveAction, &QAction::triggered, m_save, &QPushButton::click);
    connect(m_save, &QPushButton::clicked, this, [this] {
        if (m_save->isEnabled()) emit saveRequested(conventionToSave());
    });
    connect(m_revert, &QPushButton::clicked, this, [this] {
        m_draft = m_saved;
        loadDraftIntoWidgets();
    });
    connect(m_reset, &QPushButton::clicked, this, &NamingConventionEditor::resetRequested);

    setConvention(*naming::conventionPreset("heap"), false);
}

QWidget *NamingConventionEditor::buildExampleBox()
{
    auto *box = new QGroupBox(tr("Live example"));
    box->setObjectName(QStringLiteral("namingExampleBox"));
    auto *form = new QFormLayout(box);
    m_pattern = plainLabel("namingPatternLabel");
    m_exampleLabel = plainLabel("namingExampleLabel");
    QFont big = m_exampleLabel->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_exampleLabel->setFont(big);
    m_exampleLabel->setAccessibleName(tr("A name that follows the convention"));
    m_exampleState = plainLabel("namingExampleState");
    m_problems = plainLabel("namingConventionProblems");
    m_problems->setVisible(false);
    m_impact = plainLabel("namingImpactLabel");
    m_tryName = new QLineEdit;
    m_tryName->setObjectName(QStringLiteral("namingTryNameEdit"));
    m_tryName->setPlaceholderText(tr("Type a name to check it against this convention"));
    m_tryName->setAccessibleName(tr("Name to check"));
    m_tryName->setClearButtonEnabled(true);
    m_tryResult = plainLabel("namingTryResult");
    connect(m_tryName, &QLineEdit::textChanged, this, &NamingConventionEditor::scheduleRefresh);
    form->addRow(tr("Pattern:"), m_pattern);
    form->addRow(tr("Example:"), m_exampleLabel);
    form->addRow(QString(), m_exampleState);
    form->addRow(QString(), m_problems);
    form->addRow(tr("Catalog:"), m_impact);
    form->addRow(tr("Try a name:"), m_tryName);
    form->addRow(QString(), m_tryResult);
    return box;
}

QWidget *NamingConventionEditor::buildSegmentsBox()
{
    auto *box = new QGroupBox(tr("Parts of a name, in order"));
    box->setObjectName(QStringLiteral("namingSegmentsBox"));
    auto *layout = new QHBoxLayout(box);

    auto *listColumn = new QVBoxLayout;
    m_segments = new QListWidget;
    m_segments->setObjectName(QStringLiteral("namingSegmentList"));
    m_segments->setAccessibleName(tr("Parts of a name"));
    m_segments->setMaximumWidth(260);
    listColumn->addWidget(m_segments, 1);
    auto *listButtons = new QHBoxLayout;
    auto tool = [&](const QString &text, const QString &tip, const char *objectName) {
        auto *b = new QToolButton;
        b->setText(text);
        b->setToolTip(tip);
        b->setAccessibleName(tip);
        b->setObjectName(QString::fromLatin1(objectName));
        listButtons->addWidget(b);
        return b;
    };
    m_addSegment = tool(tr("Add"), tr("Add a part after the selected one"), "namingAddSegment");
    m_removeSegment = tool(tr("Remove"), tr("Remove the selected part"), "namingRemoveSegment");
    m_upSegment = tool(tr("Up"), tr("Move the selected part earlier"), "namingSegmentUp");
    m_downSegment = tool(tr("Down"), tr("Move the selected part later"), "namingSegmentDown");
    listButtons->addStretch(1);
    listColumn->addLayout(listButtons);
    layout->addLayout(listColumn, 2);

    auto *form = new QFormLayout;
    m_segLabel = new QLineEdit;
    m_segLabel->setObjectName(QStringLiteral("namingSegmentLabel"));
    m_segLabel->setPlaceholderText(tr("shown in the pattern, e.g. Area"));
    m_segRole = new QComboBox;
    m_segRole->setObjectName(QStringLiteral("namingSegmentRole"));
    for (const SegmentRole r :
         {SegmentRole::Category, SegmentRole::Action, SegmentRole::Object, SegmentRole::Free})
        m_segRole->addItem(roleTitle(r), static_cast<int>(r));
    m_segSeparator = new QLineEdit;
    m_segSeparator->setObjectName(QStringLiteral("namingSegmentSeparator"));
    m_segSeparator->setToolTip(tr("The text between the previous part and this one; spaces count (\" - \")"));
    m_segCasing = new QComboBox;
    m_segCasing->setObjectName(QStringLiteral("namingSegmentCasing"));
    for (const Casing c : naming::allCasings())
        m_segCasing->addItem(qs(naming::casingName(c)), static_cast<int>(c));
    m_segOptional = new QCheckBox(tr("May be left out"));
    m_segOptional->setObjectName(QStringLiteral("namingSegmentOptional"));
    m_segAllowed = new QLineEdit;
    m_segAllowed->setObjectName(QStringLiteral("namingSegmentAllowed"));
    m_segAllowed->setPlaceholderText(tr("any words; or a list: Cart, Checkout, Home"));
    m_segVerbs = new QLineEdit;
    m_segVerbs->setObjectName(QStringLiteral("namingSegmentVerbs"));
    m_segVerbs->setPlaceholderText(tr("any known verb; or a list: click, submit, log in"));
    m_segTense = new QComboBox;
    m_segTense->setObjectName(QStringLiteral("namingSegmentTense"));
    for (const Tense t : {Tense::Any, Tense::Present, Tense::Past})
        m_segTense->addItem(tenseTitle(t), static_cast<int>(t));
    m_segMaxLength = new QSpinBox;
    m_segMaxLength->setObjectName(QStringLiteral("namingSegmentMaxLength"));
    m_segMaxLength->setRange(0, 500);
    m_segMaxLength->setSpecialValueText(tr("no limit"));
    m_segMaxLength->setSuffix(tr(" characters"));
    m_segBlocked = new QLineEdit;
    m_segBlocked->setObjectName(QStringLiteral("namingSegmentBlocked"));
    m_segBlocked->setPlaceholderText(tr("words this part may not contain"));
    form->addRow(tr("&Label:"), m_segLabel);
    form->addRow(tr("&Role:"), m_segRole);
    form->addRow(tr("&Separator before:"), m_segSeparator);
    form->addRow(tr("&Casing:"), m_segCasing);
    form->addRow(QString(), m_segOptional);
    form->addRow(tr("&Allowed values:"), m_segAllowed);
    form->addRow(tr("&Verbs:"), m_segVerbs);
    form->addRow(tr("&Tense:"), m_segTense);
    form->addRow(tr("&Longest:"), m_segMaxLength);
    form->addRow(tr("&Blocked words:"), m_segBlocked);
    for (QWidget *w : std::initializer_list<QWidget *>{m_segLabel, m_segRole, m_segSeparator, m_segCasing,
                                                       m_segOptional, m_segAllowed, m_segVerbs, m_segTense,
                                                       m_segMaxLength, m_segBlocked}) {
        if (auto *label = qobject_cast<QLabel *>(form->labelForField(w)))
            w->setAccessibleName(label->text().remove(QLatin1Char('&')).remove(QLatin1Char(':')));
    }
    m_segOptional->setAccessibleName(m_segOptional->text());
    layout->addLayout(form, 3);

    connect(m_segments, &QListWidget::currentRowChanged, this, &NamingConventionEditor::loadSegmentIntoForm);
    for (QLineEdit *e : {m_segLabel, m_segSeparator, m_segAllowed, m_segVerbs, m_segBlocked})
        connect(e, &QLineEdit::textEdited, this, &NamingConventionEditor::segmentEdited);
    for (QComboBox *c : {m_segRole, m_segCasing, m_segTense})
        connect(c, &QComboBox::activated, this, &NamingConventionEditor::segmentEdited);
    connect(m_segOptional, &QCheckBox::toggled, this, [this] {
        if (!m_loading) segmentEdited();
    });
    connect(m_segMaxLength, &QSpinBox::valueChanged, this, [this] {
        if (!m_loading) segmentEdited();
    });

    connect(m_addSegment, &QToolButton::clicked, this, [this] {
        const int at = currentSegment() + 1;
        Segment s;
        s.role = SegmentRole::Free;
        s.casing = m_draft.segments.empty() ? Casing::Title : m_draft.segments.back().casing;
        s.separator = at == 0 ? std::string() : std::string(" - ");
        m_draft.segments.insert(m_draft.segments.begin() + at, s);
        if (at == 0 && m_draft.segments.size() > 1 && m_draft.segments[1].separator.empty())
            m_draft.segments[1].separator = " - ";
        refillSegmentList();
        m_segments->setCurrentRow(at);
        scheduleRefresh();
    });
    connect(m_removeSegment, &QToolButton::clicked, this, [this] {
        const int at = currentSegment();
        if (at < 0) return;
        m_draft.segments.erase(m_draft.segments.begin() + at);
        if (at == 0 && !m_draft.segments.empty()) m_draft.segments.front().separator.clear();
        refillSegmentList();
        m_segments->setCurrentRow(std::min(at, static_cast<int>(m_draft.segments.size()) - 1));
        scheduleRefresh();
    });
    auto move = [this](int delta) {
        const int at = currentSegment();
        const int to = at + delta;
        if (at < 0 || to < 0 || to >= static_cast<int>(m_draft.segments.size())) return;
        auto &segs = m_draft.segments;
        // Separators stay with the positions: the first part never has one.
        std::swap(segs[static_cast<std::size_t>(at)].separator, segs[static_cast<std::size_t>(to)].separator);
        std::swap(segs[static_cast<std::size_t>(at)], segs[static_cast<std::size_t>(to)]);
        refillSegmentList();
        m_segments->setCurrentRow(to);
        scheduleRefresh();
    };
    connect(m_upSegment, &QToolButton::clicked, this, [move] { move(-1); });
    connect(m_downSegment, &QToolButton::clicked, this, [move] { move(1); });
    return box;
}

QWidget *NamingConventionEditor::buildWordRulesBox()
{
    auto *box = new QGroupBox(tr("Word rules"));
    box->setObjectName(QStringLiteral("namingWordRulesBox"));
    auto *form = new QFormLayout(box);
    m_id = new QLineEdit;
    m_id->setObjectName(QStringLiteral("namingConventionId"));
    m_id->setAccessibleName(tr("Convention id"));
    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("namingConventionName"));
    m_name->setAccessibleName(tr("Convention name"));
    m_maxLength = new QSpinBox;
    m_maxLength->setObjectName(QStringLiteral("namingMaxLength"));
    m_maxLength->setAccessibleName(tr("Longest name"));
    m_maxLength->setRange(0, 1000);
    m_maxLength->setSpecialValueText(tr("no limit"));
    m_maxLength->setSuffix(tr(" characters"));
    m_blocked = new QLineEdit;
    m_blocked->setObjectName(QStringLiteral("namingBlockedWords"));
    m_blocked->setAccessibleName(tr("Blocked words"));
    m_blocked->setToolTip(tr("Words no name may contain, separated by commas (test, tmp, old…)"));
    m_acronyms = new QPlainTextEdit;
    m_acronyms->setObjectName(QStringLiteral("namingAcronyms"));
    m_acronyms->setAccessibleName(tr("Fixed spellings"));
    m_acronyms->setToolTip(
        tr("Acronyms and brand names with a fixed spelling, separated by commas (URL, iOS)"));
    m_acronyms->setMaximumHeight(m_acronyms->fontMetrics().lineSpacing() * 4 + 12);
    m_acronyms->setTabChangesFocus(true);
    m_acronyms->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_asciiOnly = new QCheckBox(tr("Only A–Z letters (no accents or other scripts)"));
    m_asciiOnly->setObjectName(QStringLiteral("namingAsciiOnly"));
    m_asciiOnly->setAccessibleName(m_asciiOnly->text());
    m_digits = new QCheckBox(tr("Digits allowed"));
    m_digits->setObjectName(QStringLiteral("namingDigits"));
    m_digits->setAccessibleName(m_digits->text());
    m_extraChars = new QLineEdit;
    m_extraChars->setObjectName(QStringLiteral("namingExtraChars"));
    m_extraChars->setAccessibleName(tr("Other characters allowed"));
    m_extraChars->setPlaceholderText(tr("e.g. &'"));
    form->addRow(tr("Id:"), m_id);
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Longest name:"), m_maxLength);
    form->addRow(tr("Blocked words:"), m_blocked);
    form->addRow(tr("Fixed spellings:"), m_acronyms);
    form->addRow(tr("Characters:"), m_asciiOnly);
    form->addRow(QString(), m_digits);
    form->addRow(tr("Also allowed:"), m_extraChars);

    for (QLineEdit *e : {m_id, m_name, m_blocked, m_extraChars})
        connect(e, &QLineEdit::textEdited, this, &NamingConventionEditor::wordRulesEdited);
    connect(m_acronyms, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_loading) wordRulesEdited();
    });
    for (QCheckBox *c : {m_asciiOnly, m_digits})
        connect(c, &QCheckBox::toggled, this, [this] {
            if (!m_loading) wordRulesEdited();
        });
    connect(m_maxLength, &QSpinBox::valueChanged, this, [this] {
        if (!m_loading) wordRulesEdited();
    });
    return box;
}

void NamingConventionEditor::setConvention(const Convention &convention, bool stored)
{
    m_saved = convention;
    m_draft = convention;
    m_stored = stored;
    loadDraftIntoWidgets();
}

void NamingConventionEditor::setCatalogNames(const QStringList &names)
{
    m_catalogNames = names;
    scheduleRefresh();
}

void NamingConventionEditor::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    refresh();
}

bool NamingConventionEditor::isModified() const
{
    return !(m_draft == m_saved);
}

Convention NamingConventionEditor::conventionToSave() const
{
    Convention out = m_draft;
    out.example = m_example.toStdString();
    return out;
}

void NamingConventionEditor::loadPreset(const QString &id)
{
    const auto preset = naming::conventionPreset(id.toStdString());
    if (!preset) return;
    m_draft = *preset;
    loadDraftIntoWidgets();
}

void NamingConventionEditor::setCasingForAll(Casing casing)
{
    const naming::AcronymList acronyms(m_draft.acronyms);
    // Which parts are joined by their casing's word separator, before anything changes.
    std::vector<bool> fused(m_draft.segments.size(), false);
    for (std::size_t i = 1; i < m_draft.segments.size(); ++i) {
        const Segment &s = m_draft.segments[i];
        fused[i] =
            m_draft.segments[i - 1].casing == s.casing && s.separator == naming::casingJoiner(s.casing);
    }
    for (std::size_t i = 0; i < m_draft.segments.size(); ++i)
        recase(m_draft.segments[i], casing, acronyms, fused[i]);
    refillSegmentList();
    loadSegmentIntoForm();
    scheduleRefresh();
}

void NamingConventionEditor::loadDraftIntoWidgets()
{
    m_loading = true;
    m_id->setText(qs(m_draft.id));
    m_name->setText(qs(m_draft.name));
    m_maxLength->setValue(static_cast<int>(m_draft.maxLength));
    m_blocked->setText(joinList(m_draft.blockedWords));
    m_blocked->setCursorPosition(0);
    m_acronyms->setPlainText(joinList(m_draft.acronyms));
    m_asciiOnly->setChecked(m_draft.characters.letters == naming::CharacterSet::Letters::Ascii);
    m_digits->setChecked(m_draft.characters.digits);
    m_extraChars->setText(qs(m_draft.characters.extra));
    m_loading = false;
    const int keep = std::max(0, currentSegment());
    refillSegmentList();
    if (!m_draft.segments.empty())
        m_segments->setCurrentRow(std::min(keep, static_cast<int>(m_draft.segments.size()) - 1));
    loadSegmentIntoForm();
    refresh();
}

void NamingConventionEditor::refillSegmentList()
{
    const QSignalBlocker block(m_segments);
    const int current = m_segments->currentRow();
    m_segments->clear();
    for (std::size_t i = 0; i < m_draft.segments.size(); ++i) {
        const Segment &s = m_draft.segments[i];
        QString text =
            tr("%1. %2 — %3").arg(i + 1).arg(qs(s.displayLabel()), qs(naming::casingName(s.casing)));
        if (s.optional) text += tr(", optional");
        auto *item = new QListWidgetItem(untrusted::line(text, 80));
        item->setToolTip(untrusted::toolTip(text));
        m_segments->addItem(item);
    }
    if (current >= 0 && current < m_segments->count()) m_segments->setCurrentRow(current);

    // The casing of every part, or "Mixed".
    const QSignalBlocker blockCasing(m_allCasing);
    int casing = -1;
    for (const Segment &s : m_draft.segments) {
        const int c = static_cast<int>(s.casing);
        if (casing == -1)
            casing = c;
        else if (casing != c)
            casing = -2;
    }
    m_allCasing->setCurrentIndex(m_allCasing->findData(casing < 0 ? -1 : casing));
}

int NamingConventionEditor::currentSegment() const
{
    const int row = m_segments ? m_segments->currentRow() : -1;
    return row >= 0 && row < static_cast<int>(m_draft.segments.size()) ? row : -1;
}

void NamingConventionEditor::loadSegmentIntoForm()
{
    const int at = currentSegment();
    m_loading = true;
    const bool has = at >= 0;
    for (QWidget *w : std::initializer_list<QWidget *>{m_segLabel, m_segRole, m_segSeparator, m_segCasing,
                                                       m_segOptional, m_segAllowed, m_segVerbs, m_segTense,
                                                       m_segMaxLength, m_segBlocked, m_removeSegment})
        w->setEnabled(has && !m_readOnly);
    m_upSegment->setEnabled(has && at > 0 && !m_readOnly);
    m_downSegment->setEnabled(has && at + 1 < static_cast<int>(m_draft.segments.size()) && !m_readOnly);
    if (has) {
        const Segment &s = m_draft.segments[static_cast<std::size_t>(at)];
        m_segLabel->setText(qs(s.label));
        m_segLabel->setPlaceholderText(qs(s.displayLabel()));
        m_segRole->setCurrentIndex(m_segRole->findData(static_cast<int>(s.role)));
        m_segSeparator->setText(qs(s.separator));
        m_segSeparator->setEnabled(at > 0 && !m_readOnly);
        m_segCasing->setCurrentIndex(m_segCasing->findData(static_cast<int>(s.casing)));
        m_segOptional->setChecked(s.optional);
        m_segAllowed->setText(joinList(s.allowedValues));
        m_segVerbs->setText(joinList(s.verbs));
        m_segTense->setCurrentIndex(m_segTense->findData(static_cast<int>(s.tense)));
        const bool action = s.role == SegmentRole::Action;
        m_segVerbs->setEnabled(action && !m_readOnly);
        m_segTense->setEnabled(action && !m_readOnly);
        m_segMaxLength->setValue(static_cast<int>(s.maxLength));
        m_segBlocked->setText(joinList(s.blockedWords));
    }
    m_loading = false;
}

void NamingConventionEditor::segmentEdited()
{
    const int at = currentSegment();
    if (m_loading || at < 0) return;
    Segment &s = m_draft.segments[static_cast<std::size_t>(at)];
    s.label = m_segLabel->text().trimmed().toStdString();
    s.role = static_cast<SegmentRole>(m_segRole->currentData().toInt());
    if (at > 0) s.separator = m_segSeparator->text().toStdString();
    const auto casing = static_cast<Casing>(m_segCasing->currentData().toInt());
    if (casing != s.casing) {
        // A new casing re-spells the part's allowed values, and keeps a part fused to its
        // neighbours fused.
        const naming::AcronymList acronyms(m_draft.acronyms);
        const bool fused = at > 0 && m_draft.segments[static_cast<std::size_t>(at) - 1].casing == s.casing &&
                           s.separator == naming::casingJoiner(s.casing);
        recase(s, casing, acronyms, fused);
    } else {
        s.allowedValues = splitList(m_segAllowed->text());
    }
    s.optional = m_segOptional->isChecked();
    if (s.role == SegmentRole::Action) {
        s.verbs = splitList(m_segVerbs->text());
        s.tense = static_cast<Tense>(m_segTense->currentData().toInt());
    } else {
        // Only an action has verbs and a tense.
        s.verbs.clear();
        s.tense = Tense::Any;
    }
    s.maxLength = static_cast<std::size_t>(m_segMaxLength->value());
    s.blockedWords = splitList(m_segBlocked->text());
    refillSegmentList();
    loadSegmentIntoForm();
    scheduleRefresh();
}

void NamingConventionEditor::wordRulesEdited()
{
    if (m_loading) return;
    m_draft.id = m_id->text().trimmed().toStdString();
    m_draft.name = m_name->text().trimmed().toStdString();
    m_draft.maxLength = static_cast<std::size_t>(m_maxLength->value());
    m_draft.blockedWords = splitList(m_blocked->text());
    m_draft.acronyms = splitList(m_acronyms->toPlainText());
    m_draft.characters.letters = m_asciiOnly->isChecked() ? naming::CharacterSet::Letters::Ascii
                                                          : naming::CharacterSet::Letters::Unicode;
    m_draft.characters.digits = m_digits->isChecked();
    m_draft.characters.extra = m_extraChars->text().toStdString();
    scheduleRefresh();
}

void NamingConventionEditor::scheduleRefresh()
{
    m_refreshTimer->start();
}

void NamingConventionEditor::refresh()
{
    m_refreshTimer->stop();
    m_pattern->setText(untrusted::line(qs(m_draft.pattern()), 200));
    const auto problems = m_draft.validate();
    std::optional<naming::NameLinter> linter;
    if (problems.empty()) {
        try {
            linter.emplace(m_draft);
        } catch (const std::exception &) {
        }
    }
    if (!linter) {
        QStringList lines;
        for (const auto &p : problems)
            lines << qs(p.toString());
        if (lines.isEmpty()) lines << tr("The convention cannot be used.");
        m_problems->setText(tr("Problem: %1").arg(lines.join(QStringLiteral("\nProblem: "))));
        m_problems->setVisible(true);
        m_example.clear();
        m_exampleLabel->setText(tr("—"));
        m_exampleState->setText(tr("Fix the problems below to see an example."));
        m_impact->setText(tr("Not checked while the convention has problems."));
        m_tryResult->clear();
    } else {
        m_problems->setVisible(false);
        // The convention's own example when it still fits, else the saved or the preset's
        // example made to fit, else one built from the parts.
        std::vector<std::string> seeds{m_draft.example, m_saved.example};
        if (const auto preset = naming::conventionPreset(m_draft.id)) seeds.push_back(preset->example);
        seeds.push_back(placeholderName(m_draft));
        const auto example = exampleFor(*linter, seeds);
        m_example = example ? qs(*example) : QString();
        m_exampleLabel->setText(example ? untrusted::line(m_example, 200) : tr("—"));
        m_exampleState->setText(example ? tr("✓ Follows the convention.")
                                        : tr("No example could be derived from these parts."));

        // What the draft would flag in the catalog, against what the saved convention flags.
        if (m_catalogNames.isEmpty()) {
            m_impact->setText(tr("The catalog has no definitions to check."));
        } else {
            std::vector<naming::CatalogEntry> entries;
            entries.reserve(static_cast<std::size_t>(m_catalogNames.size()));
            for (const QString &n : m_catalogNames)
                entries.push_back({n.toStdString(), {}, {}, {}, "draft"});
            naming::CatalogRules rules;
            rules.requireCategory = rules.requireDescription = rules.requireOwner = false;
            rules.findDuplicates = false;
            auto flagged = [&](const Convention &c) -> int {
                try {
                    const auto report = naming::CatalogLinter(c, rules).lint(entries);
                    QSet<QString> names;
                    for (const auto &v : report.violations)
                        names.insert(qs(v.definition));
                    return static_cast<int>(names.size());
                } catch (const std::exception &) {
                    return -1;
                }
            };
            const int now = flagged(m_draft);
            QString text = tr("%1 of %n definitions break this convention.", nullptr,
                              static_cast<int>(m_catalogNames.size()))
                               .arg(now);
            if (isModified()) {
                const int before = flagged(m_saved);
                if (before >= 0) text += QLatin1Char(' ') + tr("(Saved convention: %1.)").arg(before);
            }
            m_impact->setText(text);
        }
        const QString tried = m_tryName->text();
        if (tried.trimmed().isEmpty()) {
            m_tryResult->clear();
        } else {
            const auto check = linter->check(tried.toStdString());
            if (check.clean()) {
                m_tryResult->setText(tr("✓ Follows the convention."));
            } else {
                QStringList lines;
                for (const auto &v : check.violations)
                    lines << tr("✗ %1").arg(untrusted::line(qs(v.message), 300));
                if (check.suggestion)
                    lines << tr("Suggested: %1").arg(untrusted::line(qs(*check.suggestion), 200));
                m_tryResult->setText(lines.join(QLatin1Char('\n')));
            }
        }
    }
    const bool modified = isModified();
    m_save->setEnabled(!m_readOnly && linter.has_value() && (modified || !m_stored));
    m_revert->setEnabled(modified);
    m_reset->setEnabled(!m_readOnly && m_stored);
    m_storedNote->setText(m_readOnly ? tr("The workspace is read-only: the convention cannot be saved.")
                          : modified ? tr("Draft: not saved yet.")
                          : m_stored ? tr("This is the workspace's convention.")
                                     : tr("The workspace stores no convention: this is the default."));
    for (QWidget *w :
         std::initializer_list<QWidget *>{m_preset, m_allCasing, m_id, m_name, m_maxLength, m_blocked,
                                          m_acronyms, m_asciiOnly, m_digits, m_extraChars, m_addSegment})
        w->setEnabled(!m_readOnly);
    if (modified != m_lastModified) {
        m_lastModified = modified;
        emit modifiedChanged(modified);
    }
}

} // namespace hindsight::ui
