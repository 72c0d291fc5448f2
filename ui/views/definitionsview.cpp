#include "ui/views/definitionsview.h"

#include "ui/common/definitiondescription.h"
#include "ui/common/humanformat.h"
#include "ui/common/sharedtimerange.h"
#include "ui/common/untrustedtext.h"
#include "ui/models/definitionfiltermodel.h"
#include "ui/models/definitionlistmodel.h"
#include "ui/store/analysiscontext.h"
#include "ui/store/analysisservice.h"
#include "ui/store/catalogeditor.h"
#include "ui/views/definitioneditor.h"
#include "ui/views/definitionhistoryview.h"

#include <QAction>
#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace hindsight::ui {

using definitions::DefinitionStatus;

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

QComboBox *filterCombo(const char *objectName, const QString &accessibleName)
{
    auto *combo = new QComboBox;
    combo->setObjectName(QString::fromLatin1(objectName));
    combo->setAccessibleName(accessibleName);
    combo->setToolTip(accessibleName);
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(6);
    combo->setMaximumWidth(220);
    return combo;
}

/// Rebuilds a combo's values after its fixed first entries, keeping the chosen one (or going
/// back to the first entry when it is gone). Returns the value chosen afterwards.
QString refillCombo(QComboBox *combo, int fixedEntries, const QStringList &values)
{
    const QString chosen = combo->currentData().toString();
    const QSignalBlocker block(combo);
    while (combo->count() > fixedEntries)
        combo->removeItem(combo->count() - 1);
    for (const auto &v : values)
        combo->addItem(untrusted::line(v, 60), v);
    const int index = combo->findData(chosen);
    combo->setCurrentIndex(index >= 0 ? index : 0);
    return combo->currentData().toString();
}

} // namespace

DefinitionsView::DefinitionsView(AnalysisService *analysis, CatalogEditor *catalog, SharedTimeRange *range,
                                 QWidget *parent)
    : QWidget(parent), m_analysis(analysis), m_catalog(catalog), m_range(range),
      m_model(new DefinitionListModel(this)), m_filter(new DefinitionFilterModel(this))
{
    setObjectName(QStringLiteral("definitionsView"));
    m_filter->setSourceModel(m_model);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_pages = new QStackedWidget;
    m_pages->setObjectName(QStringLiteral("definitionsPages"));
    layout->addWidget(m_pages);
    m_catalogPage = buildCatalogPage();
    m_pages->addWidget(m_catalogPage);
    m_editor = new DefinitionEditor(analysis, catalog, range);
    m_pages->addWidget(m_editor);

    connect(m_analysis, &AnalysisService::catalogChanged, this, &DefinitionsView::requestCatalog);
    if (m_range)
        connect(m_range, &SharedTimeRange::changed, this, [this] {
            m_model->markStatsPending();
            updateSummary();
            updateInspector();
            requestStats();
        });
    if (m_catalog) {
        connect(m_catalog, &CatalogEditor::failed, this, [this](const QString &text, const QString &error) {
            showMessage(tr("%1 failed: %2").arg(text, error), true);
        });
        connect(m_catalog, &CatalogEditor::succeeded, this, [this] { m_message->hide(); });
        connect(m_catalog, &CatalogEditor::busyChanged, this, &DefinitionsView::updateActions);
    }
    connect(m_editor, &DefinitionEditor::saved, this, [this](const QString &name) {
        m_editing = name;
        m_pendingSelection = {name};
        openEditorPage(name);
    });
    connect(m_editor, &DefinitionEditor::closed, this, [this] {
        m_pages->setCurrentWidget(m_catalogPage);
        if (!m_editing.isEmpty()) selectNames({m_editing});
        m_table->setFocus();
    });

    updateEmptyState();
    updateActions();
    updateInspector();
    if (!m_analysis->path().isEmpty()) requestCatalog();
}

