#include "ui/views/privacyview.h"

#include "ui/charts/studiochart.h"
#include "ui/common/humanformat.h"
#include "ui/common/sharedtimerange.h"
#include "ui/common/untrustedtext.h"
#include "ui/models/privacyfindingmodel.h"
#include "ui/models/privacyrulemodel.h"
#include "ui/store/analysiscontext.h"
#include "ui/store/analysisservice.h"
#include "ui/views/privacyruleeditor.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <map>

namespace hindsight::ui {

using privacy::MaskAction;
using privacy::MaskRule;

namespace {

QString fromUtf8(const std::string &text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

QLabel *plainLabel(const char *objectName, bool wrap = true)
{
    auto *label = new QLabel;
    label->setObjectName(QString::fromLatin1(objectName));
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(wrap);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QPushButton *button(const QString &text, const char *objectName, const QString &accessibleName)
{
    auto *b = new QPushButton(text);
    b->setObjectName(QString::fromLatin1(objectName));
    b->setAccessibleName(accessibleName);
    return b;
}

QTableView *makeTable(const char *objectName, const QString &accessibleName)
{
    auto *table = new QTableView;
    table->setObjectName(QString::fromLatin1(objectName));
    table->setAccessibleName(accessibleName);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    table->setShowGrid(false);
    table->setWordWrap(false);
    table->setTextElideMode(Qt::ElideRight);
    table->setCornerButtonEnabled(false);
    table->verticalHeader()->hide();
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    table->horizontalHeader()->setHighlightSections(false);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

/// Whether a rule can be written for a field the audit reports (the distinct id cannot be
/// masked: it is who the interaction belongs to).
bool maskable(const QString &field)
{
    MaskRule r;
    r.field = field.toStdString();
    return privacy::validateMaskRule(r).empty();
}

} // namespace

PrivacyView::PrivacyView(AnalysisService *analysis, SharedTimeRange *range, QWidget *parent)
    : QWidget(parent), m_analysis(analysis), m_range(range), m_findings(new PrivacyFindingModel(this)),
      m_findingsProxy(new QSortFilterProxyModel(this)), m_rules(new PrivacyRuleModel(this))
{
    setObjectName(QStringLiteral("privacyView"));
    m_findingsProxy->setSourceModel(m_findings);
    m_findingsProxy->setSortRole(PrivacyFindingRole::Sort);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    auto *header = new QWidget;
    auto *headerLayout = new QHBoxLayout(header);
    headerLayout->setContentsMargins(10, 8, 10, 4);
    m_summary = plainLabel("privacySummary", true);
    headerLayout->addWidget(m_summary, 1);
    m_busy = new QProgressBar;
    m_busy->setObjectName(QStringLiteral("privacyBusy"));
    m_busy->setAccessibleName(tr("Auditing the workspace"));
    m_busy->setRange(0, 0); // the audit does not report progress: a busy indicator
    m_busy->setMaximumWidth(140);
    m_busy->setTextVisible(false);
    m_busy->hide();
    headerLayout->addWidget(m_busy);
    m_auditButton = button(tr("Audit again"), "privacyAuditAgain", tr("Audit the workspace again"));
    m_auditButton->setToolTip(tr("Scan every captured field again (F5)"));
    headerLayout->addWidget(m_auditButton);
    layout->addWidget(header);

    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("privacyTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(buildFindingsTab(), tr("Findings"));
    m_tabs->addTab(buildRulesTab(), tr("Rules"));
    m_tabs->addTab(buildConsentTab(), tr("Consent"));
    m_tabs->addTab(buildPeopleTab(), tr("People"));
    layout->addWidget(m_tabs, 1);

    auto *refresh = new QAction(tr("Audit again"), this);
    refresh->setObjectName(QStringLiteral("privacyAuditAction"));
    refresh->setShortcut(QKeySequence::Refresh);
    refresh->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(refresh);
    connect(refresh, &QAction::triggered, this, &PrivacyView::reload);
    connect(m_auditButton, &QPushButton::clicked, this, &PrivacyView::reload);
    // Another workspace: everything is read again (catalog edits alone change nothing here).
    connect(m_analysis, &AnalysisService::catalogChanged, this, [this] {
        if (m_analysis->path() != m_loadedPath && isVisible()) reload();
    });

    updateFindingsState();
    updateFindingActions();
    updateRuleActions();
    updatePersonPane();
}

PrivacyView::~PrivacyView() = default;

QWidget *PrivacyView::buildFindingsTab()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(10, 6, 10, 6);

    auto *buttons = new QHBoxLayout;
    m_showInteractionsButton = button(tr("Show interactions"), "privacyShowInteractions",
                                      tr("Show the interactions behind the selected finding"));
    m_showInteractionsButton->setToolTip(
        tr("Open the interactions from when the finding was first to last seen (Enter)"));
    m_maskButton =
        button(tr("Mask…"), "privacyMaskFinding", tr("Write a masking rule for the selected finding"));
    m_maskButton->setToolTip(tr("Start a masking rule for this field and detector, with its dry run"));
    buttons->addWidget(m_showInteractionsButton);
    buttons->addWidget(m_maskButton);
    buttons->addStretch(1);
    m_sensitiveLabel = plainLabel("privacySensitiveElements");
    m_sensitiveLabel->setForegroundRole(QPalette::PlaceholderText);
    buttons->addWidget(m_sensitiveLabel, 2);
    layout->addLayout(buttons);

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->setObjectName(QStringLiteral("privacyFindingsSplitter"));
    m_findingsStack = new QStackedWidget;
    m_findingsTable = makeTable("privacyFindingsTable", tr("Personal data findings"));
    m_findingsTable->setModel(m_findingsProxy);
    m_findingsTable->setSortingEnabled(true);
    m_findingsTable->sortByColumn(PrivacyFindingModel::RiskColumn, Qt::AscendingOrder);
    QHeaderView *h = m_findingsTable->horizontalHeader();
    const QFontMetrics fm = fontMetrics();
    const int pad = 24;
    h->resizeSection(PrivacyFindingModel::RiskColumn, fm.horizontalAdvance(tr("Medium")) + pad + 20);
    h->resizeSection(PrivacyFindingModel::FieldColumn,
                     fm.horizontalAdvance(QStringLiteral("referrer.query.access_token")) + pad);
    h->resizeSection(PrivacyFindingModel::DetectorColumn, fm.horizontalAdvance(tr("Secret or token")) + pad);
    h->resizeSection(PrivacyFindingModel::ValuesColumn,
                     fm.horizontalAdvance(QStringLiteral("1,234 of 12,345")) + pad);
    h->resizeSection(PrivacyFindingModel::InteractionsColumn,
                     fm.horizontalAdvance(QStringLiteral("12,345 (<0.1%)")) + pad);
    h->resizeSection(PrivacyFindingModel::FirstSeenColumn,
                     fm.horizontalAdvance(QStringLiteral("2026-12-31 23:59:59")) + pad);
    h->resizeSection(PrivacyFindingModel::LastSeenColumn,
                     fm.horizontalAdvance(QStringLiteral("2026-12-31 23:59:59")) + pad);
    m_findingsStack->addWidget(m_findingsTable);
    m_findingsEmpty = plainLabel("privacyFindingsEmpty");
    m_findingsEmpty->setAlignment(Qt::AlignCenter);
    m_findingsEmpty->setForegroundRole(QPalette::PlaceholderText);
    m_findingsStack->addWidget(m_findingsEmpty);
    splitter->addWidget(m_findingsStack);
    m_chart = new StudioChart;
    m_chart->setObjectName(QStringLiteral("privacyChart"));
    m_chart->setAccessibleName(tr("Riskiest fields"));
    m_chart->setMinimumHeight(160);
    splitter->addWidget(m_chart);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    connect(m_findingsTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &PrivacyView::updateFindingActions);
    connect(m_findingsTable, &QTableView::activated, this, &PrivacyView::showSelectedFindingInteractions);
    connect(m_showInteractionsButton, &QPushButton::clicked, this,
            &PrivacyView::showSelectedFindingInteractions);
    connect(m_maskButton, &QPushButton::clicked, this, &PrivacyView::maskSelectedFinding);
    return page;
}

QWidget *PrivacyView::buildRulesTab()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->setObjectName(QStringLiteral("privacyRulesSplitter"));

    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(10, 6, 6, 6);
    auto *intro = plainLabel("privacyRulesIntro");
    intro->setText(tr("Active rules mask every import at the door. Values already stored change only when "
                      "you apply the rules."));
    intro->setForegroundRole(QPalette::PlaceholderText);
    leftLayout->addWidget(intro);
    m_rulesMessage = plainLabel("privacyRulesMessage");
    m_rulesMessage->hide();
    leftLayout->addWidget(m_rulesMessage);
    m_rulesTable = makeTable("privacyRulesTable", tr("Masking rules"));
    m_rulesTable->setModel(m_rules);
    QHeaderView *h = m_rulesTable->horizontalHeader();
    h->setStretchLastSection(false);
    for (const int c : {PrivacyRuleModel::IdColumn, PrivacyRuleModel::ActionColumn,
                        PrivacyRuleModel::PendingColumn, PrivacyRuleModel::ChangedColumn})
        h->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    h->setSectionResizeMode(PrivacyRuleModel::RuleColumn, QHeaderView::Stretch);
    auto *rulesStack = new QStackedWidget;
    rulesStack->addWidget(m_rulesTable);
    auto *rulesEmpty = plainLabel("privacyRulesEmpty");
    rulesEmpty->setAlignment(Qt::AlignCenter);
    rulesEmpty->setForegroundRole(QPalette::PlaceholderText);
    rulesEmpty->setText(
        tr("No masking rules yet.\nWrite one on the right, or select a finding and press Mask…"));
    rulesStack->addWidget(rulesEmpty);
    auto updateRulesStack = [this, rulesStack, rulesEmpty] {
        rulesStack->setCurrentWidget(m_rules->rowCount() > 0 || !m_rules->hasRules()
                                         ? static_cast<QWidget *>(m_rulesTable)
                                         : rulesEmpty);
    };
    connect(m_rules, &QAbstractItemModel::modelReset, this, updateRulesStack);
    leftLayout->addWidget(rulesStack, 1);
    auto *buttons = new QHBoxLayout;
    m_removeRuleButton = button(tr("Remove"), "privacyRemoveRule", tr("Remove the selected rule"));
    m_removeRuleButton->setToolTip(
        tr("Stop masking new imports with the selected rule; values it already masked stay masked"));
    m_applyButton = button(tr("Apply to stored data…"), "privacyApplyRules",
                           tr("Apply the active rules to the stored data"));
    m_applyButton->setToolTip(tr("Rewrite the stored values the active rules select; you are told what will "
                                 "change and asked first"));
    buttons->addWidget(m_removeRuleButton);
    buttons->addStretch(1);
    buttons->addWidget(m_applyButton);
    leftLayout->addLayout(buttons);
    splitter->addWidget(left);

    m_editor = new PrivacyRuleEditor(m_analysis);
    splitter->addWidget(m_editor);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter);

    connect(m_rulesTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &PrivacyView::updateRuleActions);
    connect(m_removeRuleButton, &QPushButton::clicked, this, &PrivacyView::removeSelectedRule);
    connect(m_applyButton, &QPushButton::clicked, this, &PrivacyView::applyRules);
    connect(m_editor, &PrivacyRuleEditor::failed, this,
            [this](const QString &text) { setRulesMessage(text, true); });
    connect(m_editor, &PrivacyRuleEditor::ruleAdded, this,
            [this](qint64 id, const privacy::MaskImpact &impact) {
                setRulesMessage(
                    impact.changesSomething()
                        ? tr("Rule %1 added. It masks every later import; %2 stored interactions are not "
                             "masked yet: Apply to stored data to mask them.")
                              .arg(id)
                              .arg(formatCount(impact.interactionsChanged + impact.interactionsDropped))
                        : tr("Rule %1 added. It masks every later import.").arg(id),
                    false);
                requestRules();
            });
    return page;
}

QWidget *PrivacyView::buildConsentTab()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(16, 12, 16, 12);
    auto *form = new QFormLayout;
    m_consentPolicy = plainLabel("privacyConsentPolicy");
    m_consentCounts = plainLabel("privacyConsentCounts");
    m_consentCounts->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    form->addRow(tr("Policy"), m_consentPolicy);
    form->addRow(tr("Stored interactions"), m_consentCounts);
    layout->addLayout(form);
    m_consentNote = plainLabel("privacyConsentNote");
    m_consentNote->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_consentNote);
    layout->addStretch(1);
    return page;
}

