#include "ui/views/definitioneditor.h"

#include "ui/common/sharedtimerange.h"
#include "ui/common/untrustedtext.h"
#include "ui/store/analysiscontext.h"
#include "ui/store/analysisservice.h"
#include "ui/store/catalogeditor.h"
#include "ui/store/definitionjobs.h"
#include "ui/views/definitionpreview.h"
#include "ui/views/namefeedback.h"
#include "ui/views/stepeditor.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QShortcut>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QTimeZone>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>

namespace hindsight::ui {

using namespace definitions;

namespace {

constexpr int kPreviewDelayMs = 150;

QColor errorColor(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128 ? QColor(0xff, 0x7b, 0x72)
                                                             : QColor(0xc0, 0x1c, 0x28);
}

QString capitalised(QString text)
{
    if (!text.isEmpty()) text[0] = text[0].toUpper();
    return text;
}

/// The issue's reason for a person, without the path (it is shown beside its field).
QString issueText(const DefinitionIssue &issue)
{
    QString text = capitalised(QString::fromStdString(issue.reason));
    if (issue.position) text += QObject::tr(" (at position %1)").arg(*issue.position);
    return text;
}

/// Splits what the catalog said into issues: each line "[definition 'X': ]path: reason[ (at
/// position N)]". Lines without a known path name the name when they are about it (a name
/// taken), else no field.
std::vector<DefinitionIssue> parseCatalogError(const QString &error, const QString &name)
{
    static const QRegularExpression pathPattern(QStringLiteral(
        R"(^((?:name|description|category|owner|tags\[\d+\]|combo(?:\[\d+\])?|steps(?:\[\d+\](?:\.[A-Za-z_]+(?:\[\d+\])?)*)?)): (.*)$)"));
    static const QRegularExpression positionPattern(QStringLiteral(R"(^(.*) \(at position (\d+)\)$)"));
    std::vector<DefinitionIssue> issues;
    const QString prefix = QStringLiteral("definition '%1': ").arg(name);
    for (QString line : error.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        if (line.startsWith(prefix)) line = line.mid(prefix.size());
        DefinitionIssue issue;
        const auto match = pathPattern.match(line);
        QString reason = line;
        if (match.hasMatch()) {
            issue.path = match.captured(1).toStdString();
            reason = match.captured(2);
        } else if (line.contains(QLatin1String("already exists")) ||
                   line.contains(QLatin1String("former name")) || line.contains(QLatin1String("alias"))) {
            issue.path = "name";
        }
        const auto position = positionPattern.match(reason);
        if (position.hasMatch()) {
            reason = position.captured(1);
            issue.position = position.captured(2).toULongLong();
        }
        issue.reason = reason.toStdString();
        issues.push_back(std::move(issue));
    }
    return issues;
}

/// "steps[2].selector" -> 2 and "selector"; -1 when the path is not inside a step.
int stepOf(const std::string &path, QString *rest)
{
    static const QRegularExpression pattern(QStringLiteral(R"(^steps\[(\d+)\]\.?(.*)$)"));
    const auto match = pattern.match(QString::fromStdString(path));
    if (!match.hasMatch()) return -1;
    if (rest) *rest = match.captured(2);
    return match.captured(1).toInt();
}

QStringList splitList(const QString &text, const QRegularExpression &separator)
{
    QStringList out;
    for (const QString &part : text.split(separator, Qt::SkipEmptyParts)) {
        const QString trimmed = part.trimmed();
        if (!trimmed.isEmpty()) out << trimmed;
    }
    return out;
}

bool stepIsEmpty(const Step &s)
{
    return s.eventTypes.empty() && !s.selector && !s.text && !s.href && !s.url && s.properties.empty();
}

} // namespace

DefinitionEditor::DefinitionEditor(AnalysisService *analysis, CatalogEditor *catalog, SharedTimeRange *range,
                                   QWidget *parent)
    : QWidget(parent), m_analysis(analysis), m_catalog(catalog), m_range(range)
{
    setObjectName(QStringLiteral("definitionEditor"));
    buildUi();

    m_previewTimer = new QTimer(this);
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(kPreviewDelayMs);
    connect(m_previewTimer, &QTimer::timeout, this, [this] {
        runPreview();
        runNameCheck();
    });

    auto *saveShortcut = new QShortcut(QKeySequence::Save, this);
    saveShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(saveShortcut, &QShortcut::activated, this, [this] { save(); });
    auto *cancelShortcut = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    cancelShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(cancelShortcut, &QShortcut::activated, this, &DefinitionEditor::cancel);

    if (m_catalog) {
        connect(m_catalog, &CatalogEditor::succeeded, this, &DefinitionEditor::onCatalogSucceeded);
        connect(m_catalog, &CatalogEditor::failed, this, &DefinitionEditor::onCatalogFailed);
    }
    if (m_range) {
        connect(m_range, &SharedTimeRange::changed, this, [this] {
            updateRangeLabel();
            schedulePreview();
        });
    }
    if (m_analysis) {
        // Another view changed the catalog (a combo member, the name now taken or free).
        connect(m_analysis, &AnalysisService::catalogChanged, this, [this] {
            m_nameChecked.clear();
            if (!m_loading && isVisible()) schedulePreview();
        });
    }
    updateRangeLabel();
    newBlank();
}

DefinitionEditor::~DefinitionEditor() = default;

QWidget *DefinitionEditor::withNote(QWidget *field, FieldNote *note)
{
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    note->box = new QWidget;
    auto *noteLayout = new QHBoxLayout(note->box);
    noteLayout->setContentsMargins(0, 0, 0, 0);
    noteLayout->setSpacing(4);
    auto *icon = new QLabel;
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this) * 3 / 4;
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxCritical, nullptr, this).pixmap(size, size));
    icon->setFixedSize(size, size);
    icon->setAccessibleName(tr("Error"));
    noteLayout->addWidget(icon, 0, Qt::AlignTop);
    note->text = new QLabel;
    note->text->setTextFormat(Qt::PlainText);
    note->text->setWordWrap(true);
    note->text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette p = note->text->palette();
    p.setColor(QPalette::WindowText, errorColor(palette()));
    note->text->setPalette(p);
    noteLayout->addWidget(note->text, 1);
    note->box->hide();
    layout->addWidget(note->box);
    return box;
}