QWidget *DefinitionsView::buildCatalogPage()
{
    auto *page = new QWidget;
    page->setObjectName(QStringLiteral("definitionsCatalogPage"));
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    // Actions: scoped to this view, so that Ctrl+N here does not clash with other views.
    auto action = [this](const QString &text, const char *objectName, const QKeySequence &key = {}) {
        auto *a = new QAction(text, this);
        a->setObjectName(QString::fromLatin1(objectName));
        if (!key.isEmpty()) {
            a->setShortcut(key);
            a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
            a->setToolTip(QStringLiteral("%1 (%2)").arg(text, key.toString(QKeySequence::NativeText)));
        }
        addAction(a);
        return a;
    };
    m_newAction = action(tr("New definition"), "newDefinitionAction", QKeySequence::New);
    m_editAction = action(tr("Edit"), "editDefinitionAction");
    m_editAction->setToolTip(tr("Open the selected definition in the editor (Enter or double-click)"));
    m_verifyAction = action(tr("Verify"), "verifyDefinitionAction");
    m_verifyAction->setToolTip(tr("Mark the selected definitions as verified (your name is recorded)"));
    m_verifyAction->setIcon(DefinitionListModel::statusIcon(DefinitionStatus::Verified));
    m_deprecateAction = action(tr("Deprecate"), "deprecateDefinitionAction");
    m_deprecateAction->setToolTip(
        tr("Mark the selected definitions as deprecated: still counted, not to be used"));
    m_deprecateAction->setIcon(DefinitionListModel::statusIcon(DefinitionStatus::Deprecated));
    m_archiveAction = action(tr("Archive"), "archiveDefinitionAction");
    m_archiveAction->setToolTip(tr("Archive the selected definitions: hidden from the list and not checked "
                                   "(their history stays)"));
    m_archiveAction->setIcon(DefinitionListModel::statusIcon(DefinitionStatus::Archived));
    m_draftAction = action(tr("Back to draft"), "draftDefinitionAction");
    m_draftAction->setToolTip(tr("Set the selected definitions back to draft"));
    m_draftAction->setIcon(DefinitionListModel::statusIcon(DefinitionStatus::Draft));
    m_chartAction = action(tr("Chart"), "chartDefinitionsAction");
    m_chartAction->setToolTip(tr("Chart the selected definitions over time"));
    m_findAction = action(tr("Search definitions"), "findDefinitionAction", QKeySequence::Find);

    connect(m_newAction, &QAction::triggered, this, &DefinitionsView::newDefinition);
    connect(m_editAction, &QAction::triggered, this, [this] {
        const QStringList names = selectedNames();
        if (!names.isEmpty()) editDefinition(names.front());
    });
    connect(m_verifyAction, &QAction::triggered, this, [this] { applyStatus(DefinitionStatus::Verified); });
    connect(m_deprecateAction, &QAction::triggered, this,
            [this] { applyStatus(DefinitionStatus::Deprecated); });
    connect(m_archiveAction, &QAction::triggered, this, [this] { applyStatus(DefinitionStatus::Archived); });
    connect(m_draftAction, &QAction::triggered, this, [this] { applyStatus(DefinitionStatus::Draft); });
    connect(m_chartAction, &QAction::triggered, this, [this] {
        const QStringList names = selectedNames();
        if (!names.isEmpty()) emit chartRequested(names);
    });
    connect(m_findAction, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });

    // Search and filters.
    auto *filters = new QWidget;
    filters->setObjectName(QStringLiteral("definitionsFilterBar"));
    auto *filterLayout = new QHBoxLayout(filters);
    filterLayout->setContentsMargins(10, 8, 10, 4);
    m_search = new QLineEdit;
    m_search->setObjectName(QStringLiteral("definitionsSearch"));
    m_search->setAccessibleName(tr("Search definitions"));
    m_search->setPlaceholderText(
        tr("Search names, descriptions, tags, former names (%1)")
            .arg(QKeySequence(QKeySequence::Find).toString(QKeySequence::NativeText)));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(140);
    filterLayout->addWidget(m_search, 2);

    m_statusCombo = filterCombo("definitionsStatusFilter", tr("Status"));
    m_statusCombo->addItem(tr("All but archived"),
                           static_cast<int>(DefinitionFilterModel::StatusFilter::NotArchived));
    m_statusCombo->addItem(tr("Any status"), static_cast<int>(DefinitionFilterModel::StatusFilter::Any));
    m_statusCombo->addItem(DefinitionListModel::statusIcon(DefinitionStatus::Draft),
                           definitiontext::statusWord(DefinitionStatus::Draft),
                           static_cast<int>(DefinitionFilterModel::StatusFilter::Draft));
    m_statusCombo->addItem(DefinitionListModel::statusIcon(DefinitionStatus::Verified),
                           definitiontext::statusWord(DefinitionStatus::Verified),
                           static_cast<int>(DefinitionFilterModel::StatusFilter::Verified));
    m_statusCombo->addItem(DefinitionListModel::statusIcon(DefinitionStatus::Deprecated),
                           definitiontext::statusWord(DefinitionStatus::Deprecated),
                           static_cast<int>(DefinitionFilterModel::StatusFilter::Deprecated));
    m_statusCombo->addItem(DefinitionListModel::statusIcon(DefinitionStatus::Archived),
                           definitiontext::statusWord(DefinitionStatus::Archived),
                           static_cast<int>(DefinitionFilterModel::StatusFilter::Archived));
    filterLayout->addWidget(m_statusCombo);

    m_categoryCombo = filterCombo("definitionsCategoryFilter", tr("Category"));
    m_categoryCombo->addItem(tr("All categories"), QString());
    m_categoryCombo->addItem(tr("No category"), DefinitionFilterModel::noneValue());
    filterLayout->addWidget(m_categoryCombo);
    m_ownerCombo = filterCombo("definitionsOwnerFilter", tr("Owner"));
    m_ownerCombo->addItem(tr("All owners"), QString());
    m_ownerCombo->addItem(tr("No owner"), DefinitionFilterModel::noneValue());
    filterLayout->addWidget(m_ownerCombo);
    m_tagCombo = filterCombo("definitionsTagFilter", tr("Tag"));
    m_tagCombo->addItem(tr("All tags"), QString());
    filterLayout->addWidget(m_tagCombo);
    m_healthCombo = filterCombo("definitionsHealthFilter", tr("Health"));
    m_healthCombo->addItem(tr("Any health"), -1);
    for (const auto h :
         {CatalogHealth::Ok, CatalogHealth::Stale, CatalogHealth::Broken, CatalogHealth::NeverMatched})
        m_healthCombo->addItem(DefinitionListModel::healthIcon(h), DefinitionListModel::healthWord(h),
                               static_cast<int>(h));
    filterLayout->addWidget(m_healthCombo);
    m_clearFilters = new QPushButton(tr("Clear"));
    m_clearFilters->setObjectName(QStringLiteral("definitionsClearFilters"));
    m_clearFilters->setAccessibleName(tr("Clear the search and filters"));
    m_clearFilters->setToolTip(tr("Clear the search and filters"));
    filterLayout->addWidget(m_clearFilters);
    layout->addWidget(filters);

    // Buttons for the actions.
    auto *buttons = new QWidget;
    auto *buttonLayout = new QHBoxLayout(buttons);
    buttonLayout->setContentsMargins(10, 0, 10, 4);
    auto button = [&](QAction *a) {
        auto *b = new QToolButton;
        b->setDefaultAction(a);
        b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        b->setAutoRaise(false);
        b->setObjectName(a->objectName() + QStringLiteral("Button"));
        b->setAccessibleName(a->text());
        buttonLayout->addWidget(b);
        return b;
    };
    button(m_newAction);
    button(m_editAction);
    auto *separator = new QFrame;
    separator->setFrameShape(QFrame::VLine);
    separator->setFrameShadow(QFrame::Sunken);
    buttonLayout->addWidget(separator);
    button(m_verifyAction);
    button(m_deprecateAction);
    button(m_archiveAction);
    button(m_draftAction);
    auto *separator2 = new QFrame;
    separator2->setFrameShape(QFrame::VLine);
    separator2->setFrameShadow(QFrame::Sunken);
    buttonLayout->addWidget(separator2);
    button(m_chartAction);
    buttonLayout->addStretch(1);
    m_summary = plainLabel("definitionsSummary", false);
    m_summary->setForegroundRole(QPalette::PlaceholderText);
    buttonLayout->addWidget(m_summary);
    layout->addWidget(buttons);

    m_message = plainLabel("definitionsMessage");
    m_message->setContentsMargins(10, 4, 10, 4);
    m_message->hide();
    layout->addWidget(m_message);

    // The table (or the empty state) and the inspector.
    m_splitter = new QSplitter(Qt::Horizontal);
    m_splitter->setObjectName(QStringLiteral("definitionsSplitter"));
    m_splitter->setChildrenCollapsible(true);
    m_tableStack = new QStackedWidget;
    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("definitionsTable"));
    m_table->setAccessibleName(tr("Definitions"));
    m_table->setModel(m_filter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setSortingEnabled(true);
    m_table->setCornerButtonEnabled(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    QHeaderView *header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setStretchLastSection(true);
    header->setSectionResizeMode(QHeaderView::Interactive);
    const QFontMetrics fm = fontMetrics();
    const int pad = 20;
    header->resizeSection(DefinitionListModel::NameColumn,
                          fm.horizontalAdvance(QStringLiteral("Checkout - Submit Shipping")) + pad);
    header->resizeSection(DefinitionListModel::StatusColumn,
                          fm.horizontalAdvance(QStringLiteral("Deprecated")) + pad + 16);
    header->resizeSection(DefinitionListModel::CategoryColumn,
                          fm.horizontalAdvance(QStringLiteral("Checkout")) + pad);
    header->resizeSection(DefinitionListModel::OwnerColumn,
                          fm.horizontalAdvance(QStringLiteral("payments@north")) + pad);
    header->resizeSection(DefinitionListModel::TagsColumn,
                          fm.horizontalAdvance(QStringLiteral("cart, core")) + pad);
    header->resizeSection(DefinitionListModel::CountColumn,
                          fm.horizontalAdvance(QStringLiteral("123,456")) + pad);
    header->resizeSection(DefinitionListModel::PeopleColumn,
                          fm.horizontalAdvance(QStringLiteral("People")) + pad);
    header->resizeSection(DefinitionListModel::LastSeenColumn,
                          fm.horizontalAdvance(QStringLiteral("2026-12-31 23:59")) + pad);
    header->resizeSection(DefinitionListModel::HealthColumn,
                          fm.horizontalAdvance(QStringLiteral("Never matched")) + pad + 16);
    m_table->sortByColumn(DefinitionListModel::NameColumn, Qt::AscendingOrder);
    m_tableStack->addWidget(m_table);

    m_emptyPage = new QWidget;
    auto *emptyLayout = new QVBoxLayout(m_emptyPage);
    emptyLayout->addStretch(1);
    m_emptyLabel = plainLabel("definitionsEmpty");
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setForegroundRole(QPalette::PlaceholderText);
    emptyLayout->addWidget(m_emptyLabel);
    m_emptyButton = new QPushButton;
    m_emptyButton->setObjectName(QStringLiteral("definitionsEmptyButton"));
    emptyLayout->addWidget(m_emptyButton, 0, Qt::AlignHCenter);
    emptyLayout->addStretch(2);
    m_tableStack->addWidget(m_emptyPage);
    m_splitter->addWidget(m_tableStack);
    m_splitter->addWidget(buildInspector());
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setSizes({1000, 380});
    layout->addWidget(m_splitter, 1);

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setSearchText(text);
        updateSummary();
        updateEmptyState();
    });
    auto onFilter = [this] {
        m_filter->setStatusFilter(
            static_cast<DefinitionFilterModel::StatusFilter>(m_statusCombo->currentData().toInt()));
        m_filter->setCategoryFilter(m_categoryCombo->currentData().toString());
        m_filter->setOwnerFilter(m_ownerCombo->currentData().toString());
        m_filter->setTagFilter(m_tagCombo->currentData().toString());
        const int health = m_healthCombo->currentData().toInt();
        m_filter->setHealthFilter(health < 0 ? std::nullopt
                                             : std::optional(static_cast<CatalogHealth>(health)));
        updateSummary();
        updateEmptyState();
    };
    for (auto *combo : {m_statusCombo, m_categoryCombo, m_ownerCombo, m_tagCombo, m_healthCombo})
        connect(combo, &QComboBox::currentIndexChanged, this, onFilter);
    auto clear = [this] {
        const QSignalBlocker b1(m_search), b2(m_statusCombo), b3(m_categoryCombo), b4(m_ownerCombo),
            b5(m_tagCombo), b6(m_healthCombo);
        m_search->clear();
        for (auto *combo : {m_statusCombo, m_categoryCombo, m_ownerCombo, m_tagCombo, m_healthCombo})
            combo->setCurrentIndex(0);
        m_filter->clearFilters();
        updateSummary();
        updateEmptyState();
    };
    connect(m_clearFilters, &QPushButton::clicked, this, clear);
    connect(m_emptyButton, &QPushButton::clicked, this, [this, clear] {
        if (m_model->rowCount() == 0)
            newDefinition();
        else
            clear();
    });
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        const QString name = index.siblingAtColumn(0).data(DefinitionRole::Name).toString();
        if (!name.isEmpty()) editDefinition(name);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateActions();
        updateInspector();
    });
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &DefinitionsView::updateActions);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &DefinitionsView::updateActions);
    return page;
}