QWidget *PrivacyView::buildPeopleTab()
{
    auto *page = new QWidget;
    auto *layout = new QHBoxLayout(page);
    layout->setContentsMargins(10, 6, 10, 6);

    auto *left = new QVBoxLayout;
    m_peopleSearch = new QLineEdit;
    m_peopleSearch->setObjectName(QStringLiteral("privacyPeopleSearch"));
    m_peopleSearch->setAccessibleName(tr("Search people by distinct id"));
    m_peopleSearch->setPlaceholderText(tr("Search a distinct id (e-mail, user id, anonymous id)"));
    m_peopleSearch->setClearButtonEnabled(true);
    left->addWidget(m_peopleSearch);
    m_peopleSummary = plainLabel("privacyPeopleSummary");
    m_peopleSummary->setForegroundRole(QPalette::PlaceholderText);
    left->addWidget(m_peopleSummary);
    m_peopleList = new QListWidget;
    m_peopleList->setObjectName(QStringLiteral("privacyPeopleList"));
    m_peopleList->setAccessibleName(tr("Distinct ids found"));
    m_peopleList->setUniformItemSizes(true);
    left->addWidget(m_peopleList, 1);
    layout->addLayout(left, 2);

    auto *right = new QVBoxLayout;
    m_personTitle = plainLabel("privacyPersonTitle");
    QFont title = m_personTitle->font();
    title.setBold(true);
    title.setPointSizeF(title.pointSizeF() * 1.2);
    m_personTitle->setFont(title);
    right->addWidget(m_personTitle);
    m_personDetails = plainLabel("privacyPersonDetails");
    right->addWidget(m_personDetails);
    auto *buttons = new QHBoxLayout;
    m_exportButton =
        button(tr("Export…"), "privacyExportPerson", tr("Export everything held about the person"));
    m_exportButton->setToolTip(tr("Write everything held about the person (all linked ids) to a JSON file"));
    m_eraseButton = button(tr("Erase…"), "privacyErasePerson", tr("Erase everything held about the person"));
    m_eraseButton->setToolTip(tr("Delete the person's interactions and every value only they used; you type "
                                 "the id to confirm"));
    buttons->addWidget(m_exportButton);
    buttons->addWidget(m_eraseButton);
    buttons->addStretch(1);
    right->addLayout(buttons);
    m_peopleMessage = plainLabel("privacyPeopleMessage");
    m_peopleMessage->hide();
    right->addWidget(m_peopleMessage);
    right->addStretch(1);
    layout->addLayout(right, 3);

    m_searchDebounce = new QTimer(this);
    m_searchDebounce->setSingleShot(true);
    m_searchDebounce->setInterval(250);
    connect(m_peopleSearch, &QLineEdit::textChanged, this, [this] { m_searchDebounce->start(); });
    connect(m_searchDebounce, &QTimer::timeout, this, [this] { searchPeople(m_peopleSearch->text()); });
    connect(m_peopleList, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item) showPerson(item->data(Qt::UserRole).toString());
    });
    connect(m_exportButton, &QPushButton::clicked, this, &PrivacyView::exportPerson);
    connect(m_eraseButton, &QPushButton::clicked, this, &PrivacyView::erasePerson);
    return page;
}