void DefinitionEditor::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    // Title bar: what is being edited, and the two actions.
    auto *header = new QWidget;
    auto *headerLayout = new QVBoxLayout(header);
    headerLayout->setContentsMargins(12, 8, 12, 6);
    headerLayout->setSpacing(4);
    auto *titleRow = new QHBoxLayout;
    m_title = new QLabel;
    m_title->setObjectName(QStringLiteral("editorTitle"));
    m_title->setTextFormat(Qt::PlainText);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    titleRow->addWidget(m_title, 1);
    m_cancelButton = new QPushButton(tr("Cancel"));
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_cancelButton->setToolTip(tr("Close without saving (Esc)"));
    m_cancelButton->setAutoDefault(false);
    titleRow->addWidget(m_cancelButton);
    m_saveButton = new QPushButton(tr("Save"));
    m_saveButton->setObjectName(QStringLiteral("saveButton"));
    m_saveButton->setToolTip(tr("Save the definition (Ctrl+S)"));
    m_saveButton->setDefault(true);
    titleRow->addWidget(m_saveButton);
    connect(m_cancelButton, &QPushButton::clicked, this, &DefinitionEditor::cancel);
    connect(m_saveButton, &QPushButton::clicked, this, [this] { save(); });
    headerLayout->addLayout(titleRow);
    m_banner = new QLabel;
    m_banner->setObjectName(QStringLiteral("editorBanner"));
    m_banner->setTextFormat(Qt::PlainText);
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->hide();
    headerLayout->addWidget(m_banner);
    auto *formNote = new QWidget;
    headerLayout->addWidget(withNote(formNote, &m_formNote));
    layout->addWidget(header);

    m_splitter = new QSplitter(Qt::Horizontal);
    m_splitter->setObjectName(QStringLiteral("editorSplitter"));
    m_splitter->setChildrenCollapsible(false);
    layout->addWidget(m_splitter, 1);

    // The form.
    m_formScroll = new QScrollArea;
    m_formScroll->setWidgetResizable(true);
    m_formScroll->setFrameShape(QFrame::NoFrame);
    m_form = new QWidget;
    auto *formLayout = new QVBoxLayout(m_form);
    formLayout->setContentsMargins(12, 6, 12, 12);
    formLayout->setSpacing(10);

    auto *fields = new QFormLayout;
    fields->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    fields->setLabelAlignment(Qt::AlignLeft);

    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_name->setAccessibleName(tr("Name"));
    m_name->setPlaceholderText(tr("e.g. Cart - Submit Purchase Form"));
    auto *nameBox = new QWidget;
    auto *nameLayout = new QVBoxLayout(nameBox);
    nameLayout->setContentsMargins(0, 0, 0, 0);
    nameLayout->setSpacing(3);
    nameLayout->addWidget(withNote(m_name, &m_nameNote));
    m_nameFeedback = new NameFeedback(m_analysis);
    nameLayout->addWidget(m_nameFeedback);
    fields->addRow(tr("&Name"), nameBox);
    connect(m_nameFeedback, &NameFeedback::suggestionChosen, this, [this](const QString &name) {
        m_name->setText(name);
        m_name->setFocus();
    });
    connect(m_name, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_nameFeedback->setName(text);
        onChanged();
    });

    m_description = new QPlainTextEdit;
    m_description->setObjectName(QStringLiteral("descriptionEdit"));
    m_description->setAccessibleName(tr("Description"));
    m_description->setPlaceholderText(tr("What this event means, for whoever reads a chart of it"));
    m_description->setTabChangesFocus(true);
    m_description->setFixedHeight(m_description->fontMetrics().lineSpacing() * 3 + 12);
    fields->addRow(tr("&Description"), withNote(m_description, &m_descriptionNote));
    connect(m_description, &QPlainTextEdit::textChanged, this, &DefinitionEditor::onChanged);

    m_category = new QLineEdit;
    m_category->setObjectName(QStringLiteral("categoryEdit"));
    m_category->setAccessibleName(tr("Category"));
    m_category->setPlaceholderText(tr("e.g. Checkout"));
    fields->addRow(tr("C&ategory"), withNote(m_category, &m_categoryNote));
    m_owner = new QLineEdit;
    m_owner->setObjectName(QStringLiteral("ownerEdit"));
    m_owner->setAccessibleName(tr("Owner"));
    m_owner->setPlaceholderText(tr("who answers questions about it"));
    fields->addRow(tr("&Owner"), withNote(m_owner, &m_ownerNote));
    m_tags = new QLineEdit;
    m_tags->setObjectName(QStringLiteral("tagsEdit"));
    m_tags->setAccessibleName(tr("Tags"));
    m_tags->setPlaceholderText(tr("separated by commas"));
    fields->addRow(tr("Ta&gs"), withNote(m_tags, &m_tagsNote));
    m_status = new QComboBox;
    m_status->setObjectName(QStringLiteral("statusBox"));
    m_status->setAccessibleName(tr("Status"));
    m_status->addItem(tr("Draft"), static_cast<int>(DefinitionStatus::Draft));
    m_status->addItem(tr("Verified"), static_cast<int>(DefinitionStatus::Verified));
    m_status->addItem(tr("Deprecated"), static_cast<int>(DefinitionStatus::Deprecated));
    m_status->addItem(tr("Archived"), static_cast<int>(DefinitionStatus::Archived));
    m_status->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_status->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    fields->addRow(tr("S&tatus"), m_status);
    for (QLineEdit *edit : {m_category, m_owner, m_tags})
        connect(edit, &QLineEdit::textChanged, this, &DefinitionEditor::onChanged);
    connect(m_status, &QComboBox::currentIndexChanged, this, &DefinitionEditor::onChanged);
    formLayout->addLayout(fields);

    // A combo: the definitions it ORs (instead of criteria).
    auto *comboInner = new QWidget;
    auto *comboLayout = new QVBoxLayout(comboInner);
    comboLayout->setContentsMargins(0, 0, 0, 0);
    auto *comboTitle =
        new QLabel(tr("Combines (one definition per line; an interaction counts when any of them "
                      "matches)"));
    comboTitle->setTextFormat(Qt::PlainText);
    comboTitle->setWordWrap(true);
    comboLayout->addWidget(comboTitle);
    m_combo = new QPlainTextEdit;
    m_combo->setObjectName(QStringLiteral("comboEdit"));
    m_combo->setAccessibleName(tr("Definitions combined"));
    m_combo->setTabChangesFocus(true);
    m_combo->setFixedHeight(m_combo->fontMetrics().lineSpacing() * 5 + 12);
    comboLayout->addWidget(m_combo);
    connect(m_combo, &QPlainTextEdit::textChanged, this, &DefinitionEditor::onChanged);
    m_comboBox = withNote(comboInner, &m_comboNote);
    m_comboBox->hide();
    formLayout->addWidget(m_comboBox);

    // Criteria.
    m_criteria = new QWidget;
    auto *criteriaLayout = new QVBoxLayout(m_criteria);
    criteriaLayout->setContentsMargins(0, 0, 0, 0);
    criteriaLayout->setSpacing(6);
    auto *criteriaTitle = new QLabel(tr("Criteria"));
    criteriaTitle->setTextFormat(Qt::PlainText);
    QFont bold = criteriaTitle->font();
    bold.setBold(true);
    criteriaTitle->setFont(bold);
    auto *criteriaHint = new QLabel(tr("An interaction counts when it matches any of the steps."));
    criteriaHint->setTextFormat(Qt::PlainText);
    QPalette hintPalette = criteriaHint->palette();
    hintPalette.setColor(QPalette::WindowText, hintPalette.color(QPalette::PlaceholderText));
    criteriaHint->setPalette(hintPalette);
    auto *criteriaHeader = new QHBoxLayout;
    criteriaHeader->addWidget(criteriaTitle);
    criteriaHeader->addWidget(criteriaHint, 1);
    criteriaLayout->addLayout(criteriaHeader);
    auto *criteriaNoteField = new QWidget;
    criteriaLayout->addWidget(withNote(criteriaNoteField, &m_criteriaNote));
    auto *stepsBox = new QWidget;
    m_stepsLayout = new QVBoxLayout(stepsBox);
    m_stepsLayout->setContentsMargins(0, 0, 0, 0);
    m_stepsLayout->setSpacing(4);
    criteriaLayout->addWidget(stepsBox);
    m_addStep = new QPushButton(tr("Add step (or)"));
    m_addStep->setObjectName(QStringLiteral("addStepButton"));
    m_addStep->setToolTip(tr("Add another way to match: an interaction counts when any step matches"));
    m_addStep->setAutoDefault(false);
    connect(m_addStep, &QPushButton::clicked, this, [this] {
        StepEditor *step = addStep();
        step->eventsEdit()->setFocus();
    });
    auto *addRow = new QHBoxLayout;
    addRow->addWidget(m_addStep);
    addRow->addStretch(1);
    criteriaLayout->addLayout(addRow);
    formLayout->addWidget(m_criteria);
    formLayout->addStretch(1);

    m_formScroll->setWidget(m_form);
    m_splitter->addWidget(m_formScroll);

    // The preview side.
    m_sideTabs = new QTabWidget;
    m_sideTabs->setObjectName(QStringLiteral("editorSideTabs"));
    m_sideTabs->setDocumentMode(true);
    m_preview = new DefinitionPreview;
    m_sideTabs->addTab(m_preview, tr("Preview"));
    m_splitter->addWidget(m_sideTabs);
    m_splitter->setStretchFactor(0, 5);
    m_splitter->setStretchFactor(1, 4);
}