QWidget *DefinitionsView::buildInspector()
{
    m_inspectorTabs = new QTabWidget;
    m_inspectorTabs->setObjectName(QStringLiteral("definitionsInspector"));
    m_inspectorTabs->setDocumentMode(true);

    m_detailStack = new QStackedWidget;
    m_detailEmpty = plainLabel("definitionDetailEmpty");
    m_detailEmpty->setAlignment(Qt::AlignCenter);
    m_detailEmpty->setForegroundRole(QPalette::PlaceholderText);
    m_detailStack->addWidget(m_detailEmpty);

    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget;
    auto *v = new QVBoxLayout(content);
    v->setContentsMargins(12, 10, 12, 10);
    m_detailName = plainLabel("definitionDetailName");
    QFont title = m_detailName->font();
    title.setPointSizeF(title.pointSizeF() * 1.3);
    title.setBold(true);
    m_detailName->setFont(title);
    v->addWidget(m_detailName);
    auto *statusRow = new QHBoxLayout;
    m_detailStatusIcon = new QLabel;
    m_detailStatus = plainLabel("definitionDetailStatus");
    statusRow->addWidget(m_detailStatusIcon);
    statusRow->addWidget(m_detailStatus, 1);
    v->addLayout(statusRow);
    m_detailDescription = plainLabel("definitionDetailDescription");
    v->addWidget(m_detailDescription);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_detailCategory = plainLabel("definitionDetailCategory");
    m_detailOwner = plainLabel("definitionDetailOwner");
    m_detailTags = plainLabel("definitionDetailTags");
    m_detailAliases = plainLabel("definitionDetailAliases");
    m_detailCounts = plainLabel("definitionDetailCounts");
    m_detailLastSeen = plainLabel("definitionDetailLastSeen");
    auto *healthRow = new QWidget;
    auto *healthLayout = new QHBoxLayout(healthRow);
    healthLayout->setContentsMargins(0, 0, 0, 0);
    m_detailHealthIcon = new QLabel;
    m_detailHealth = plainLabel("definitionDetailHealth");
    healthLayout->addWidget(m_detailHealthIcon, 0, Qt::AlignTop);
    healthLayout->addWidget(m_detailHealth, 1);
    m_detailVersion = plainLabel("definitionDetailVersion");
    form->addRow(tr("Category"), m_detailCategory);
    form->addRow(tr("Owner"), m_detailOwner);
    form->addRow(tr("Tags"), m_detailTags);
    form->addRow(tr("Former names"), m_detailAliases);
    form->addRow(tr("Matches"), m_detailCounts);
    form->addRow(tr("Last seen"), m_detailLastSeen);
    form->addRow(tr("Health"), healthRow);
    form->addRow(tr("Changes"), m_detailVersion);
    v->addLayout(form);

    m_detailCriteriaTitle = plainLabel("definitionDetailCriteriaTitle");
    QFont bold = m_detailCriteriaTitle->font();
    bold.setBold(true);
    m_detailCriteriaTitle->setFont(bold);
    v->addSpacing(6);
    v->addWidget(m_detailCriteriaTitle);
    m_detailCriteria = plainLabel("definitionDetailCriteria");
    m_detailCriteria->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    v->addWidget(m_detailCriteria);
    v->addStretch(1);
    scroll->setWidget(content);
    m_detailStack->addWidget(scroll);
    m_inspectorTabs->addTab(m_detailStack, tr("Details"));

    m_history = new DefinitionHistoryView(m_analysis, m_catalog);
    m_history->setObjectName(QStringLiteral("definitionsHistory"));
    m_inspectorTabs->addTab(m_history, tr("History"));
    return m_inspectorTabs;
}

void DefinitionsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_catalogRequested || m_analysis->path() != m_loadedPath) requestCatalog();
}

void DefinitionsView::reload()
{
    requestCatalog();
}

void DefinitionsView::requestCatalog()
{
    if (m_analysis->path().isEmpty()) return;
    m_catalogRequested = true;
    m_loadedPath = m_analysis->path();
    m_analysis->run<CatalogSnapshot>(
        QStringLiteral("catalog"), this, [](AnalysisContext &ctx) { return catalogjobs::loadCatalog(ctx); },
        [this](const CatalogSnapshot &snapshot) { onCatalog(snapshot); });
}

void DefinitionsView::requestStats()
{
    if (m_analysis->path().isEmpty()) return;
    const definitions::TimeRange range = m_range ? m_range->resolved() : definitions::TimeRange{};
    m_analysis->run<CatalogStats>(
        QStringLiteral("catalog-stats"), this,
        [range](AnalysisContext &ctx) { return catalogjobs::computeStats(ctx, range); },
        [this](const CatalogStats &stats) { onStats(stats); });
}

void DefinitionsView::onCatalog(const CatalogSnapshot &snapshot)
{
    m_catalogError = snapshot.ok ? QString() : snapshot.error;
    if (!snapshot.ok) {
        updateEmptyState();
        updateSummary();
        return;
    }
    QStringList keep = m_pendingSelection.isEmpty() ? selectedNames() : m_pendingSelection;
    m_pendingSelection.clear();
    m_readOnly = snapshot.readOnly;
    m_history->setReadOnly(m_readOnly);
    if (m_editorHistory) m_editorHistory->setReadOnly(m_readOnly);
    m_model->setCatalog(snapshot.entries);
    refreshFilterChoices();
    selectNames(keep);
    if (!snapshot.error.isEmpty()) showMessage(snapshot.error, true);
    updateSummary();
    updateEmptyState();
    updateActions();
    updateInspector();
    requestStats();
}