void PrivacyView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_analysis->path() != m_loadedPath) reload();
}

void PrivacyView::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(static_cast<int>(tab));
}

void PrivacyView::reload()
{
    m_loadedPath = m_analysis->path();
    if (m_loadedPath.isEmpty()) {
        m_audit.reset();
        m_findings->clear();
        updateFindingsState();
        return;
    }
    requestAudit();
    requestRules();
    requestConsent();
    searchPeople(m_peopleSearch->text());
}

bool PrivacyView::hasAudit() const
{
    return !m_auditing && m_audit.has_value();
}

void PrivacyView::requestAudit()
{
    if (m_analysis->path().isEmpty()) return;
    m_auditing = true;
    updateFindingsState();
    m_analysis->run<PrivacyAudit>(
        QStringLiteral("privacy-audit"), this, [](AnalysisContext &ctx) { return privacyjobs::audit(ctx); },
        [this](const PrivacyAudit &audit) { onAudit(audit); });
}

void PrivacyView::onAudit(const PrivacyAudit &audit)
{
    m_auditing = false;
    m_audit = audit;
    m_readOnly = audit.readOnly;
    m_editor->setReadOnly(m_readOnly);
    if (audit.ok) {
        m_findings->setReport(audit.report);
        QStringList fields;
        for (const auto &f : audit.report.fields)
            fields << fromUtf8(f.field);
        fields << QStringLiteral("url") << QStringLiteral("referrer") << QStringLiteral("properties.*");
        fields.removeDuplicates();
        m_editor->setFieldSuggestions(fields);
    } else {
        m_findings->clear();
    }
    updateFindingsState();
    updateChart();
    updateFindingActions();
    updateRuleActions();
    updatePersonPane();
}