// ---- opening ----

void DefinitionEditor::reset(const QString &title)
{
    ++m_loadToken;
    ++m_previewToken;
    m_populating = true;
    m_previewTimer->stop();
    m_title->setText(title);
    setBanner({}, false);
    m_savedName.clear();
    m_baseline.reset();
    m_loading = false;
    m_loadFailed = false;
    m_showAllIssues = false;
    m_pendingSave = false;
    m_pendingText.clear();
    m_pendingName.clear();
    m_nameTakenBy.clear();
    m_nameChecked.clear();
    m_catalogIssues.clear();
    m_name->clear();
    m_description->clear();
    m_category->clear();
    m_owner->clear();
    m_tags->clear();
    m_status->setCurrentIndex(0);
    m_combo->clear();
    setComboMode(false);
    for (StepEditor *step : m_steps) {
        step->hide();
        step->deleteLater();
    }
    m_steps.clear();
    relayoutSteps();
    showIssues({});
    m_preview->showMessage(tr("Add a condition to see what it matches."));
    m_nameFeedback->setName({});
    m_nameFeedback->setHints(std::nullopt);
    m_nameFeedback->reloadConvention();
    setFormEnabled(true);
    m_populating = false;
}

void DefinitionEditor::newBlank()
{
    reset(tr("New definition"));
    m_populating = true;
    appendStep({});
    m_populating = false;
    markPristine();
    schedulePreview();
    m_name->setFocus();
}