void DefinitionsView::onStats(const CatalogStats &stats)
{
    if (!stats.ok && stats.error.isEmpty()) return; // cancelled
    m_model->setStats(stats);
    if (!stats.ok) showMessage(tr("Counts are not available: %1").arg(stats.error), true);
    updateSummary();
    updateInspector();
}

void DefinitionsView::refreshFilterChoices()
{
    const QString category = refillCombo(m_categoryCombo, 2, m_model->categories());
    const QString owner = refillCombo(m_ownerCombo, 2, m_model->owners());
    const QString tag = refillCombo(m_tagCombo, 1, m_model->tags());
    m_filter->setCategoryFilter(category);
    m_filter->setOwnerFilter(owner);
    m_filter->setTagFilter(tag);
}

void DefinitionsView::updateSummary()
{
    if (!m_model->hasCatalog()) {
        m_summary->setText(m_catalogError.isEmpty() ? tr("Loading…") : QString());
        return;
    }
    const int total = m_model->rowCount();
    const int shown = m_filter->rowCount();
    const QString range = m_range ? m_range->value().label() : tr("All time");
    QString text = shown != total ? tr("%1 of %2 definitions").arg(formatCount(shown), formatCount(total))
                   : total == 1   ? tr("1 definition")
                                  : tr("%1 definitions").arg(formatCount(total));
    text +=
        m_model->statsPending() ? tr(" · counting for %1…").arg(range) : tr(" · counts for %1").arg(range);
    if (m_readOnly) text += tr(" · read-only");
    m_summary->setText(text);
}

