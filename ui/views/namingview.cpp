#include "ui/views/namingview.h"

#include "core/naming/violation.h"
#include "ui/common/humanformat.h"
#include "ui/common/sharedtimerange.h"
#include "ui/common/untrustedtext.h"
#include "ui/models/namingduplicatemodel.h"
#include "ui/models/namingviolationmodel.h"
#include "ui/store/analysiscontext.h"
#include "ui/store/analysisservice.h"
#include "ui/store/catalogeditor.h"
#include "ui/views/namingconventioneditor.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTreeView>
#include <QTreeWidget>
#include <QUndoCommand>
#include <QUndoStack>
#include <QVBoxLayout>
#include <tuple>

namespace hindsight::ui {

namespace {

const QString kReviewKey = QStringLiteral("naming.review");
const QString kMeaningKey = QStringLiteral("naming.meaning");
const QString kHealthKey = QStringLiteral("naming.health");

QLabel *plainLabel(const char *objectName, bool wrap = true)
{
    auto *label = new QLabel;
    label->setObjectName(QString::fromLatin1(objectName));
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(wrap);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QLabel *emptyState(const char *objectName)
{
    auto *label = plainLabel(objectName);
    label->setAlignment(Qt::AlignCenter);
    label->setContentsMargins(24, 24, 24, 24);
    return label;
}

QString qs(const std::string &text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

bool isNamingRule(const QString &ruleId)
{
    const auto rule = naming::parseRuleId(ruleId.toStdString());
    return rule && *rule != naming::Rule::MissingDescription && *rule != naming::Rule::MissingOwner &&
           *rule != naming::Rule::MissingCategory;
}

int statusRank(const QString &status)
{
    if (status == QLatin1String("verified")) return 0;
    if (status == QLatin1String("draft")) return 1;
    return 2;
}

/// Storing a naming convention, on the undo stack next to the catalog's edits. The first
/// redo does nothing: the convention was stored before the command was pushed. Undo and redo
/// store the JSON before / after on the analysis thread (the review then asks again).
class NamingConventionCommand : public QUndoCommand
{
  public:
    NamingConventionCommand(AnalysisService *service, const QString &text, std::optional<std::string> before,
                            std::optional<std::string> after)
        : QUndoCommand(text), m_service(service), m_before(std::move(before)), m_after(std::move(after))
    {
    }

    void redo() override
    {
        if (m_first) {
            m_first = false;
            return;
        }
        store(m_after);
    }
    void undo() override { store(m_before); }

  private:
    void store(const std::optional<std::string> &json)
    {
        if (!m_service) return;
        m_service->post(
            QString(), [json](AnalysisContext &ctx) { namingjobs::saveWorkspaceConvention(ctx, json); }, {},
            m_service);
    }

    QPointer<AnalysisService> m_service;
    std::optional<std::string> m_before, m_after;
    bool m_first = true;
};

} // namespace

NamingView::NamingView(AnalysisService *analysis, CatalogEditor *catalog, SharedTimeRange *range,
                       QWidget *parent)
    : QWidget(parent), m_analysis(analysis), m_catalog(catalog), m_range(range),
      m_violations(new NamingViolationModel(this)), m_duplicates(new NamingDuplicateModel(this))
{
    setObjectName(QStringLiteral("namingView"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->setSpacing(6);

    m_conventionLine = plainLabel("namingConventionLine");
    layout->addWidget(m_conventionLine);
    m_message = plainLabel("namingMessage");
    m_message->setVisible(false);
    layout->addWidget(m_message);

    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("namingTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(buildViolationsTab(), QString());
    m_tabs->addTab(buildDuplicatesTab(), QString());
    m_tabs->addTab(buildHealthTab(), QString());
    m_editor = new NamingConventionEditor;
    m_tabs->addTab(m_editor, QString());
    layout->addWidget(m_tabs, 1);

    connect(m_editor, &NamingConventionEditor::saveRequested, this,
            [this](const naming::Convention &c) { saveConvention(c); });
    connect(m_editor, &NamingConventionEditor::resetRequested, this,
            [this] { saveConvention(std::nullopt); });
    connect(m_analysis, &AnalysisService::catalogChanged, this, &NamingView::requestAll);
    if (m_range)
        connect(m_range, &SharedTimeRange::changed, this, [this] {
            // New data moves the newest interaction: what is stale and what overlaps changes.
            if (m_range->newestMs() == m_checkedNewestMs) return;
            requestMeaning();
            requestHealth();
        });
    if (m_catalog) {
        connect(m_catalog, &CatalogEditor::failed, this, [this](const QString &text, const QString &error) {
            if (!m_awaitingEdit) return;
            m_awaitingEdit = false;
            showMessage(tr("%1 failed: %2").arg(text, error), true);
        });
        connect(m_catalog, &CatalogEditor::succeeded, this, [this](const QString &text) {
            if (!m_awaitingEdit) return;
            m_awaitingEdit = false;
            showMessage(tr("%1: done. Undo with Ctrl+Z.").arg(text), false);
        });
    }

    updateTabTitles();
    updateViolationActions();
    updateMergePanel();
    if (!m_analysis->path().isEmpty()) requestAll();
}

NamingView::~NamingView() = default;

QWidget *NamingView::buildViolationsTab()
{
    m_violationPages = new QStackedWidget;
    m_violationPages->setObjectName(QStringLiteral("namingViolationPages"));

    // The review: rules with their violations, each checkable.
    auto *review = new QWidget;
    auto *layout = new QVBoxLayout(review);
    layout->setContentsMargins(0, 6, 0, 0);
    auto *bar = new QHBoxLayout;
    m_violationSummary = plainLabel("namingViolationSummary");
    m_checkAll = new QPushButton(tr("Check all fixable"));
    m_checkAll->setObjectName(QStringLiteral("namingCheckAllButton"));
    m_checkAll->setToolTip(tr("Check every violation that has a suggested name"));
    m_checkNone = new QPushButton(tr("Clear checks"));
    m_checkNone->setObjectName(QStringLiteral("namingCheckNoneButton"));
    m_preview = new QPushButton(tr("Preview renames…"));
    m_preview->setObjectName(QStringLiteral("namingPreviewButton"));
    m_preview->setToolTip(tr("See the checked renames before applying them"));
    m_preview->setDefault(true);
    bar->addWidget(m_violationSummary, 1);
    bar->addWidget(m_checkAll);
    bar->addWidget(m_checkNone);
    bar->addWidget(m_preview);
    layout->addLayout(bar);

    m_violationTree = new QTreeView;
    m_violationTree->setObjectName(QStringLiteral("namingViolationTree"));
    m_violationTree->setAccessibleName(tr("Naming violations by rule"));
    m_violationTree->setModel(m_violations);
    m_violationTree->setUniformRowHeights(true);
    m_violationTree->setAlternatingRowColors(true);
    m_violationTree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_violationTree->header()->setStretchLastSection(true);
    m_violationTree->header()->resizeSection(NamingViolationModel::NameColumn, 300);
    m_violationTree->header()->resizeSection(NamingViolationModel::SuggestionColumn, 300);
    layout->addWidget(m_violationTree, 1);
    m_violationsEmpty = emptyState("namingViolationsEmpty");
    layout->addWidget(m_violationsEmpty, 1);
    m_violationPages->addWidget(review);

    // The preview: what Apply will do.
    auto *preview = new QWidget;
    auto *pl = new QVBoxLayout(preview);
    pl->setContentsMargins(0, 6, 0, 0);
    auto *heading = plainLabel("namingPreviewHeading");
    heading->setText(tr("These definitions will be renamed, all in one change:"));
    pl->addWidget(heading);
    m_previewList = new QTreeWidget;
    m_previewList->setObjectName(QStringLiteral("namingPreviewList"));
    m_previewList->setAccessibleName(tr("Renames to apply"));
    m_previewList->setHeaderLabels({tr("Current name"), tr("New name")});
    m_previewList->setRootIsDecorated(false);
    m_previewList->setUniformRowHeights(true);
    m_previewList->header()->resizeSection(0, 360);
    pl->addWidget(m_previewList, 1);
    m_previewNote = plainLabel("namingPreviewNote");
    m_previewNote->setText(tr("The old names keep resolving (charts, files and the command line still find "
                              "them) and every rename is in the definitions' history. Undo (Ctrl+Z) puts "
                              "the old names back."));
    pl->addWidget(m_previewNote);
    auto *pb = new QHBoxLayout;
    pb->addStretch(1);
    m_back = new QPushButton(tr("Back"));
    m_back->setObjectName(QStringLiteral("namingPreviewBackButton"));
    m_apply = new QPushButton;
    m_apply->setObjectName(QStringLiteral("namingApplyButton"));
    m_apply->setDefault(true);
    pb->addWidget(m_back);
    pb->addWidget(m_apply);
    pl->addLayout(pb);
    m_violationPages->addWidget(preview);

    connect(m_checkAll, &QPushButton::clicked, this, [this] { m_violations->setAllChecked(true); });
    connect(m_checkNone, &QPushButton::clicked, this, [this] { m_violations->setAllChecked(false); });
    connect(m_preview, &QPushButton::clicked, this, &NamingView::previewRenames);
    connect(m_back, &QPushButton::clicked, this, [this] { m_violationPages->setCurrentIndex(0); });
    connect(m_apply, &QPushButton::clicked, this, &NamingView::applyRenames);
    connect(m_violations, &NamingViolationModel::checkedChanged, this, &NamingView::updateViolationActions);
    connect(m_violations, &QAbstractItemModel::modelReset, this, [this] {
        m_violationTree->expandAll();
        updateViolationActions();
    });
    connect(m_violationTree, &QTreeView::activated, this, [this](const QModelIndex &index) {
        const QString name = index.data(NamingViolationModel::DefinitionRole).toString();
        if (!name.isEmpty()) emit definitionActivated(name);
    });
    return m_violationPages;
}

QWidget *NamingView::buildDuplicatesTab()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 6, 0, 0);
    m_meaningStatus = plainLabel("namingMeaningStatus");
    layout->addWidget(m_meaningStatus);
    m_duplicateTree = new QTreeView;
    m_duplicateTree->setObjectName(QStringLiteral("namingDuplicateTree"));
    m_duplicateTree->setAccessibleName(tr("Duplicate definitions"));
    m_duplicateTree->setModel(m_duplicates);
    m_duplicateTree->setUniformRowHeights(true);
    m_duplicateTree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_duplicateTree->header()->setStretchLastSection(true);
    m_duplicateTree->header()->resizeSection(NamingDuplicateModel::NameColumn, 320);
    m_duplicateTree->header()->resizeSection(NamingDuplicateModel::StatusColumn, 110);
    m_duplicateTree->header()->resizeSection(NamingDuplicateModel::MatchesColumn, 90);
    layout->addWidget(m_duplicateTree, 1);
    m_duplicatesEmpty = emptyState("namingDuplicatesEmpty");
    layout->addWidget(m_duplicatesEmpty, 1);

    auto *panel = new QHBoxLayout;
    auto *keepLabel = new QLabel(tr("&Keep:"));
    m_keep = new QComboBox;
    m_keep->setObjectName(QStringLiteral("namingKeepCombo"));
    m_keep->setAccessibleName(tr("Definition to keep"));
    m_keep->setMinimumContentsLength(24);
    m_keep->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    keepLabel->setBuddy(m_keep);
    m_merge = new QPushButton(tr("Merge the others into it"));
    m_merge->setObjectName(QStringLiteral("namingMergeButton"));
    m_mergeExplain = plainLabel("namingMergeExplain");
    panel->addWidget(keepLabel);
    panel->addWidget(m_keep);
    panel->addWidget(m_merge);
    panel->addStretch(1);
    layout->addLayout(panel);
    layout->addWidget(m_mergeExplain);

    connect(m_duplicates, &QAbstractItemModel::modelReset, this, [this] {
        m_duplicateTree->expandAll();
        updateMergePanel();
    });
    connect(m_duplicateTree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &NamingView::updateMergePanel);
    connect(m_keep, &QComboBox::currentIndexChanged, this, &NamingView::updateMergeExplain);
    connect(m_merge, &QPushButton::clicked, this, [this] { mergeSelectedGroup(); });
    connect(m_duplicateTree, &QTreeView::activated, this, [this](const QModelIndex &index) {
        const QString name = index.data(NamingDuplicateModel::DefinitionRole).toString();
        if (!name.isEmpty()) emit definitionActivated(name);
    });
    return page;
}

QWidget *NamingView::buildHealthTab()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 6, 0, 0);
    m_healthBasis = plainLabel("namingHealthBasis");
    layout->addWidget(m_healthBasis);
    m_healthList = new QTreeWidget;
    m_healthList->setObjectName(QStringLiteral("namingHealthList"));
    m_healthList->setAccessibleName(tr("Stale and broken definitions"));
    m_healthList->setHeaderLabels({tr("Definition"), tr("State"), tr("Last match"), tr("Why")});
    m_healthList->setRootIsDecorated(false);
    m_healthList->setUniformRowHeights(true);
    m_healthList->header()->resizeSection(0, 320);
    m_healthList->header()->resizeSection(1, 180);
    m_healthList->header()->resizeSection(2, 160);
    layout->addWidget(m_healthList, 1);
    m_healthEmpty = emptyState("namingHealthEmpty");
    layout->addWidget(m_healthEmpty, 1);
    connect(m_healthList, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        if (item) emit definitionActivated(item->data(0, Qt::UserRole).toString());
    });
    return page;
}

void NamingView::requestAll()
{
    requestReview();
    requestMeaning();
    requestHealth();
}

void NamingView::requestReview()
{
    m_hasReview = false;
    m_analysis->run<NamingReview>(
        kReviewKey, this, [](AnalysisContext &ctx) { return namingjobs::review(ctx); },
        [this](const NamingReview &r) { showReview(r); });
    updateTabTitles();
}

void NamingView::requestMeaning()
{
    m_hasMeaning = false;
    m_meaningStatus->setText(tr("Finding definitions that match the same interactions…"));
    m_analysis->run<NamingMeaningResult>(
        kMeaningKey, this, [](AnalysisContext &ctx) { return namingjobs::meaningDuplicates(ctx); },
        [this](const NamingMeaningResult &r) { showMeaning(r); });
    updateTabTitles();
}

void NamingView::requestHealth()
{
    m_hasHealth = false;
    if (m_range) m_checkedNewestMs = m_range->newestMs();
    m_healthBasis->setText(tr("Checking which definitions stopped matching…"));
    m_analysis->run<NamingHealthResult>(
        kHealthKey, this, [](AnalysisContext &ctx) { return namingjobs::health(ctx); },
        [this](const NamingHealthResult &r) { showHealth(r); });
    updateTabTitles();
}

void NamingView::showReview(const NamingReview &review)
{
    m_hasReview = true;
    m_readOnly = review.readOnly;
    m_conventionId = review.convention.id;
    m_breaking.clear();
    for (const auto &v : review.violations)
        if (isNamingRule(v.ruleId)) m_breaking.insert(v.definition);
    m_violations->setViolations(review.violations);
    m_duplicates->setNameGroups(review.duplicates);

    QString line =
        tr("Convention: %1 — %2")
            .arg(untrusted::line(
                     qs(review.convention.name.empty() ? review.convention.id : review.convention.name), 60),
                 untrusted::line(qs(review.convention.pattern()), 120));
    line +=
        QStringLiteral("  ·  ") + (review.conventionStored ? tr("the workspace's convention")
                                                           : tr("the default: the workspace stores none"));
    line += QStringLiteral("  ·  ") +
            (review.names.size() == 1 ? tr("1 definition reviewed")
                                      : tr("%1 definitions reviewed").arg(review.names.size())) +
            tr(" (deprecated and archived ones are left out)");
    m_conventionLine->setText(line);
    if (!review.ok)
        showMessage(review.error, true);
    else if (!review.conventionError.isEmpty())
        showMessage(review.conventionError, true);
    else if (!review.error.isEmpty())
        showMessage(review.error, true);

    if (!review.ok)
        m_violationsEmpty->setText(tr("The catalog could not be reviewed."));
    else if (review.names.isEmpty())
        m_violationsEmpty->setText(tr("The catalog has no definitions to review yet. Define events in the "
                                      "Definitions view, then come back here."));
    else
        m_violationsEmpty->setText(tr("Every name follows the convention, and every definition has a "
                                      "description, an owner and a category. Nothing to fix."));
    const bool empty = m_violations->rowCount() == 0;
    m_violationTree->setVisible(!empty);
    m_violationsEmpty->setVisible(empty);

    // The editor follows the stored convention unless the user is in the middle of a draft
    // (after a save, the draft is what was stored).
    if (!m_editor->isModified() || m_editor->conventionToSave() == review.convention)
        m_editor->setConvention(review.convention, review.conventionStored);
    m_editor->setCatalogNames(review.names);
    m_editor->setReadOnly(review.readOnly);
    updateTabTitles();
    updateMergePanel();
}

void NamingView::showMeaning(const NamingMeaningResult &result)
{
    m_hasMeaning = true;
    m_duplicates->setMeaningGroups(result.groups);
    m_duplicates->setMatched(result.matched);
    if (!result.ok)
        m_meaningStatus->setText(tr("Duplicates by meaning could not be checked: %1").arg(result.error));
    else
        m_meaningStatus->setText(
            tr("By name: the same words written another way. By meaning: definitions whose "
               "matched interactions overlap by 90 % or more, over all the workspace's "
               "data."));
    if (!result.notCompiled.isEmpty())
        m_meaningStatus->setText(
            m_meaningStatus->text() + QLatin1Char('\n') +
            tr("Left out (they do not compile): %1")
                .arg(untrusted::line(result.notCompiled.join(QStringLiteral("; ")), 400)));
    updateTabTitles();
    updateMergePanel();
}

void NamingView::showHealth(const NamingHealthResult &result)
{
    m_hasHealth = true;
    m_healthList->clear();
    m_healthCount = result.ok ? static_cast<int>(result.rows.size()) : -1;
    for (const auto &row : result.rows) {
        auto *item = new QTreeWidgetItem;
        item->setText(0, untrusted::line(row.name));
        item->setToolTip(0, untrusted::toolTip(row.name));
        item->setData(0, Qt::UserRole, row.name);
        switch (row.state) {
        case NamingHealthRow::State::Stale:
            item->setText(1, tr("Stale"));
            break;
        case NamingHealthRow::State::NeverMatched:
            item->setText(1, tr("Stale: never matched"));
            break;
        case NamingHealthRow::State::Broken:
            item->setText(1, tr("Broken"));
            break;
        }
        item->setText(2, row.lastMatchMs ? formatLocalDateTime(*row.lastMatchMs) : tr("never"));
        item->setText(3, untrusted::line(row.detail, 400));
        item->setToolTip(3, untrusted::toolTip(row.detail));
        m_healthList->addTopLevelItem(item);
    }
    if (!result.ok) {
        m_healthBasis->setText(tr("The health check could not run: %1").arg(result.error));
        m_healthEmpty->setText(tr("No health check."));
    } else {
        m_healthBasis->setText((result.checked == 1 ? tr("1 definition checked")
                                                    : tr("%1 definitions checked").arg(result.checked)) +
                               tr(", judged by %1.").arg(untrusted::line(result.basis, 300)));
        m_healthEmpty->setText(
            result.checked == 0 ? tr("The catalog has no definitions to check yet.")
                                : tr("Every definition matched something recently, and none fell sharply."));
    }
    const bool empty = m_healthList->topLevelItemCount() == 0;
    m_healthList->setVisible(!empty);
    m_healthEmpty->setVisible(empty);
    updateTabTitles();
}

void NamingView::updateTabTitles()
{
    const QString pending = QStringLiteral("…");
    m_tabs->setTabText(ViolationsTab, m_hasReview
                                          ? tr("Violations (%1)").arg(m_violations->violations().size())
                                          : tr("Violations (%1)").arg(pending));
    m_tabs->setTabText(DuplicatesTab, m_hasReview && m_hasMeaning
                                          ? tr("Duplicates (%1)").arg(m_duplicates->groupCount())
                                          : tr("Duplicates (%1)").arg(pending));
    m_tabs->setTabText(HealthTab, m_hasHealth && m_healthCount >= 0 ? tr("Health (%1)").arg(m_healthCount)
                                                                    : tr("Health (%1)").arg(pending));
    m_tabs->setTabText(ConventionTab, tr("Convention"));
    if (!m_hasReview) {
        m_violationsEmpty->setText(tr("Reviewing the catalog's names…"));
        m_violationTree->setVisible(m_violations->rowCount() > 0);
        m_violationsEmpty->setVisible(m_violations->rowCount() == 0);
    }
    const bool noDuplicates = m_duplicates->groupCount() == 0;
    m_duplicatesEmpty->setText(!(m_hasReview && m_hasMeaning)
                                   ? tr("Looking for duplicates…")
                                   : tr("No duplicates: no two definitions share a name written another way, "
                                        "and none match the same interactions."));
    m_duplicateTree->setVisible(!noDuplicates);
    m_duplicatesEmpty->setVisible(noDuplicates);
    if (!m_hasHealth && m_healthList->topLevelItemCount() == 0) {
        m_healthEmpty->setText(tr("Checking which definitions stopped matching…"));
        m_healthList->setVisible(false);
        m_healthEmpty->setVisible(true);
    }
}

void NamingView::updateViolationActions()
{
    const int fixable = m_violations->fixableCount();
    const int checked = m_violations->checkedCount();
    const auto &all = m_violations->violations();
    QSet<QString> definitions;
    for (const auto &v : all)
        definitions.insert(v.definition);
    m_violationSummary->setText(
        all.empty() ? QString()
                    : tr("%1 violations in %2 definitions; %3 definitions have a suggested name; %4 checked.")
                          .arg(all.size())
                          .arg(definitions.size())
                          .arg(fixable)
                          .arg(checked));
    const bool canEdit = !m_readOnly && m_catalog;
    m_checkAll->setEnabled(fixable > 0 && checked < fixable);
    m_checkNone->setEnabled(checked > 0);
    m_preview->setEnabled(canEdit && checked > 0);
    m_preview->setText(checked == 1  ? tr("Preview 1 rename…")
                       : checked > 1 ? tr("Preview %1 renames…").arg(checked)
                                     : tr("Preview renames…"));
    m_preview->setToolTip(m_readOnly ? tr("The workspace is read-only.")
                                     : tr("See the checked renames before applying them"));
}

void NamingView::previewRenames()
{
    const auto renames = m_violations->checkedRenames();
    if (renames.empty()) return;
    m_previewList->clear();
    for (const auto &[from, to] : renames) {
        auto *item = new QTreeWidgetItem;
        item->setText(0, untrusted::line(from));
        item->setToolTip(0, untrusted::toolTip(from));
        item->setText(1, tr("→ %1").arg(untrusted::line(to)));
        item->setToolTip(1, untrusted::toolTip(to));
        item->setData(0, Qt::UserRole, from);
        item->setData(1, Qt::UserRole, to);
        m_previewList->addTopLevelItem(item);
    }
    m_apply->setText(renames.size() == 1 ? tr("Apply 1 rename") : tr("Apply %1 renames").arg(renames.size()));
    m_apply->setEnabled(!m_readOnly && m_catalog);
    m_violationPages->setCurrentIndex(1);
    m_apply->setFocus();
}

void NamingView::applyRenames()
{
    if (!m_catalog || m_violationPages->currentIndex() != 1) return;
    std::vector<std::pair<QString, QString>> renames;
    for (int i = 0; i < m_previewList->topLevelItemCount(); ++i) {
        const auto *item = m_previewList->topLevelItem(i);
        renames.emplace_back(item->data(0, Qt::UserRole).toString(), item->data(1, Qt::UserRole).toString());
    }
    if (renames.empty()) return;
    m_awaitingEdit = true;
    m_catalog->renameMany(renames, tr("Naming review (convention %1)").arg(qs(m_conventionId)));
    showMessage(tr("Renaming…"), false);
    m_violations->setAllChecked(false);
    m_violationPages->setCurrentIndex(0);
}

QString NamingView::preferredKeep(const NamingDuplicateGroup &group) const
{
    // Verified before draft before deprecated; then a name that follows the convention; then
    // the one that matches the most; then the first.
    const NamingDuplicateMember *best = nullptr;
    auto key = [&](const NamingDuplicateMember &m) {
        const qint64 matched = m.matched >= 0 ? m.matched : m_duplicates->matchedOf(m.name);
        return std::tuple(statusRank(m.status), m_breaking.contains(m.name) ? 1 : 0, -matched);
    };
    for (const auto &m : group.members)
        if (!best || key(m) < key(*best)) best = &m;
    return best ? best->name : QString();
}

void NamingView::updateMergePanel()
{
    const int row = m_duplicates->groupRowOf(m_duplicateTree->currentIndex());
    const QSignalBlocker block(m_keep);
    m_keep->clear();
    if (row < 0 || row >= m_duplicates->groupCount()) {
        m_keep->setEnabled(false);
        m_merge->setEnabled(false);
        m_mergeExplain->setText(m_duplicates->groupCount() > 0
                                    ? tr("Select a group to merge its definitions into one.")
                                    : QString());
        return;
    }
    const NamingDuplicateGroup &group = m_duplicates->group(row);
    bool combos = false, criteria = false;
    for (const auto &m : group.members) {
        m_keep->addItem(untrusted::line(m.name, 80), m.name);
        (m.isCombo ? combos : criteria) = true;
    }
    const int preferred = m_keep->findData(preferredKeep(group));
    m_keep->setCurrentIndex(preferred >= 0 ? preferred : 0);
    const bool canMerge = m_catalog && !m_readOnly && !(combos && criteria) && group.members.size() > 1;
    m_keep->setEnabled(canMerge);
    m_merge->setEnabled(canMerge);
    if (combos && criteria) {
        m_mergeExplain->setText(
            tr("A combo and a definition with criteria cannot be merged into one another."));
        return;
    }
    if (m_readOnly) {
        m_mergeExplain->setText(tr("The workspace is read-only."));
        return;
    }
    updateMergeExplain();
}

void NamingView::updateMergeExplain()
{
    // Says what the merge will do with the definition chosen to keep.
    const int row = m_duplicates->groupRowOf(m_duplicateTree->currentIndex());
    if (row < 0 || m_keep->currentIndex() < 0 || !m_merge->isEnabled()) return;
    const QString keep = m_keep->currentData().toString();
    QStringList others;
    for (const auto &m : m_duplicates->group(row).members)
        if (m.name != keep) others << tr("“%1”").arg(untrusted::line(m.name, 80));
    m_mergeExplain->setText(
        tr("Merging archives %1; those names then resolve to “%2”, which also matches what "
           "they matched. Undo (Ctrl+Z) takes the merge back.")
            .arg(others.join(QStringLiteral(", ")), untrusted::line(keep, 80)));
}

void NamingView::selectDuplicateGroup(int row)
{
    if (row < 0 || row >= m_duplicates->groupCount()) return;
    m_duplicateTree->setCurrentIndex(m_duplicates->index(row, 0));
    updateMergePanel();
}

void NamingView::mergeSelectedGroup(const QString &keepName)
{
    const int row = m_duplicates->groupRowOf(m_duplicateTree->currentIndex());
    if (row < 0 || !m_catalog || m_readOnly) return;
    const QString keep = keepName.isEmpty() ? m_keep->currentData().toString() : keepName;
    QStringList sources;
    bool found = false;
    for (const auto &m : m_duplicates->group(row).members) {
        if (m.name == keep)
            found = true;
        else
            sources << m.name;
    }
    if (!found || sources.isEmpty()) return;
    m_awaitingEdit = true;
    m_catalog->merge(keep, sources, tr("Duplicate found by the naming review"));
    showMessage(tr("Merging…"), false);
}

void NamingView::saveConvention(const std::optional<naming::Convention> &convention)
{
    std::optional<std::string> json;
    if (convention) json = namingjobs::conventionStorageJson(*convention);
    const QString text =
        convention
            ? tr("Set the naming convention to “%1”")
                  .arg(untrusted::line(qs(convention->name.empty() ? convention->id : convention->name), 60))
            : tr("Use the default naming convention");
    showMessage(tr("Saving the convention…"), false);
    QPointer<AnalysisService> service(m_analysis);
    QPointer<CatalogEditor> catalog(m_catalog);
    m_analysis->run<NamingConventionSave>(
        QString(), this,
        [json](AnalysisContext &ctx) { return namingjobs::saveWorkspaceConvention(ctx, json); },
        [this, json, text, service, catalog, convention](const NamingConventionSave &result) {
            if (!result.ok) {
                showMessage(tr("%1 failed: %2").arg(text, result.error), true);
                return;
            }
            if (convention) m_editor->setConvention(*convention, true);
            if (catalog && service)
                catalog->undoStack()->push(
                    new NamingConventionCommand(service, text, result.previousJson, json));
            showMessage(catalog ? tr("%1: done. Undo with Ctrl+Z.").arg(text) : tr("%1: done.").arg(text),
                        false);
        });
}

void NamingView::showMessage(const QString &text, bool error)
{
    m_message->setText(error ? tr("Problem: %1").arg(text) : text);
    m_message->setVisible(!text.isEmpty());
}

} // namespace hindsight::ui