void DefinitionEditor::newFromInteractions(const QVector<qint64> &interactionIds)
{
    reset(tr("New definition"));
    m_loading = true;
    setFormEnabled(false);
    setBanner(interactionIds.size() == 1
                  ? tr("Proposing a definition from the selected interaction…")
                  : tr("Proposing a definition from %1 selected interactions…").arg(interactionIds.size()),
              false);
    m_preview->showMessage(tr("Reading the selected interactions…"));
    const int token = m_loadToken;
    const std::vector<qint64> ids(interactionIds.begin(), interactionIds.end());
    const int count = static_cast<int>(ids.size());
    m_analysis->run<DefinitionSuggestionResult>(
        QStringLiteral("editor-load"), this,
        [ids](AnalysisContext &ctx) { return suggestFromInteractions(ctx, ids); },
        [this, token, count](const DefinitionSuggestionResult &result) {
            if (token != m_loadToken) return;
            m_loading = false;
            setFormEnabled(true);
            m_populating = true;
            if (!result.ok) {
                appendStep({});
                m_populating = false;
                setBanner(tr("No definition could be proposed: %1\nFill in the criteria yourself.")
                              .arg(untrusted::line(result.error, untrusted::kDetailChars)),
                          true);
                markPristine();
                schedulePreview();
                return;
            }
            m_name->setText(result.suggestedName);
            StepEditor *step = appendStep(result.step);
            step->setSelectorAlternatives(result.alternatives);
            m_populating = false;
            QStringList why;
            if (!result.alternatives.empty())
                why << tr("selector: %1")
                           .arg(untrusted::line(QString::fromStdString(result.alternatives.front().reason)));
            if (!result.textReason.isEmpty()) why << tr("text: %1").arg(untrusted::line(result.textReason));
            if (!result.urlReason.isEmpty()) why << tr("page: %1").arg(untrusted::line(result.urlReason));
            QString banner = count == 1 ? tr("Proposed from the selected interaction.")
                                        : tr("Proposed from %1 selected interactions.").arg(count);
            if (!why.isEmpty())
                banner += QLatin1Char(' ') + capitalised(why.join(QStringLiteral("; "))) + QLatin1Char('.');
            setBanner(banner, false);
            // "New" in the preview: what the criteria catch beyond this first proposal.
            Definition proposal;
            proposal.name = "(proposal)";
            proposal.steps.push_back(result.step);
            m_baseline = proposal;
            updateNameHints();
            markPristine();
            schedulePreview();
            m_name->setFocus();
            m_name->selectAll();
        });
}

void DefinitionEditor::edit(const QString &name)
{
    reset(tr("Edit “%1”").arg(name));
    m_loading = true;
    setFormEnabled(false);
    m_preview->showMessage(tr("Reading the definition…"));
    const int token = m_loadToken;
    m_analysis->run<DefinitionLoadResult>(
        QStringLiteral("editor-load"), this,
        [name](AnalysisContext &ctx) { return loadDefinition(ctx, name); },
        [this, token](const DefinitionLoadResult &result) {
            if (token != m_loadToken) return;
            m_loading = false;
            if (!result.definition) {
                m_loadFailed = true;
                setBanner(result.error, true);
                m_preview->showMessage(result.error);
                return;
            }
            setFormEnabled(true);
            populate(*result.definition);
        });
}