void DefinitionsView::updateEmptyState()
{
    if (m_model->hasCatalog() && m_filter->rowCount() > 0) {
        m_tableStack->setCurrentWidget(m_table);
        return;
    }
    m_emptyButton->hide();
    if (!m_catalogError.isEmpty()) {
        m_emptyLabel->setText(tr("The definitions cannot be read: %1").arg(m_catalogError));
    } else if (!m_model->hasCatalog()) {
        m_emptyLabel->setText(m_analysis->path().isEmpty() ? tr("No workspace is open.")
                                                           : tr("Loading definitions…"));
    } else if (m_model->rowCount() == 0) {
        m_emptyLabel->setText(tr("No definitions yet — select an interaction and press D"));
        m_emptyButton->setText(tr("New definition"));
        m_emptyButton->setVisible(!m_readOnly);
    } else {
        m_emptyLabel->setText(tr("No definitions match the search and filters."));
        m_emptyButton->setText(tr("Clear the search and filters"));
        m_emptyButton->show();
    }
    m_tableStack->setCurrentWidget(m_emptyPage);
}

QStringList DefinitionsView::selectedNames() const
{
    QStringList out;
    if (!m_table->selectionModel()) return out;
    QModelIndexList rows = m_table->selectionModel()->selectedRows(0);
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    for (const auto &index : rows)
        out << index.data(DefinitionRole::Name).toString();
    return out;
}