void PrivacyView::updateFindingsState()
{
    m_busy->setVisible(m_auditing);
    m_auditButton->setEnabled(!m_auditing && !m_analysis->path().isEmpty());
    QString summary;
    if (m_analysis->path().isEmpty()) {
        summary = tr("No workspace is open.");
    } else if (m_auditing) {
        summary = tr("Auditing every captured field for personal data…");
    } else if (m_audit && !m_audit->ok) {
        summary = tr("The audit failed: %1").arg(m_audit->error);
    } else if (m_audit) {
        const auto &r = m_audit->report;
        std::int64_t fieldsWithFindings = 0;
        for (const auto &f : r.fields)
            fieldsWithFindings += f.findings.empty() ? 0 : 1;
        const qint64 findings = r.findingCount();
        summary =
            findings == 0
                ? tr("No personal data found in %1 captured fields of %2 interactions.")
                      .arg(formatCount(static_cast<qint64>(r.fields.size())), formatCount(r.interactions))
                : tr("%1 findings in %2 of %3 captured fields, over %4 interactions. Examples are masked.")
                      .arg(formatCount(findings), formatCount(fieldsWithFindings),
                           formatCount(static_cast<qint64>(r.fields.size())), formatCount(r.interactions));
        if (m_readOnly) summary += tr(" The workspace is read-only.");
    }
    m_summary->setText(summary);

    if (m_findings->rowCount() > 0) {
        m_findingsStack->setCurrentWidget(m_findingsTable);
    } else {
        m_findingsEmpty->setText(m_analysis->path().isEmpty() ? tr("No workspace is open.")
                                 : m_auditing || !m_audit     ? tr("Auditing…")
                                 : !m_audit->ok               ? tr("The audit failed: %1").arg(m_audit->error)
                                                : tr("No personal data found in any captured field."));
        m_findingsStack->setCurrentWidget(m_findingsEmpty);
    }

    QString sensitive;
    if (m_audit && m_audit->ok) {
        const auto &elements = m_audit->report.sensitiveElements;
        qint64 captured = 0;
        for (const auto &e : elements)
            captured += e.textCaptured() ? 1 : 0;
        if (!elements.empty())
            sensitive =
                captured == 0
                    ? tr("%1 sensitive form fields (passwords, cards, …): no text captured from any")
                          .arg(formatCount(static_cast<qint64>(elements.size())))
                    : tr("%1 sensitive form fields: text captured from %2 of them")
                          .arg(formatCount(static_cast<qint64>(elements.size())), formatCount(captured));
    }
    m_sensitiveLabel->setText(sensitive);
}

void PrivacyView::updateChart()
{
    if (!m_audit || !m_audit->ok || m_findings->rowCount() == 0) {
        m_chart->setEmpty(m_auditing ? tr("Auditing…") : tr("No personal data found"));
        return;
    }
    // The riskiest fields: each field's highest risk, then the interactions its findings touch.
    struct FieldRisk
    {
        privacy::Severity severity = privacy::Severity::Low;
        qint64 interactions = 0;
    };
    std::map<QString, FieldRisk> fields;
    for (const auto &f : m_audit->report.fields) {
        if (f.findings.empty()) continue;
        FieldRisk risk;
        for (const auto &d : f.findings) {
            risk.severity = std::min(risk.severity, privacy::severityOf(d.type));
            risk.interactions = std::max<qint64>(risk.interactions, d.interactionsAffected);
        }
        fields[fromUtf8(f.field)] = risk;
    }
    std::vector<std::pair<QString, FieldRisk>> sorted(fields.begin(), fields.end());
    std::sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) {
        if (a.second.severity != b.second.severity) return a.second.severity < b.second.severity;
        if (a.second.interactions != b.second.interactions)
            return a.second.interactions > b.second.interactions;
        return a.first < b.first;
    });
    if (sorted.size() > 12) sorted.resize(12);
    std::vector<ChartBar> bars;
    for (const auto &[field, risk] : sorted)
        bars.push_back({tr("%1 (%2 risk)").arg(field, PrivacyFindingModel::riskWord(risk.severity).toLower()),
                        risk.interactions});
    m_chart->setBreakdown(tr("Riskiest fields: interactions affected"), bars);
}

void PrivacyView::updateFindingActions()
{
    const QModelIndex current = m_findingsTable->selectionModel()->currentIndex();
    const bool selected = m_findingsTable->selectionModel()->hasSelection() && current.isValid();
    m_showInteractionsButton->setEnabled(selected);
    const QString field = selected ? current.data(PrivacyFindingRole::Field).toString() : QString();
    const bool canMask = selected && maskable(field) && !m_readOnly;
    m_maskButton->setEnabled(canMask);
    if (selected && !maskable(field))
        m_maskButton->setToolTip(
            tr("The distinct id cannot be masked: it says whose interaction it is. Erase the "
               "person (People tab) or fix the capture."));
    else
        m_maskButton->setToolTip(tr("Start a masking rule for this field and detector, with its dry run"));
}