void DefinitionEditor::populate(const Definition &def)
{
    m_populating = true;
    m_savedName = QString::fromStdString(def.name);
    m_title->setText(tr("Edit “%1”").arg(m_savedName));
    m_name->setText(m_savedName);
    m_description->setPlainText(QString::fromStdString(def.description));
    m_category->setText(QString::fromStdString(def.category));
    m_owner->setText(QString::fromStdString(def.owner));
    QStringList tags;
    for (const auto &tag : def.tags)
        tags << QString::fromStdString(tag);
    m_tags->setText(tags.join(QStringLiteral(", ")));
    m_status->setCurrentIndex(std::max(0, m_status->findData(static_cast<int>(def.status))));
    if (def.isCombo()) {
        setComboMode(true);
        QStringList members;
        for (const auto &member : def.combo)
            members << QString::fromStdString(member);
        m_combo->setPlainText(members.join(QLatin1Char('\n')));
    } else {
        for (const Step &step : def.steps)
            appendStep(step);
        if (def.steps.empty()) appendStep({});
    }
    m_populating = false;
    m_baseline = def;
    updateNameHints();
    QString banner;
    if (def.version > 0)
        banner = tr("Version %1, last changed by %2.")
                     .arg(def.version)
                     .arg(untrusted::line(QString::fromStdString(def.changedBy), 80));
    setBanner(banner, false);
    markPristine();
    schedulePreview();
    m_name->setFocus();
}

void DefinitionEditor::markPristine()
{
    m_original = comparable(draft());
}

void DefinitionEditor::setFormEnabled(bool enabled)
{
    m_form->setEnabled(enabled);
    m_saveButton->setEnabled(enabled && !m_pendingSave);
}

void DefinitionEditor::setComboMode(bool combo)
{
    m_comboMode = combo;
    m_comboBox->setVisible(combo);
    m_criteria->setVisible(!combo);
}

// ---- steps ----

StepEditor *DefinitionEditor::stepEditor(int index) const
{
    return index >= 0 && index < stepCount() ? m_steps[static_cast<std::size_t>(index)] : nullptr;
}

StepEditor *DefinitionEditor::addStep()
{
    StepEditor *step = appendStep({});
    onChanged();
    return step;
}

StepEditor *DefinitionEditor::appendStep(const Step &step)
{
    auto *editor = new StepEditor;
    editor->setStep(step);
    connect(editor, &StepEditor::changed, this, &DefinitionEditor::onChanged);
    connect(editor, &StepEditor::removeRequested, this, [this, editor] {
        removeStep(editor);
        onChanged();
    });
    m_steps.push_back(editor);
    relayoutSteps();
    return editor;
}

void DefinitionEditor::removeStep(StepEditor *editor)
{
    const auto it = std::find(m_steps.begin(), m_steps.end(), editor);
    if (it == m_steps.end() || m_steps.size() <= 1) return;
    m_steps.erase(it);
    editor->hide();
    editor->deleteLater();
    relayoutSteps();
}

void DefinitionEditor::relayoutSteps()
{
    while (QLayoutItem *item = m_stepsLayout->takeAt(0))
        delete item;
    for (QWidget *label : m_orLabels)
        label->deleteLater();
    m_orLabels.clear();
    for (std::size_t i = 0; i < m_steps.size(); ++i) {
        if (i > 0) {
            auto *orLabel = new QLabel(tr("or"));
            orLabel->setTextFormat(Qt::PlainText);
            orLabel->setAlignment(Qt::AlignCenter);
            QFont font = orLabel->font();
            font.setBold(true);
            orLabel->setFont(font);
            m_stepsLayout->addWidget(orLabel);
            m_orLabels << orLabel;
        }
        m_steps[i]->setNumber(static_cast<int>(i) + 1);
        m_steps[i]->setRemovable(m_steps.size() > 1);
        m_stepsLayout->addWidget(m_steps[i]);
    }
}

// ---- the draft ----

Definition DefinitionEditor::draft() const
{
    Definition def;
    def.name = m_name->text().toStdString();
    def.description = m_description->toPlainText().toStdString();
    def.category = m_category->text().toStdString();
    def.owner = m_owner->text().toStdString();
    static const QRegularExpression commas(QStringLiteral(","));
    for (const QString &tag : splitList(m_tags->text(), commas))
        def.tags.push_back(tag.toStdString());
    def.status = static_cast<DefinitionStatus>(m_status->currentData().toInt());
    if (m_comboMode) {
        static const QRegularExpression lines(QStringLiteral("[\\r\\n]+"));
        for (const QString &member : splitList(m_combo->toPlainText(), lines))
            def.combo.push_back(member.toStdString());
    } else {
        for (const StepEditor *step : m_steps)
            def.steps.push_back(step->step());
    }
    return def;
}

Definition DefinitionEditor::comparable(Definition def)
{
    normalizeDefinition(def);
    def.steps.erase(std::remove_if(def.steps.begin(), def.steps.end(), stepIsEmpty), def.steps.end());
    return def;
}

bool DefinitionEditor::hasUnsavedChanges() const
{
    if (m_loading || m_loadFailed) return false;
    return !comparable(draft()).sameContent(m_original);
}

void DefinitionEditor::onChanged()
{
    if (m_populating) return;
    m_catalogIssues.clear();
    updateIssues();
    updateNameHints();
    schedulePreview();
}