void DefinitionsView::selectNames(const QStringList &names)
{
    QItemSelection selection;
    QModelIndex first;
    for (const auto &name : names) {
        const int row = m_model->rowOf(name);
        if (row < 0) continue;
        const QModelIndex index = m_filter->mapFromSource(m_model->index(row, 0));
        if (!index.isValid()) continue;
        selection.select(index, index.siblingAtColumn(DefinitionListModel::ColumnCount - 1));
        if (!first.isValid()) first = index;
    }
    if (!first.isValid()) {
        m_table->selectionModel()->clearSelection();
        return;
    }
    m_table->selectionModel()->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
    m_table->selectionModel()->select(selection,
                                      QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(first);
}

void DefinitionsView::updateActions()
{
    const QStringList names = selectedNames();
    const bool busy = m_catalog && m_catalog->isBusy();
    const bool canEdit = m_catalog && !m_readOnly && !busy;
    auto anyNot = [&](DefinitionStatus status) {
        for (const auto &name : names) {
            const CatalogEntry *e = m_model->entryAt(m_model->rowOf(name));
            if (e && e->definition.status != status) return true;
        }
        return false;
    };
    m_newAction->setEnabled(!m_readOnly && m_model->hasCatalog());
    m_editAction->setEnabled(names.size() == 1);
    m_verifyAction->setEnabled(canEdit && anyNot(DefinitionStatus::Verified));
    m_deprecateAction->setEnabled(canEdit && anyNot(DefinitionStatus::Deprecated));
    m_archiveAction->setEnabled(canEdit && anyNot(DefinitionStatus::Archived));
    m_draftAction->setEnabled(canEdit && anyNot(DefinitionStatus::Draft));
    m_chartAction->setEnabled(!names.isEmpty());
}

void DefinitionsView::updateInspector()
{
    const QStringList names = selectedNames();
    if (names.size() != 1) {
        m_detailEmpty->setText(names.isEmpty()
                                   ? tr("Select a definition to see what it matches, its counts and "
                                        "its history.")
                                   : tr("%1 definitions selected.").arg(names.size()));
        m_detailStack->setCurrentWidget(m_detailEmpty);
        m_history->setDefinition(QString());
        return;
    }
    const int row = m_model->rowOf(names.front());
    const CatalogEntry *e = m_model->entryAt(row);
    if (!e) return;
    const auto &d = e->definition;
    const DefinitionStats *s = m_model->statsAt(row);
    m_detailName->setText(untrusted::line(d.name));
    m_detailStatusIcon->setPixmap(DefinitionListModel::statusIcon(d.status).pixmap(16, 16));
    QString status = definitiontext::statusWord(d.status);
    if (d.verifiedMs)
        status += tr(" — verified by %1 on %2")
                      .arg(untrusted::line(d.verifiedBy, 80), formatLocalDateTime(*d.verifiedMs));
    m_detailStatus->setText(status);
    m_detailDescription->setText(d.description.empty() ? tr("No description.")
                                                       : untrusted::line(d.description, 1000));
    m_detailDescription->setForegroundRole(d.description.empty() ? QPalette::PlaceholderText
                                                                 : QPalette::WindowText);
    m_detailCategory->setText(d.category.empty() ? tr("—") : untrusted::line(d.category));
    m_detailOwner->setText(d.owner.empty() ? tr("—") : untrusted::line(d.owner));
    QStringList tags;
    for (const auto &t : d.tags)
        tags << untrusted::line(t, 60);
    m_detailTags->setText(tags.isEmpty() ? tr("—") : tags.join(QStringLiteral(", ")));
    QStringList aliases;
    for (const auto &a : e->aliases)
        aliases << untrusted::line(a, 80);
    m_detailAliases->setText(aliases.isEmpty() ? tr("—") : aliases.join(QStringLiteral(", ")));
    const QString range = m_range ? m_range->value().label() : tr("All time");
    if (!s)
        m_detailCounts->setText(m_model->statsPending() ? tr("Counting…") : tr("—"));
    else if (!s->counted)
        m_detailCounts->setText(tr("Cannot be counted."));
    else
        m_detailCounts->setText(tr("%1 interactions · %2 people · %3 sessions (%4)")
                                    .arg(formatCount(s->totals.count), formatCount(s->totals.people),
                                         formatCount(s->totals.sessions), range));
    m_detailLastSeen->setText(!s              ? (m_model->statsPending() ? tr("…") : tr("—"))
                              : s->lastSeenMs ? formatLocalDateTime(*s->lastSeenMs)
                                              : tr("never"));
    const CatalogHealth health = s ? s->health : CatalogHealth::Pending;
    const QIcon healthIcon = DefinitionListModel::healthIcon(health);
    m_detailHealthIcon->setPixmap(healthIcon.isNull() ? QPixmap() : healthIcon.pixmap(16, 16));
    QString healthText = DefinitionListModel::healthWord(health);
    if (s && !s->healthDetail.isEmpty()) healthText += QStringLiteral(" — ") + s->healthDetail;
    m_detailHealth->setText(healthText);
    m_detailVersion->setText(tr("Version %1 · changed %2 by %3 · created %4 by %5")
                                 .arg(d.version)
                                 .arg(formatLocalDateTime(d.changedMs), untrusted::line(d.changedBy, 80),
                                      formatLocalDateTime(d.createdMs), untrusted::line(d.createdBy, 80)));
    const QStringList criteria = definitiontext::describeCriteria(d);
    if (d.isCombo())
        m_detailCriteriaTitle->setText(tr("Matches any of these definitions"));
    else
        m_detailCriteriaTitle->setText(criteria.size() > 1 ? tr("Matches any of") : tr("Matches"));
    QStringList lines;
    for (const auto &line : criteria)
        lines << (criteria.size() > 1 ? QStringLiteral("• ") + line : line);
    m_detailCriteria->setText(lines.isEmpty() ? tr("(no criteria)") : lines.join(QLatin1Char('\n')));
    m_detailStack->setCurrentIndex(1);
    m_history->setDefinition(fromUtf8(d.name));
}

void DefinitionsView::applyStatus(DefinitionStatus status)
{
    if (!m_catalog || m_readOnly) return;
    for (const auto &name : selectedNames()) {
        const CatalogEntry *e = m_model->entryAt(m_model->rowOf(name));
        if (e && e->definition.status != status) m_catalog->setStatus(name, status);
    }
}

void DefinitionsView::showMessage(const QString &text, bool error)
{
    m_message->setText(error ? tr("⚠ %1").arg(text) : text);
    m_message->setForegroundRole(error ? QPalette::WindowText : QPalette::PlaceholderText);
    m_message->setVisible(!text.isEmpty());
}

bool DefinitionsView::isEditing() const
{
    return m_pages->currentWidget() == m_editor;
}

void DefinitionsView::confirmLeavingEditor(const std::function<void()> &then)
{
    if (!isEditing() || !m_editor->hasUnsavedChanges()) {
        then();
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Question, tr("Unsaved changes"),
                                tr("The definition in the editor has unsaved changes. Discard them?"),
                                QMessageBox::Discard | QMessageBox::Cancel, this);
    box->setTextFormat(Qt::PlainText);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    connect(box, &QMessageBox::finished, this, [box, then](int) {
        if (box->clickedButton() == box->button(QMessageBox::Discard)) then();
    });
    box->open();
}

void DefinitionsView::showDefinition(const QString &name)
{
    confirmLeavingEditor([this, name] {
        m_pages->setCurrentWidget(m_catalogPage);
        const int row = m_model->rowOf(name);
        if (row < 0) {
            m_pendingSelection = {name};
            if (m_model->hasCatalog()) requestCatalog(); // it may be new since the last load
            return;
        }
        if (!m_filter->mapFromSource(m_model->index(row, 0)).isValid()) {
            m_clearFilters->click();
            // An archived one needs the status filter that shows it.
            if (!m_filter->mapFromSource(m_model->index(row, 0)).isValid())
                m_statusCombo->setCurrentIndex(
                    m_statusCombo->findData(static_cast<int>(DefinitionFilterModel::StatusFilter::Any)));
        }
        selectNames({name});
        m_table->setFocus();
    });
}

void DefinitionsView::editDefinition(const QString &name)
{
    if (name.isEmpty()) return;
    confirmLeavingEditor([this, name] {
        const CatalogEntry *e = m_model->entryAt(m_model->rowOf(name));
        m_editing = e ? fromUtf8(e->definition.name) : name;
        m_editor->edit(m_editing);
        openEditorPage(m_editing);
    });
}

void DefinitionsView::defineFromInteractions(const QVector<qint64> &ids)
{
    confirmLeavingEditor([this, ids] {
        m_editing.clear();
        m_editor->newFromInteractions(ids);
        openEditorPage(QString());
    });
}

void DefinitionsView::newDefinition()
{
    if (m_readOnly) return;
    confirmLeavingEditor([this] {
        m_editing.clear();
        m_editor->newBlank();
        openEditorPage(QString());
    });
}

void DefinitionsView::openEditorPage(const QString &historyName)
{
    QTabWidget *tabs = m_editor->sideTabs();
    if (!m_editorHistory) {
        m_editorHistory = new DefinitionHistoryView(m_analysis, m_catalog);
        m_editorHistory->setObjectName(QStringLiteral("editorHistory"));
        m_editorHistory->setReadOnly(m_readOnly);
    }
    if (tabs) {
        const int index = tabs->indexOf(m_editorHistory);
        if (historyName.isEmpty()) {
            if (index >= 0) tabs->removeTab(index);
            m_editorHistory->hide();
            m_editorHistory->setDefinition(QString());
        } else {
            m_editorHistory->setDefinition(historyName);
            if (index < 0) tabs->addTab(m_editorHistory, tr("History"));
        }
    }
    m_pages->setCurrentWidget(m_editor);
}

} // namespace hindsight::ui