std::optional<definitions::BrowseFilter> PrivacyView::filterForFindingRow(int row) const
{
    const QModelIndex index = m_findingsProxy->index(row, 0);
    if (!index.isValid()) return std::nullopt;
    const PrivacyFinding *f = m_findings->findingAt(m_findingsProxy->mapToSource(index).row());
    if (!f) return std::nullopt;
    definitions::BrowseFilter filter;
    // Every interaction carrying the finding lies between its first and last sighting.
    filter.range.fromMs = f->finding.firstSeenMs;
    filter.range.toMs = f->finding.lastSeenMs + 1;
    // Attribute fields: only interactions whose chain has an element with that attribute. The
    // value itself (personal data) is never put into a filter.
    static const QString attr = QStringLiteral("element.attr.");
    if (f->field == QLatin1String("element.href")) {
        filter.selector = "[href]";
    } else if (f->field.startsWith(attr)) {
        const QString name = f->field.mid(attr.size());
        bool plain = !name.isEmpty();
        for (const QChar c : name)
            plain = plain && (c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_'));
        if (plain) filter.selector = "[" + name.toStdString() + "]";
    }
    return filter;
}

void PrivacyView::showSelectedFindingInteractions()
{
    const QModelIndex current = m_findingsTable->selectionModel()->currentIndex();
    if (!current.isValid()) return;
    if (const auto filter = filterForFindingRow(current.row())) emit interactionsRequested(*filter);
}

void PrivacyView::maskSelectedFinding()
{
    const QModelIndex current = m_findingsTable->selectionModel()->currentIndex();
    if (!current.isValid()) return;
    const QString field = current.data(PrivacyFindingRole::Field).toString();
    if (!maskable(field)) return;
    MaskRule rule;
    rule.field = field.toStdString();
    rule.detector =
        privacy::detectorTypeFromString(current.data(PrivacyFindingRole::Detector).toString().toStdString());
    rule.action = MaskAction::Redact;
    showTab(RulesTab);
    m_editor->setRule(rule);
}

// Rules -----------------------------------------------------------------------------------------

void PrivacyView::requestRules()
{
    if (m_analysis->path().isEmpty()) return;
    m_analysis->run<PrivacyRules>(
        QStringLiteral("privacy-rules"), this,
        [](AnalysisContext &ctx) { return privacyjobs::loadRules(ctx); },
        [this](const PrivacyRules &rules) {
            if (!rules.ok) {
                setRulesMessage(tr("The masking rules cannot be read: %1").arg(rules.error), true);
                return;
            }
            m_rules->setRules(rules.rules);
            updateRuleActions();
            if (rules.rules.empty()) return;
            m_analysis->run<PrivacyDryRun>(
                QStringLiteral("privacy-rules-dryrun"), this,
                [](AnalysisContext &ctx) { return privacyjobs::dryRunActive(ctx); },
                [this](const PrivacyDryRun &dry) {
                    if (dry.ok) m_rules->setImpact(dry.impact);
                    updateRuleActions();
                });
        });
}

void PrivacyView::updateRuleActions()
{
    const bool selected = m_rulesTable->selectionModel()->hasSelection();
    m_removeRuleButton->setEnabled(selected && !m_readOnly && !m_applying);
    m_applyButton->setEnabled(m_rules->rowCount() > 0 && m_rules->hasPendingChanges() && !m_readOnly &&
                              !m_applying);
}

void PrivacyView::removeSelectedRule()
{
    const QModelIndex current = m_rulesTable->selectionModel()->currentIndex();
    const MaskRule *rule = m_rules->ruleAt(current.row());
    if (!rule || m_readOnly) return;
    const qint64 id = rule->id;
    m_analysis->run<PrivacyRuleChange>(
        QStringLiteral("privacy-rule-change"), this,
        [id](AnalysisContext &ctx) { return privacyjobs::removeRule(ctx, id, QString()); },
        [this, id](const PrivacyRuleChange &change) {
            if (!change.ok) {
                setRulesMessage(tr("The rule was not removed: %1").arg(change.error), true);
                return;
            }
            setRulesMessage(tr("Rule %1 removed. New imports are no longer masked by it; values it already "
                               "masked stay masked.")
                                .arg(id),
                            false);
            requestRules();
        });
}

void PrivacyView::applyRules()
{
    if (m_rules->rowCount() == 0 || m_readOnly || m_applying) return;
    m_applying = true;
    updateRuleActions();
    setRulesMessage(tr("Checking what the rules would change…"), false);
    m_analysis->run<PrivacyDryRun>(
        QStringLiteral("privacy-apply-dryrun"), this,
        [](AnalysisContext &ctx) { return privacyjobs::dryRunActive(ctx); },
        [this](const PrivacyDryRun &dry) {
            m_applying = false;
            updateRuleActions();
            if (!dry.ok) {
                setRulesMessage(tr("The rules cannot be checked: %1").arg(dry.error), true);
                return;
            }
            m_rules->setImpact(dry.impact);
            if (!dry.impact.changesSomething()) {
                setRulesMessage(tr("Nothing to mask: the stored data already follows the %n active rule(s).",
                                   nullptr, static_cast<int>(dry.impact.rules.size())),
                                false);
                return;
            }
            m_rulesMessage->hide();
            confirmApply(dry.impact);
        });
}

void PrivacyView::confirmApply(const privacy::MaskImpact &impact)
{
    QStringList lines;
    lines << tr("Applying the %n active masking rule(s) rewrites the stored data:", nullptr,
                static_cast<int>(impact.rules.size()));
    lines << tr("• %1 of %2 interactions get masked values (%3 distinct stored values change)")
                 .arg(formatCount(impact.interactionsChanged), formatCount(impact.interactions),
                      formatCount(impact.valuesChanged));
    if (impact.interactionsDropped > 0)
        lines << tr("• %1 interactions are deleted").arg(formatCount(impact.interactionsDropped));
    for (const auto &r : impact.rules) {
        if (r.interactionsAffected == 0) continue;
        lines << tr("  – rule %1, %2: %3 interactions")
                     .arg(r.rule.id)
                     .arg(untrusted::line(fromUtf8(privacy::describeMaskRule(r.rule)), 120),
                          formatCount(r.interactionsAffected));
    }
    lines << QString();
    lines << tr(
        "The original values are then removed from the store file, its write-ahead log and its cache. "
        "This cannot be undone.");
    if (impact.needsConfirmation())
        lines << QString() << tr("Careful: %1.").arg(fromUtf8(impact.confirmationReason()));

    auto *box = new QMessageBox(QMessageBox::Warning, tr("Apply masking rules"),
                                lines.join(QLatin1Char('\n')), QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("privacyApplyConfirm"));
    box->setTextFormat(Qt::PlainText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *apply =
        box->addButton(tr("Rewrite %1 interactions")
                           .arg(formatCount(impact.interactionsChanged + impact.interactionsDropped)),
                       QMessageBox::DestructiveRole);
    apply->setObjectName(QStringLiteral("privacyApplyConfirmButton"));
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::buttonClicked, this, [this, apply](QAbstractButton *clicked) {
        if (clicked == apply) runApply();
    });
    m_applyConfirm = box;
    box->open();
}

void PrivacyView::runApply()
{
    if (m_applying) return;
    m_applying = true;
    updateRuleActions();
    setRulesMessage(tr("Masking the stored data…"), false);
    m_analysis->run<PrivacyApply>(
        QStringLiteral("privacy-apply"), this,
        [](AnalysisContext &ctx) { return privacyjobs::applyActive(ctx); },
        [this](const PrivacyApply &result) {
            m_applying = false;
            updateRuleActions();
            if (!result.ok) {
                setRulesMessage(tr("The rules were not applied: %1").arg(result.error), true);
                return;
            }
            const auto &r = result.report;
            if (!r.applied) {
                setRulesMessage(tr("Nothing to mask: the stored data already follows the rules."), false);
            } else {
                QString text = r.impact.interactionsDropped > 0
                                   ? tr("Masked %1 interactions and dropped %2 (of %3).")
                                         .arg(formatCount(r.impact.interactionsChanged),
                                              formatCount(r.impact.interactionsDropped),
                                              formatCount(r.impact.interactions))
                                   : tr("Masked %1 of %2 interactions.")
                                         .arg(formatCount(r.impact.interactionsChanged),
                                              formatCount(r.impact.interactions));
                text +=
                    QLatin1Char(' ') + tr("%1 raw values were deleted and their bytes removed from the store "
                                          "file, its write-ahead log and its cache.")
                                           .arg(formatCount(r.rowsRemoved));
                setRulesMessage(text, false);
            }
            storeWasRewritten();
        });
}

void PrivacyView::setRulesMessage(const QString &text, bool error)
{
    m_rulesMessage->setText(text);
    QPalette p = palette();
    if (error) p.setColor(QPalette::WindowText, QColor(0xd0, 0x3b, 0x3b));
    m_rulesMessage->setPalette(p);
    m_rulesMessage->setVisible(!text.isEmpty());
}

QString PrivacyView::rulesMessage() const
{
    return m_rulesMessage->isHidden() ? QString() : m_rulesMessage->text();
}

void PrivacyView::storeWasRewritten()
{
    requestAudit();
    requestRules();
    requestConsent();
    emit storeChanged();
}

// Consent ---------------------------------------------------------------------------------------

void PrivacyView::requestConsent()
{
    if (m_analysis->path().isEmpty()) return;
    m_consentPolicy->setText(tr("Reading…"));
    m_analysis->run<PrivacyConsent>(
        QStringLiteral("privacy-consent"), this,
        [](AnalysisContext &ctx) { return privacyjobs::consent(ctx); },
        [this](const PrivacyConsent &c) {
            if (!c.ok) {
                m_consentPolicy->setText(tr("The consent policy cannot be read: %1").arg(c.error));
                m_consentCounts->clear();
                m_consentNote->clear();
                return;
            }
            const auto &p = c.policy;
            QString policy =
                p.unknown == privacy::UnknownConsentAction::Keep
                    ? tr("Interactions without a consent signal are kept.")
                    : tr("Interactions without a consent signal are dropped: only granted consent is "
                         "stored.");
            policy += QLatin1Char('\n');
            policy += p.denied == privacy::DeniedConsentAction::Flag
                          ? tr("Opted-out interactions are kept, marked denied.")
                          : tr("Opted-out interactions are dropped.");
            policy += QLatin1Char('\n');
            policy += p.changedMs
                          ? tr("Set by %1 on %2.")
                                .arg(untrusted::line(p.changedBy, 60), formatLocalDateTime(p.changedMs))
                          : tr("The default policy.");
            m_consentPolicy->setText(policy);
            const auto &i = c.impact;
            auto pct = [&](qint64 n) {
                return i.interactions > 0 ? displayLocale().toString(100.0 * static_cast<double>(n) /
                                                                         static_cast<double>(i.interactions),
                                                                     'f', 1) +
                                                QLatin1Char('%')
                                          : QString();
            };
            QStringList counts;
            counts << tr("Granted   %1  %2").arg(formatCount(i.granted), pct(i.granted));
            counts << tr("Denied    %1  %2").arg(formatCount(i.denied), pct(i.denied));
            counts << tr("Unknown   %1  %2").arg(formatCount(i.unknown), pct(i.unknown));
            if (i.other)
                counts
                    << tr("Other     %1  (codes this version does not know; kept)").arg(formatCount(i.other));
            counts << tr("In all    %1").arg(formatCount(i.interactions));
            m_consentCounts->setText(counts.join(QLatin1Char('\n')));
            QStringList notes;
            if (i.toDrop)
                notes << tr("%1 stored interactions are dropped by this policy but still stored: run "
                            "'hindsight "
                            "consent apply' to delete them.")
                             .arg(formatCount(i.toDrop));
            if (i.toMark)
                notes << tr("%1 interactions stored as unknown carry a PostHog consent signal; 'hindsight "
                            "consent "
                            "apply' marks them.")
                             .arg(formatCount(i.toMark));
            notes << tr(
                "The policy applies to every import at the door; change it with 'hindsight consent set'.");
            m_consentNote->setText(notes.join(QLatin1Char('\n')));
        });
}

// People ----------------------------------------------------------------------------------------

void PrivacyView::searchPeople(const QString &text)
{
    m_searchDebounce->stop();
    if (m_peopleSearch->text() != text) {
        const QSignalBlocker block(m_peopleSearch);
        m_peopleSearch->setText(text);
    }
    if (m_analysis->path().isEmpty()) return;
    m_peopleSummary->setText(tr("Searching…"));
    m_analysis->run<PersonSearch>(
        QStringLiteral("privacy-people"), this,
        [text](AnalysisContext &ctx) { return privacyjobs::searchPeople(ctx, text); },
        [this](const PersonSearch &result) {
            const QString keep = m_person.ok ? m_person.subject : QString();
            const QSignalBlocker block(m_peopleList);
            m_peopleList->clear();
            if (!result.ok) {
                m_peopleSummary->setText(tr("People cannot be searched: %1").arg(result.error));
                return;
            }
            if (result.stale) {
                // The store was just rewritten; the index is read again within a second.
                QTimer::singleShot(1100, this, [this] { searchPeople(m_peopleSearch->text()); });
                return;
            }
            QListWidgetItem *current = nullptr;
            for (const auto &m : result.matches) {
                QString label = tr("%1 — %2 interactions")
                                    .arg(untrusted::line(m.distinctId, 80), formatCount(m.interactions));
                if (m.personDistinctId != m.distinctId)
                    label += tr(" (person %1)").arg(untrusted::line(m.personDistinctId, 60));
                auto *item = new QListWidgetItem(label, m_peopleList);
                item->setData(Qt::UserRole, m.distinctId);
                item->setToolTip(untrusted::toolTip(m.distinctId));
                if (m.distinctId == keep) current = item;
            }
            m_peopleSummary->setText(
                result.totalMatches > static_cast<qint64>(result.matches.size())
                    ? tr("%1 distinct ids match; the %2 with most interactions are listed")
                          .arg(formatCount(result.totalMatches),
                               formatCount(static_cast<qint64>(result.matches.size())))
                    : tr("%n distinct id(s)", nullptr, static_cast<int>(result.totalMatches)));
            if (current) {
                m_peopleList->setCurrentItem(current);
            } else if (m_peopleList->count() > 0 && !m_peopleSearch->text().trimmed().isEmpty()) {
                m_peopleList->setCurrentRow(0);
                showPerson(m_peopleList->item(0)->data(Qt::UserRole).toString());
            } else if (m_person.ok) {
                showPerson(m_person.subject); // erased or gone: says so
            }
        });
}

void PrivacyView::showPerson(const QString &distinctId)
{
    if (m_analysis->path().isEmpty()) return;
    m_personBusy = true;
    updatePersonPane();
    m_analysis->run<PersonDetails>(
        QStringLiteral("privacy-person"), this,
        [distinctId](AnalysisContext &ctx) { return privacyjobs::person(ctx, distinctId); },
        [this](const PersonDetails &details) {
            m_personBusy = false;
            m_person = details;
            updatePersonPane();
        });
}

void PrivacyView::updatePersonPane()
{
    const bool shown = m_person.ok;
    m_exportButton->setEnabled(shown && !m_personBusy);
    m_eraseButton->setEnabled(shown && !m_personBusy && !m_readOnly);
    if (m_personBusy && !shown) {
        m_personTitle->setText(tr("Reading…"));
        m_personDetails->clear();
        return;
    }
    if (!shown) {
        if (m_person.subject.isEmpty()) {
            m_personTitle->setText(tr("No person selected"));
            m_personDetails->setText(
                tr("Search a distinct id to see what is held about the person, export it or "
                   "erase it."));
        } else {
            m_personTitle->setText(untrusted::line(m_person.subject, 80));
            m_personDetails->setText(m_person.unknown && m_person.erasedBefore > 0
                                         ? tr("Nothing is held about this id: it was erased (%n erasure log "
                                              "entries).",
                                              nullptr, m_person.erasedBefore)
                                         : m_person.error);
        }
        return;
    }
    m_personTitle->setText(untrusted::line(m_person.subject, 80));
    QStringList ids;
    for (const auto &id : m_person.distinctIds)
        ids << untrusted::line(id, 60);
    QStringList lines;
    lines << tr("%1 interactions in %2 sessions")
                 .arg(formatCount(m_person.interactions), formatCount(m_person.sessions));
    if (m_person.firstMs && m_person.lastMs)
        lines << tr("Seen from %1 to %2")
                     .arg(formatLocalDateTime(*m_person.firstMs), formatLocalDateTime(*m_person.lastMs));
    lines << tr("%n linked distinct id(s): %1", nullptr, static_cast<int>(ids.size()))
                 .arg(ids.join(QStringLiteral(", ")));
    m_personDetails->setText(lines.join(QLatin1Char('\n')));
}

void PrivacyView::exportPerson()
{
    if (!m_person.ok) return;
    auto *dialog = new QFileDialog(this, tr("Export the person's data"));
    dialog->setObjectName(QStringLiteral("privacyExportDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setFileMode(QFileDialog::AnyFile);
    dialog->setNameFilter(tr("JSON (*.json)"));
    dialog->setDefaultSuffix(QStringLiteral("json"));
    dialog->setDirectory(QDir::homePath());
    dialog->selectFile(QStringLiteral("person-export.json"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, &PrivacyView::writeExport);
    dialog->open();
}

void PrivacyView::writeExport(const QString &path)
{
    if (!m_person.ok || path.isEmpty()) return;
    const QString id = m_person.subject;
    m_personBusy = true;
    updatePersonPane();
    setPeopleMessage(tr("Exporting…"), false);
    m_analysis->run<PersonExport>(
        QStringLiteral("privacy-export"), this,
        [id, path](AnalysisContext &ctx) { return privacyjobs::exportPerson(ctx, id, path); },
        [this](const PersonExport &result) {
            m_personBusy = false;
            updatePersonPane();
            if (!result.ok) {
                setPeopleMessage(tr("The export failed: %1").arg(result.error), true);
                return;
            }
            setPeopleMessage(
                tr("Wrote %1 interactions of %n distinct id(s) to %2 (readable by you only).", nullptr,
                   result.distinctIds)
                    .arg(formatCount(result.interactions), QDir::toNativeSeparators(result.path)),
                false);
        });
}

void PrivacyView::erasePerson()
{
    if (!m_person.ok || m_readOnly) return;
    const QString id = m_person.subject;
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("privacyEraseConfirm"));
    dialog->setWindowTitle(tr("Erase a person"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *layout = new QVBoxLayout(dialog);
    auto *text = plainLabel("privacyEraseText");
    text->setText(
        tr("Erase everything held about %1: %2 interactions in %3 sessions of %n linked distinct id(s), "
           "and every value no one else uses. The erasure is logged with a keyed hash of the id, never the "
           "id. This cannot be undone.",
           nullptr, static_cast<int>(m_person.distinctIds.size()))
            .arg(untrusted::line(id, 80), formatCount(m_person.interactions),
                 formatCount(m_person.sessions)));
    layout->addWidget(text);
    auto *prompt = plainLabel("privacyErasePrompt");
    prompt->setText(tr("Type the distinct id to confirm:"));
    layout->addWidget(prompt);
    auto *typed = new QLineEdit;
    typed->setObjectName(QStringLiteral("privacyEraseTyped"));
    typed->setAccessibleName(tr("Type the distinct id to confirm"));
    layout->addWidget(typed);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    QPushButton *erase = buttons->addButton(tr("Erase"), QDialogButtonBox::DestructiveRole);
    erase->setObjectName(QStringLiteral("privacyEraseConfirmButton"));
    erase->setEnabled(false);
    erase->setAutoDefault(false);
    layout->addWidget(buttons);
    connect(typed, &QLineEdit::textChanged, erase,
            [erase, id](const QString &t) { erase->setEnabled(t == id); });
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(erase, &QPushButton::clicked, dialog, [this, dialog, typed, id] {
        if (typed->text() != id) return;
        dialog->accept();
        runErase(id);
    });
    m_eraseConfirm = dialog;
    dialog->open();
}

void PrivacyView::runErase(const QString &distinctId)
{
    m_personBusy = true;
    updatePersonPane();
    setPeopleMessage(tr("Erasing…"), false);
    m_analysis->run<PersonErase>(
        QStringLiteral("privacy-erase"), this,
        [distinctId](AnalysisContext &ctx) { return privacyjobs::erasePerson(ctx, distinctId); },
        [this, distinctId](const PersonErase &result) {
            m_personBusy = false;
            if (!result.ok) {
                updatePersonPane();
                setPeopleMessage(tr("Nothing was erased: %1").arg(result.error), true);
                return;
            }
            const auto &d = result.report.deleted;
            setPeopleMessage(
                tr("Erased %1 interactions of %2 distinct ids (sessions: %3; stored values no one else used: "
                   "%4). Logged as erasure %5 with a keyed hash of the id only; the store files were "
                   "scrubbed.")
                    .arg(formatCount(d.interactions), formatCount(d.distinctIds), formatCount(d.sessions),
                         formatCount(d.urls + d.texts + d.chains + d.properties))
                    .arg(result.report.log.id),
                false);
            m_person = PersonDetails{};
            m_person.subject = distinctId;
            m_person.error = tr("Nothing is held about this id any more.");
            updatePersonPane();
            storeWasRewritten();
            searchPeople(m_peopleSearch->text());
        });
}

void PrivacyView::setPeopleMessage(const QString &text, bool error)
{
    m_peopleMessage->setText(text);
    QPalette p = palette();
    if (error) p.setColor(QPalette::WindowText, QColor(0xd0, 0x3b, 0x3b));
    m_peopleMessage->setPalette(p);
    m_peopleMessage->setVisible(!text.isEmpty());
}

QString PrivacyView::peopleMessage() const
{
    return m_peopleMessage->text();
}

} // namespace hindsight::ui