void DefinitionEditor::updateNameHints()
{
    std::optional<NameHints> hints;
    for (const StepEditor *editor : m_steps) {
        const Step step = editor->step();
        if (stepIsEmpty(step)) continue;
        NameHints h;
        h.eventType = step.eventTypes.empty() ? "click" : step.eventTypes.front();
        if (step.text && step.text->mode != TextMatchMode::Regex)
            h.objectText = step.text->pattern;
        else if (step.selector)
            h.objectText = selectorNameWords(*step.selector);
        if (step.url && step.url->mode != TextMatchMode::Regex) h.pagePath = step.url->pattern;
        hints = h;
        break;
    }
    m_nameFeedback->setHints(hints);
}

// ---- problems beside the fields ----

void DefinitionEditor::updateIssues()
{
    Definition def = draft();
    normalizeDefinition(def);
    std::vector<DefinitionIssue> issues;
    for (DefinitionIssue &issue : validateDefinition(def)) {
        if (!m_showAllIssues) {
            // What is merely not filled in yet waits for a save attempt.
            const bool missing =
                issue.path == "steps" ||
                (stepOf(issue.path, nullptr) >= 0 && issue.path.find('.') == std::string::npos &&
                 issue.reason.find("has no condition") != std::string::npos) ||
                (issue.path == "name" && def.name.empty());
            if (missing) continue;
        }
        issues.push_back(std::move(issue));
    }
    if (!m_nameTakenBy.isEmpty() &&
        definitionNameKey(def.name) == definitionNameKey(m_nameChecked.toStdString()))
        issues.push_back({"name",
                          tr("is already the name (or a former name) of “%1”; choose another")
                              .arg(m_nameTakenBy)
                              .toStdString(),
                          std::nullopt});
    issues.insert(issues.end(), m_catalogIssues.begin(), m_catalogIssues.end());
    showIssues(issues);
}

void DefinitionEditor::setNote(FieldNote &note, const QStringList &messages)
{
    note.text->setText(messages.join(QLatin1Char('\n')));
    note.box->setVisible(!messages.isEmpty());
}

void DefinitionEditor::showIssues(const std::vector<DefinitionIssue> &issues)
{
    QStringList name, description, category, owner, tags, combo, criteria, form;
    std::vector<QList<QPair<QString, QString>>> perStep(m_steps.size());
    for (const DefinitionIssue &issue : issues) {
        const std::string &path = issue.path;
        QString rest;
        const int step = stepOf(path, &rest);
        if (step >= 0 && static_cast<std::size_t>(step) < m_steps.size() && !m_comboMode)
            perStep[static_cast<std::size_t>(step)].append({rest, issueText(issue)});
        else if (path == "name")
            name << issueText(issue);
        else if (path == "description")
            description << issueText(issue);
        else if (path == "category")
            category << issueText(issue);
        else if (path == "owner")
            owner << issueText(issue);
        else if (path.rfind("tags", 0) == 0)
            tags << issueText(issue);
        else if (path.rfind("combo", 0) == 0 || (m_comboMode && path.rfind("steps", 0) == 0))
            combo << issueText(issue);
        else if (path == "steps")
            criteria << issueText(issue);
        else
            form << (path.empty() ? issueText(issue) : QString::fromStdString(issue.message()));
    }
    setNote(m_nameNote, name);
    setNote(m_descriptionNote, description);
    setNote(m_categoryNote, category);
    setNote(m_ownerNote, owner);
    setNote(m_tagsNote, tags);
    setNote(m_comboNote, combo);
    setNote(m_criteriaNote, criteria);
    setNote(m_formNote, form);
    for (std::size_t i = 0; i < m_steps.size(); ++i)
        m_steps[i]->setIssues(perStep[i]);
}

void DefinitionEditor::focusFirstIssue(const std::vector<DefinitionIssue> &issues)
{
    if (issues.empty()) return;
    const std::string &path = issues.front().path;
    QString rest;
    const int step = stepOf(path, &rest);
    QWidget *target = nullptr;
    if (path == "name")
        target = m_name;
    else if (path == "description")
        target = m_description;
    else if (path == "category")
        target = m_category;
    else if (path == "owner")
        target = m_owner;
    else if (path.rfind("tags", 0) == 0)
        target = m_tags;
    else if (path.rfind("combo", 0) == 0)
        target = m_combo;
    else if (StepEditor *editor = stepEditor(step)) {
        if (rest.startsWith(QLatin1String("selector")))
            target = editor->selectorEdit();
        else if (rest.startsWith(QLatin1String("text")))
            target = editor->textEdit();
        else if (rest.startsWith(QLatin1String("href")))
            target = editor->hrefEdit();
        else if (rest.startsWith(QLatin1String("url")))
            target = editor->urlEdit();
        else
            target = editor->eventsEdit();
    }
    if (target) {
        target->setFocus();
        m_formScroll->ensureWidgetVisible(target);
    }
}

QString DefinitionEditor::fieldError(const QString &field) const
{
    const FieldNote *note = nullptr;
    if (field == QLatin1String("name"))
        note = &m_nameNote;
    else if (field == QLatin1String("description"))
        note = &m_descriptionNote;
    else if (field == QLatin1String("category"))
        note = &m_categoryNote;
    else if (field == QLatin1String("owner"))
        note = &m_ownerNote;
    else if (field == QLatin1String("tags"))
        note = &m_tagsNote;
    else if (field == QLatin1String("combo"))
        note = &m_comboNote;
    else if (field == QLatin1String("criteria"))
        note = &m_criteriaNote;
    else if (field == QLatin1String("form"))
        note = &m_formNote;
    return note && !note->box->isHidden() ? note->text->text() : QString();
}

void DefinitionEditor::setBanner(const QString &text, bool error)
{
    m_banner->setText(text);
    QPalette p = palette();
    if (error) p.setColor(QPalette::WindowText, errorColor(palette()));
    m_banner->setPalette(p);
    m_banner->setVisible(!text.isEmpty());
}

QString DefinitionEditor::bannerText() const
{
    return m_banner->isHidden() ? QString() : m_banner->text();
}

// ---- the preview ----

void DefinitionEditor::updateRangeLabel()
{
    if (!m_range) {
        m_preview->setRangeLabel(tr("All time"));
        return;
    }
    const TimeRange range = m_range->resolved();
    QString tip;
    if (range.fromMs || range.toMs) {
        const QString from =
            range.fromMs
                ? QDateTime::fromMSecsSinceEpoch(*range.fromMs, QTimeZone::utc()).toString(Qt::ISODate)
                : tr("the first interaction");
        const QString to =
            range.toMs ? QDateTime::fromMSecsSinceEpoch(*range.toMs, QTimeZone::utc()).toString(Qt::ISODate)
                       : tr("the newest interaction");
        tip = tr("From %1 to %2 (UTC)").arg(from, to);
    }
    m_preview->setRangeLabel(m_range->value().label(), tip);
}

void DefinitionEditor::schedulePreview()
{
    // Whatever is under way describes an older draft now: its results are not shown.
    ++m_previewToken;
    if (m_loading || m_loadFailed) return;
    m_previewTimer->start();
}

void DefinitionEditor::runPreview()
{
    if (m_loading || m_loadFailed || !m_analysis) return;
    // Results of earlier drafts still under way are not shown any more.
    const int token = ++m_previewToken;
    m_preview->setUpdating(false);
    Definition def = draft();
    normalizeDefinition(def);
    // Steps without a condition are left out of the preview (and counted as nothing).
    std::vector<int> stepMap;
    std::vector<Step> steps;
    for (std::size_t i = 0; i < def.steps.size(); ++i) {
        if (stepIsEmpty(def.steps[i])) continue;
        stepMap.push_back(static_cast<int>(i));
        steps.push_back(def.steps[i]);
    }
    def.steps = std::move(steps);
    if (def.steps.empty() && def.combo.empty()) {
        m_preview->showMessage(m_comboMode
                                   ? tr("Name the definitions to combine to see what they match.")
                                   : tr("Add a condition — a type, a selector, text, a link, a page or a "
                                        "property — to see what it matches."));
        for (StepEditor *step : m_steps) {
            const StepRowCounts none;
            step->setRowCounts(&none);
        }
        return;
    }
    // Criteria that cannot be compiled pause the preview; their problems show beside them.
    Definition check = def;
    if (check.name.empty()) check.name = "(draft)";
    for (const DefinitionIssue &issue : validateDefinition(check)) {
        if (issue.path.rfind("steps", 0) == 0 || issue.path.rfind("combo", 0) == 0) {
            QString reason = QString::fromStdString(issue.message());
            // Name the step as the user sees it (the preview left empty steps out).
            QString rest;
            const int at = stepOf(issue.path, &rest);
            if (at >= 0 && static_cast<std::size_t>(at) < stepMap.size())
                reason =
                    tr("step %1: %2").arg(stepMap[static_cast<std::size_t>(at)] + 1).arg(issueText(issue));
            m_preview->setPaused(reason);
            return;
        }
    }

    DefinitionPreviewRequest request;
    request.draft = def;
    request.baseline = m_baseline;
    request.range = m_range ? m_range->resolved() : TimeRange{};
    request.timeZone = QTimeZone::systemTimeZoneId().toStdString();
    m_preview->setUpdating(true);
    for (StepEditor *step : m_steps)
        step->setRowCounts(nullptr);
    m_analysis->run<DefinitionPreviewResult>(
        QStringLiteral("preview"), this,
        [request](AnalysisContext &ctx) { return computeDefinitionPreview(ctx, request); },
        [this, token](const DefinitionPreviewResult &result) {
            if (token == m_previewToken) onPreviewResult(result);
        });
    // The rows' own counts come second: the figures, the trend and the elements first.
    m_analysis->run<std::vector<StepRowCounts>>(
        QStringLiteral("preview-rows"), this,
        [draft = request.draft, range = request.range](AnalysisContext &ctx) {
            return computeStepRowCounts(ctx, draft, range);
        },
        [this, token, stepMap](const std::vector<StepRowCounts> &counts) {
            if (token == m_previewToken) onRowCounts(counts, stepMap);
        });
}

void DefinitionEditor::onPreviewResult(const DefinitionPreviewResult &result)
{
    m_preview->setUpdating(false);
    if (!result.ok) {
        if (!result.error.isEmpty()) {
            m_preview->showMessage(tr("No preview: %1").arg(result.error));
            for (StepEditor *step : m_steps) {
                const StepRowCounts none;
                step->setRowCounts(&none);
            }
        }
        return;
    }
    m_preview->showResult(result, m_name->text().trimmed());
}

void DefinitionEditor::onRowCounts(const std::vector<StepRowCounts> &counts, const std::vector<int> &stepMap)
{
    for (std::size_t i = 0; i < m_steps.size(); ++i) {
        const auto at = std::find(stepMap.begin(), stepMap.end(), static_cast<int>(i));
        const auto k = static_cast<std::size_t>(at - stepMap.begin());
        if (at != stepMap.end() && k < counts.size()) {
            m_steps[i]->setRowCounts(&counts[k]);
        } else {
            const StepRowCounts none;
            m_steps[i]->setRowCounts(&none);
        }
    }
}

void DefinitionEditor::runNameCheck()
{
    if (!m_analysis || m_loading || m_loadFailed) return;
    const QString name = m_name->text().trimmed();
    if (name == m_nameChecked) return;
    if (name.isEmpty()) {
        m_nameChecked.clear();
        m_nameTakenBy.clear();
        return;
    }
    const QString except = m_savedName;
    m_analysis->run<QString>(
        QStringLiteral("editor-name"), this,
        [name, except](AnalysisContext &ctx) { return definitionHoldingName(ctx, name, except); },
        [this, name](const QString &holder) {
            m_nameChecked = name;
            m_nameTakenBy = holder;
            updateIssues();
        });
}

// ---- saving and closing ----

bool DefinitionEditor::save()
{
    if (m_pendingSave) return true;
    if (m_loading || m_loadFailed || !m_catalog) return false;
    // Steps left empty are dropped, as long as another one holds a condition.
    if (!m_comboMode && m_steps.size() > 1) {
        std::vector<StepEditor *> empty;
        for (StepEditor *step : m_steps)
            if (step->isEmpty()) empty.push_back(step);
        if (empty.size() < m_steps.size())
            for (StepEditor *step : empty)
                removeStep(step);
    }
    Definition def = draft();
    normalizeDefinition(def);
    m_showAllIssues = true;
    m_catalogIssues.clear();
    updateIssues();
    std::vector<DefinitionIssue> issues = validateDefinition(def);
    if (!m_nameTakenBy.isEmpty() &&
        definitionNameKey(def.name) == definitionNameKey(m_nameChecked.toStdString()))
        issues.push_back({"name", "taken", std::nullopt});
    if (!issues.empty()) {
        focusFirstIssue(issues);
        return false;
    }
    if (!m_savedName.isEmpty() && !hasUnsavedChanges()) {
        // Nothing to write.
        emit closed();
        return true;
    }
    m_pendingSave = true;
    m_pendingName = QString::fromStdString(def.name);
    m_pendingText = m_savedName.isEmpty() ? m_pendingName : m_savedName;
    m_saveButton->setEnabled(false);
    m_saveButton->setText(tr("Saving…"));
    if (m_savedName.isEmpty())
        m_catalog->create(def);
    else
        m_catalog->update(m_savedName, def);
    return true;
}

void DefinitionEditor::onCatalogSucceeded(const QString &text, const QStringList &names)
{
    if (!m_pendingSave || !text.contains(m_pendingText)) return;
    Q_UNUSED(names);
    m_pendingSave = false;
    m_saveButton->setText(tr("Save"));
    m_saveButton->setEnabled(true);
    m_savedName = m_pendingName;
    m_title->setText(tr("Edit “%1”").arg(m_savedName));
    Definition def = draft();
    normalizeDefinition(def);
    m_baseline = def;
    markPristine();
    m_showAllIssues = false;
    emit saved(m_savedName);
    emit closed();
}

void DefinitionEditor::onCatalogFailed(const QString &text, const QString &error)
{
    if (!m_pendingSave || !text.contains(m_pendingText)) return;
    m_pendingSave = false;
    m_saveButton->setText(tr("Save"));
    m_saveButton->setEnabled(!m_loading && !m_loadFailed);
    m_catalogIssues = parseCatalogError(error, m_pendingName);
    updateIssues();
    focusFirstIssue(m_catalogIssues);
}

void DefinitionEditor::cancel()
{
    if (m_pendingSave) return;
    if (!hasUnsavedChanges()) {
        discardAndClose();
        return;
    }
    if (findChild<QMessageBox *>(QStringLiteral("discardChangesQuestion"))) return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Discard changes?"),
                                m_savedName.isEmpty()
                                    ? tr("The new definition has not been saved.")
                                    : tr("Your changes to “%1” have not been saved.").arg(m_savedName),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("discardChangesQuestion"));
    box->setTextFormat(Qt::PlainText);
    box->setWindowModality(Qt::WindowModal);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *discard = box->addButton(tr("Discard changes"), QMessageBox::DestructiveRole);
    QPushButton *keep = box->addButton(tr("Keep editing"), QMessageBox::RejectRole);
    box->setDefaultButton(keep);
    box->setEscapeButton(keep);
    connect(box, &QMessageBox::finished, this, [this, box, discard] {
        if (box->clickedButton() == discard) discardAndClose();
    });
    box->open();
}

void DefinitionEditor::discardAndClose()
{
    m_previewTimer->stop();
    // The edits are given up: nothing is unsaved any more (the host opens the next one).
    m_original = comparable(draft());
    emit closed();
}

} // namespace hindsight::ui
