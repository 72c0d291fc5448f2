#include "ui/views/chartsview.h"

#include "core/definitions/answers.h"
#include "core/definitions/funnel.h"
#include "core/definitions/measuredseries.h"
#include "ui/common/plainmessagebox.h"
#include "ui/common/sharedtimerange.h"
#include "ui/common/untrustedtext.h"
#include "ui/store/analysiscontext.h"
#include "ui/store/analysisservice.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTimeZone>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <optional>

namespace hindsight::ui {

namespace {

constexpr std::size_t kBreakdownBars = 20;
constexpr int kMaxFunnelSteps = 32;
constexpr std::int64_t kDayMs = 24LL * 60 * 60 * 1000;

/// What a chart job hands back to the GUI thread: plain values only.
struct ChartJobResult
{
    StudioChart::Kind kind = StudioChart::Kind::Empty;
    QString message; ///< the empty state's text (or what went wrong)
    std::vector<ChartSeries> series;
    definitions::Granularity granularity = definitions::Granularity::Day;
    QString measure;
    QString title;
    std::vector<ChartBar> bars;
    std::vector<ChartFunnelStep> steps;
};

struct CatalogJobResult
{
    QStringList names;
    QString error;
};

/// Everything a chart job needs, copied from the controls on the GUI thread.
struct ChartRequest
{
    ChartsView::Mode mode = ChartsView::Mode::Trend;
    QStringList names;
    std::optional<definitions::Granularity> granularity; ///< nullopt = chosen from the range
    definitions::SeriesMeasure measure = definitions::SeriesMeasure::Interactions;
    definitions::BreakdownKind breakdownKind = definitions::BreakdownKind::Path;
    std::string propertyKey;
    definitions::FunnelUnit funnelUnit = definitions::FunnelUnit::People;
    definitions::TimeRange range;
    std::string timeZone;
};

QString measureLabel(definitions::SeriesMeasure measure)
{
    switch (measure) {
    case definitions::SeriesMeasure::Interactions:
        return ChartsView::tr("Interactions");
    case definitions::SeriesMeasure::People:
        return ChartsView::tr("People");
    case definitions::SeriesMeasure::Sessions:
        return ChartsView::tr("Sessions");
    }
    return {};
}

/// Hours for up to 3 days, days up to 4 months, weeks up to 2 years, months beyond.
definitions::Granularity autoGranularity(std::int64_t spanMs)
{
    if (spanMs <= 3 * kDayMs) return definitions::Granularity::Hour;
    if (spanMs <= 120 * kDayMs) return definitions::Granularity::Day;
    if (spanMs <= 731 * kDayMs) return definitions::Granularity::Week;
    return definitions::Granularity::Month;
}

QString granularityLabel(definitions::Granularity g)
{
    switch (g) {
    case definitions::Granularity::Hour:
        return ChartsView::tr("Hour");
    case definitions::Granularity::Day:
        return ChartsView::tr("Day");
    case definitions::Granularity::Week:
        return ChartsView::tr("Week");
    case definitions::Granularity::Month:
        return ChartsView::tr("Month");
    }
    return {};
}

ChartJobResult emptyResult(const QString &message)
{
    ChartJobResult r;
    r.message = message;
    return r;
}

const definitions::Definition *findDefinition(const std::vector<definitions::Definition> &all,
                                              const QString &name)
{
    const std::string wanted = name.toStdString();
    const auto it = std::find_if(all.begin(), all.end(),
                                 [&](const definitions::Definition &d) { return d.name == wanted; });
    return it == all.end() ? nullptr : &*it;
}

/// Runs on the analysis thread.
ChartJobResult computeChart(AnalysisContext &ctx, const ChartRequest &request)
{
    QString error;
    const definitions::InteractionIndex *index = ctx.index(&error);
    if (!index) return emptyResult(ChartsView::tr("The interactions cannot be read: %1").arg(error));
    const std::vector<definitions::Definition> &all = ctx.definitions(&error);
    if (!error.isEmpty()) return emptyResult(ChartsView::tr("The definitions cannot be read: %1").arg(error));
    if (index->size() == 0)
        return emptyResult(
            ChartsView::tr("This workspace holds no interactions yet — import some to chart them"));

    std::vector<definitions::CompiledDefinition> compiled;
    compiled.reserve(static_cast<std::size_t>(request.names.size()));
    for (const QString &name : request.names) {
        const definitions::Definition *def = findDefinition(all, name);
        if (!def)
            return emptyResult(ChartsView::tr("“%1” is no longer in the catalog").arg(untrusted::line(name)));
        auto c = ctx.compile(*def, &error);
        if (!c)
            return emptyResult(
                ChartsView::tr("“%1” cannot be charted: %2").arg(untrusted::line(name), error));
        compiled.push_back(std::move(*c));
        if (ctx.cancelled()) return {};
    }

    ChartJobResult result;
    switch (request.mode) {
    case ChartsView::Mode::Trend: {
        const std::int64_t from = request.range.fromMs.value_or(index->timestampMs(0));
        const std::int64_t to = request.range.toMs.value_or(index->timestampMs(index->size() - 1) + 1);
        result.granularity = request.granularity.value_or(autoGranularity(to - from));
        result.measure = measureLabel(request.measure);
        for (std::size_t i = 0; i < compiled.size(); ++i) {
            std::string message;
            auto points =
                definitions::measuredSeries(*index, compiled[i], request.measure, result.granularity,
                                            request.range, request.timeZone, &message);
            if (!points) return emptyResult(QString::fromStdString(message));
            result.series.push_back({request.names[static_cast<qsizetype>(i)], std::move(*points)});
            if (ctx.cancelled()) return {};
        }
        result.kind = StudioChart::Kind::Trend;
        bool any = false;
        for (const ChartSeries &s : result.series)
            any = any || !s.points.empty();
        if (!any) return emptyResult(ChartsView::tr("No interactions in this time range"));
        break;
    }
    case ChartsView::Mode::Breakdown: {
        const auto rows = definitions::breakdown(*index, compiled.front(), request.breakdownKind,
                                                 request.propertyKey, request.range, kBreakdownBars);
        const QString name = request.names.front();
        QString missing;
        switch (request.breakdownKind) {
        case definitions::BreakdownKind::Path:
            result.title = ChartsView::tr("%1 by page path").arg(name);
            missing = ChartsView::tr("(no page)");
            break;
        case definitions::BreakdownKind::Text:
            result.title = ChartsView::tr("%1 by element text").arg(name);
            missing = ChartsView::tr("(no text)");
            break;
        case definitions::BreakdownKind::Property:
            result.title =
                ChartsView::tr("%1 by property %2").arg(name, QString::fromStdString(request.propertyKey));
            missing = ChartsView::tr("(not set)");
            break;
        }
        for (const definitions::BreakdownRow &row : rows)
            result.bars.push_back({row.missing ? missing : QString::fromStdString(row.value), row.count});
        if (result.bars.empty())
            return emptyResult(
                ChartsView::tr("“%1” did not happen in this time range: nothing to break down").arg(name));
        result.kind = StudioChart::Kind::Breakdown;
        break;
    }
    case ChartsView::Mode::Funnel: {
        std::vector<const definitions::CompiledDefinition *> steps;
        for (const definitions::CompiledDefinition &c : compiled)
            steps.push_back(&c);
        definitions::FunnelOptions options;
        options.window = definitions::FunnelWindow::Session;
        options.unit = request.funnelUnit;
        options.range = request.range;
        std::string message;
        const auto funnel = definitions::funnel(*index, steps, options, &message);
        if (!funnel) return emptyResult(QString::fromStdString(message));
        for (std::size_t i = 0; i < funnel->steps.size(); ++i) {
            const definitions::FunnelStepResult &step = funnel->steps[i];
            result.steps.push_back({request.names[static_cast<qsizetype>(i)], step.entered, step.fromFirst,
                                    i == 0 ? (step.entered > 0 ? 1.0 : 0.0) : step.fromPrevious});
        }
        result.kind = StudioChart::Kind::Funnel;
        break;
    }
    }
    return result;
}

QToolButton *modeButton(const QString &text, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setCheckable(true);
    button->setAutoRaise(false);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setAccessibleName(text);
    return button;
}

} // namespace

ChartsView::ChartsView(AnalysisService *analysis, SharedTimeRange *range, QWidget *parent)
    : QWidget(parent), m_analysis(analysis), m_range(range)
{
    buildUi();
    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(120);
    connect(m_refreshTimer, &QTimer::timeout, this, &ChartsView::refresh);

    if (m_analysis) connect(m_analysis, &AnalysisService::catalogChanged, this, &ChartsView::reloadCatalog);
    if (m_range) connect(m_range, &SharedTimeRange::changed, this, &ChartsView::scheduleRefresh);
    updateControls();
    reloadCatalog();
}

void ChartsView::buildUi()
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(8, 8, 8, 8);
    outer->setSpacing(6);

    // Top row: the mode switch, the status, the exports.
    auto *top = new QHBoxLayout;
    top->setSpacing(0);
    m_modeGroup = new QButtonGroup(this);
    m_modeGroup->setExclusive(true);
    const std::pair<Mode, QString> modes[] = {
        {Mode::Trend, tr("Trend")}, {Mode::Breakdown, tr("Breakdown")}, {Mode::Funnel, tr("Funnel")}};
    for (const auto &[mode, text] : modes) {
        QToolButton *button = modeButton(text, this);
        button->setObjectName(QStringLiteral("chartMode%1").arg(static_cast<int>(mode)));
        m_modeGroup->addButton(button, static_cast<int>(mode));
        top->addWidget(button);
    }
    m_modeGroup->button(static_cast<int>(Mode::Trend))->setChecked(true);
    connect(m_modeGroup, &QButtonGroup::idClicked, this, [this](int id) { setMode(static_cast<Mode>(id)); });
    top->addSpacing(16);
    m_status = new QLabel(this);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_status->setAccessibleName(tr("Chart status"));
    top->addWidget(m_status, 1);
    m_exportPng = new QPushButton(tr("Export PNG…"), this);
    m_exportPng->setAccessibleName(tr("Export the chart as a PNG image"));
    m_exportPng->setObjectName(QStringLiteral("exportPng"));
    m_exportCsv = new QPushButton(tr("Export CSV…"), this);
    m_exportCsv->setAccessibleName(tr("Export the chart's values as CSV"));
    m_exportCsv->setObjectName(QStringLiteral("exportCsv"));
    connect(m_exportPng, &QPushButton::clicked, this, [this] { exportWithDialog(true); });
    connect(m_exportCsv, &QPushButton::clicked, this, [this] { exportWithDialog(false); });
    top->addSpacing(6);
    top->addWidget(m_exportPng);
    top->addSpacing(6);
    top->addWidget(m_exportCsv);
    outer->addLayout(top);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("chartsSplitter"));
    splitter->setChildrenCollapsible(false);
    outer->addWidget(splitter, 1);

    // Left: the definitions to pick from, and the funnel's steps in order.
    auto *left = new QWidget(splitter);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_search = new QLineEdit(left);
    m_search->setPlaceholderText(tr("Filter definitions"));
    m_search->setAccessibleName(tr("Filter definitions"));
    m_search->setClearButtonEnabled(true);
    m_search->setObjectName(QStringLiteral("definitionSearch"));
    connect(m_search, &QLineEdit::textChanged, this, &ChartsView::fillDefinitionList);
    leftLayout->addWidget(m_search);
    m_pickHint = new QLabel(left);
    m_pickHint->setTextFormat(Qt::PlainText);
    m_pickHint->setWordWrap(true);
    m_pickHint->setForegroundRole(QPalette::PlaceholderText);
    leftLayout->addWidget(m_pickHint);
    m_definitionList = new QListWidget(left);
    m_definitionList->setAccessibleName(tr("Definitions to chart"));
    m_definitionList->setObjectName(QStringLiteral("definitionList"));
    m_definitionList->setUniformItemSizes(true);
    connect(m_definitionList, &QListWidget::itemChanged, this, &ChartsView::onItemChanged);
    connect(m_definitionList, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        item->setCheckState(item->checkState() == Qt::Checked ? Qt::Unchecked : Qt::Checked);
    });
    leftLayout->addWidget(m_definitionList, 3);

    m_stepsBox = new QWidget(left);
    auto *stepsLayout = new QVBoxLayout(m_stepsBox);
    stepsLayout->setContentsMargins(0, 4, 0, 0);
    auto *stepsTitle = new QLabel(tr("Funnel steps, in order"), m_stepsBox);
    QFont bold = stepsTitle->font();
    bold.setBold(true);
    stepsTitle->setFont(bold);
    stepsLayout->addWidget(stepsTitle);
    auto *stepsRow = new QHBoxLayout;
    m_stepList = new QListWidget(m_stepsBox);
    m_stepList->setAccessibleName(tr("Funnel steps, in order"));
    m_stepList->setObjectName(QStringLiteral("stepList"));
    stepsRow->addWidget(m_stepList, 1);
    auto *buttons = new QVBoxLayout;
    m_stepUp = new QToolButton(m_stepsBox);
    m_stepUp->setArrowType(Qt::UpArrow);
    m_stepUp->setToolTip(tr("Move the step up (Alt+Up)"));
    m_stepUp->setAccessibleName(tr("Move step up"));
    m_stepUp->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Up));
    m_stepDown = new QToolButton(m_stepsBox);
    m_stepDown->setArrowType(Qt::DownArrow);
    m_stepDown->setToolTip(tr("Move the step down (Alt+Down)"));
    m_stepDown->setAccessibleName(tr("Move step down"));
    m_stepDown->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Down));
    connect(m_stepUp, &QToolButton::clicked, this, [this] { moveStep(-1); });
    connect(m_stepDown, &QToolButton::clicked, this, [this] { moveStep(1); });
    connect(m_stepList, &QListWidget::currentRowChanged, this, [this] { updateControls(); });
    buttons->addWidget(m_stepUp);
    buttons->addWidget(m_stepDown);
    buttons->addStretch(1);
    stepsRow->addLayout(buttons);
    stepsLayout->addLayout(stepsRow);
    leftLayout->addWidget(m_stepsBox, 2);

    // Right: the options of the mode above the chart.
    auto *right = new QWidget(splitter);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    auto *options = new QHBoxLayout;
    options->setContentsMargins(0, 0, 0, 0);

    auto label = [](const QString &text, QWidget *buddy, QWidget *parent) {
        auto *l = new QLabel(text, parent);
        l->setBuddy(buddy);
        return l;
    };

    m_trendOptions = new QWidget(right);
    auto *trend = new QHBoxLayout(m_trendOptions);
    trend->setContentsMargins(0, 0, 0, 0);
    m_granularity = new QComboBox(m_trendOptions);
    m_granularity->setObjectName(QStringLiteral("granularity"));
    m_granularity->setAccessibleName(tr("Time buckets"));
    m_granularity->addItem(tr("Automatic"), -1);
    for (const auto g : {definitions::Granularity::Hour, definitions::Granularity::Day,
                         definitions::Granularity::Week, definitions::Granularity::Month})
        m_granularity->addItem(granularityLabel(g), static_cast<int>(g));
    m_measure = new QComboBox(m_trendOptions);
    m_measure->setObjectName(QStringLiteral("measure"));
    m_measure->setAccessibleName(tr("Count"));
    for (const auto m : {definitions::SeriesMeasure::Interactions, definitions::SeriesMeasure::People,
                         definitions::SeriesMeasure::Sessions})
        m_measure->addItem(measureLabel(m), static_cast<int>(m));
    trend->addWidget(label(tr("&Per:"), m_granularity, m_trendOptions));
    trend->addWidget(m_granularity);
    trend->addSpacing(12);
    trend->addWidget(label(tr("C&ount:"), m_measure, m_trendOptions));
    trend->addWidget(m_measure);
    trend->addStretch(1);

    m_breakdownOptions = new QWidget(right);
    auto *breakdown = new QHBoxLayout(m_breakdownOptions);
    breakdown->setContentsMargins(0, 0, 0, 0);
    m_breakdownDefinition = new QComboBox(m_breakdownOptions);
    m_breakdownDefinition->setObjectName(QStringLiteral("breakdownDefinition"));
    m_breakdownDefinition->setAccessibleName(tr("Definition to break down"));
    m_breakdownDefinition->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_breakdownDefinition->setMinimumContentsLength(16);
    m_breakdownBy = new QComboBox(m_breakdownOptions);
    m_breakdownBy->setObjectName(QStringLiteral("breakdownBy"));
    m_breakdownBy->setAccessibleName(tr("Break down by"));
    m_breakdownBy->addItem(tr("Page path"), static_cast<int>(definitions::BreakdownKind::Path));
    m_breakdownBy->addItem(tr("Element text"), static_cast<int>(definitions::BreakdownKind::Text));
    m_breakdownBy->addItem(tr("Property"), static_cast<int>(definitions::BreakdownKind::Property));
    m_propertyKey = new QLineEdit(m_breakdownOptions);
    m_propertyKey->setObjectName(QStringLiteral("propertyKey"));
    m_propertyKey->setPlaceholderText(tr("property key, e.g. plan"));
    m_propertyKey->setAccessibleName(tr("Property key"));
    breakdown->addWidget(label(tr("&Definition:"), m_breakdownDefinition, m_breakdownOptions));
    breakdown->addWidget(m_breakdownDefinition, 1);
    breakdown->addSpacing(12);
    breakdown->addWidget(label(tr("&By:"), m_breakdownBy, m_breakdownOptions));
    breakdown->addWidget(m_breakdownBy);
    breakdown->addWidget(m_propertyKey);
    breakdown->addStretch(1);

    m_funnelOptions = new QWidget(right);
    auto *funnel = new QHBoxLayout(m_funnelOptions);
    funnel->setContentsMargins(0, 0, 0, 0);
    m_funnelUnit = new QComboBox(m_funnelOptions);
    m_funnelUnit->setObjectName(QStringLiteral("funnelUnit"));
    m_funnelUnit->setAccessibleName(tr("Count the funnel in"));
    m_funnelUnit->addItem(tr("People"), static_cast<int>(definitions::FunnelUnit::People));
    m_funnelUnit->addItem(tr("Sessions"), static_cast<int>(definitions::FunnelUnit::Sessions));
    funnel->addWidget(label(tr("C&ount:"), m_funnelUnit, m_funnelOptions));
    funnel->addWidget(m_funnelUnit);
    auto *within = new QLabel(tr("Each step within the session of the first"), m_funnelOptions);
    within->setForegroundRole(QPalette::PlaceholderText);
    funnel->addSpacing(12);
    funnel->addWidget(within);
    funnel->addStretch(1);

    // One row of options at a time: a stack, so that the hidden modes' options never widen
    // the view.
    m_optionsStack = new QStackedWidget(right);
    m_optionsStack->addWidget(m_trendOptions);
    m_optionsStack->addWidget(m_breakdownOptions);
    m_optionsStack->addWidget(m_funnelOptions);
    m_optionsStack->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Maximum);
    options->addWidget(m_optionsStack);
    rightLayout->addLayout(options);

    m_chart = new StudioChart(right);
    m_chart->setAccessibleName(tr("Chart"));
    rightLayout->addWidget(m_chart, 1);

    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({260, 740});

    for (QComboBox *combo : {m_granularity, m_measure, m_breakdownBy, m_funnelUnit, m_breakdownDefinition})
        connect(combo, &QComboBox::currentIndexChanged, this, [this] {
            updateControls();
            scheduleRefresh();
        });
    connect(m_propertyKey, &QLineEdit::textChanged, this, &ChartsView::scheduleRefresh);
    connect(m_chart, &StudioChart::hovered, this, [this](const QString &text) { m_status->setText(text); });
}

bool ChartsView::isBusy() const
{
    return m_catalogPending || m_chartPending || m_refreshTimer->isActive();
}

void ChartsView::setMode(Mode mode)
{
    if (QAbstractButton *button = m_modeGroup->button(static_cast<int>(mode))) button->setChecked(true);
    if (m_mode == mode) return;
    m_mode = mode;
    updateControls();
    scheduleRefresh();
}

void ChartsView::showDefinitions(const QStringList &names)
{
    setMode(Mode::Trend);
    setPicked(names);
}

void ChartsView::reloadCatalog()
{
    if (!m_analysis) {
        applyCatalog({}, tr("No workspace is open"));
        return;
    }
    m_catalogPending = true;
    updateControls();
    m_analysis->run<CatalogJobResult>(
        QStringLiteral("charts-catalog"), this,
        [](AnalysisContext &ctx) {
            CatalogJobResult result;
            if (!ctx.isOpen()) {
                result.error = ctx.openError().isEmpty() ? tr("No workspace is open") : ctx.openError();
                return result;
            }
            QString error;
            for (const definitions::Definition &d : ctx.definitions(&error))
                result.names << QString::fromStdString(d.name);
            result.error = error;
            return result;
        },
        [this](const CatalogJobResult &result) { applyCatalog(result.names, result.error); });
}

void ChartsView::applyCatalog(const QStringList &names, const QString &error)
{
    m_catalogPending = false;
    m_catalogLoaded = true;
    m_available = names;
    m_catalogError = error;
    // Definitions that were deleted or renamed leave the picks.
    QStringList kept;
    for (const QString &name : m_picked)
        if (m_available.contains(name)) kept << name;
    m_picked = kept;
    fillDefinitionList();
    refreshStepList();
    updateControls();
    refresh();
}

void ChartsView::fillDefinitionList()
{
    m_fillingList = true;
    m_definitionList->clear();
    const QString filter = m_search->text().trimmed();
    for (const QString &name : m_available) {
        if (!filter.isEmpty() && !name.contains(filter, Qt::CaseInsensitive)) continue;
        auto *item = new QListWidgetItem(untrusted::line(name), m_definitionList);
        item->setData(Qt::UserRole, name);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(m_picked.contains(name) ? Qt::Checked : Qt::Unchecked);
        item->setToolTip(untrusted::toolTip(name));
    }
    m_fillingList = false;
}

void ChartsView::onItemChanged(QListWidgetItem *item)
{
    if (m_fillingList || !item) return;
    const QString name = item->data(Qt::UserRole).toString();
    QStringList picked = m_picked;
    if (item->checkState() == Qt::Checked) {
        if (!picked.contains(name)) picked << name;
    } else {
        picked.removeAll(name);
    }
    setPicked(picked);
}

void ChartsView::setPicked(const QStringList &names)
{
    QStringList unique;
    for (const QString &name : names)
        if (!unique.contains(name) && (!m_catalogLoaded || m_catalogPending || m_available.contains(name)))
            unique << name; // while the catalog is being read again, the picks wait for it
    if (unique == m_picked) return;
    const QString breakdownCurrent = m_breakdownDefinition->currentData().toString();
    m_picked = unique;
    fillDefinitionList();
    refreshStepList();
    // The breakdown's choices are the picked definitions; keep the current one if still there,
    // else the one just picked.
    {
        const QSignalBlocker blocker(m_breakdownDefinition);
        m_breakdownDefinition->clear();
        for (const QString &name : m_picked)
            m_breakdownDefinition->addItem(untrusted::line(name), name);
        int index = m_breakdownDefinition->findData(breakdownCurrent);
        if (index < 0) index = static_cast<int>(m_picked.size()) - 1;
        m_breakdownDefinition->setCurrentIndex(index);
    }
    updateControls();
    scheduleRefresh();
}

void ChartsView::refreshStepList()
{
    const int current = m_stepList->currentRow();
    m_stepList->clear();
    for (qsizetype i = 0; i < m_picked.size(); ++i) {
        auto *item =
            new QListWidgetItem(tr("%1. %2").arg(i + 1).arg(untrusted::line(m_picked[i])), m_stepList);
        item->setData(Qt::UserRole, m_picked[i]);
        item->setToolTip(untrusted::toolTip(m_picked[i]));
    }
    if (current >= 0 && current < m_stepList->count()) m_stepList->setCurrentRow(current);
}

void ChartsView::moveStep(int delta)
{
    const int row = m_stepList->currentRow();
    const int to = row + delta;
    if (row < 0 || to < 0 || to >= m_picked.size()) return;
    m_picked.move(row, to);
    refreshStepList();
    m_stepList->setCurrentRow(to);
    updateControls();
    scheduleRefresh();
}

void ChartsView::updateControls()
{
    m_optionsStack->setCurrentWidget(m_mode == Mode::Trend       ? m_trendOptions
                                     : m_mode == Mode::Breakdown ? m_breakdownOptions
                                                                 : m_funnelOptions);
    m_stepsBox->setVisible(m_mode == Mode::Funnel);
    const int row = m_stepList->currentRow();
    m_stepUp->setEnabled(row > 0);
    m_stepDown->setEnabled(row >= 0 && row + 1 < m_stepList->count());
    const bool property =
        m_breakdownBy->currentData().toInt() == static_cast<int>(definitions::BreakdownKind::Property);
    m_propertyKey->setVisible(property);
    m_breakdownDefinition->setEnabled(!m_picked.isEmpty());
    switch (m_mode) {
    case Mode::Trend:
        m_pickHint->setText(tr("Tick the definitions to chart, one line each."));
        break;
    case Mode::Breakdown:
        m_pickHint->setText(tr("Tick a definition, then choose above the chart what to break it down by."));
        break;
    case Mode::Funnel:
        m_pickHint->setText(tr("Tick the funnel's steps; order them below."));
        break;
    }
    const bool hasChart = m_chart->kind() != StudioChart::Kind::Empty;
    m_exportPng->setEnabled(hasChart);
    m_exportCsv->setEnabled(hasChart);
}

void ChartsView::scheduleRefresh()
{
    m_refreshTimer->start();
}

void ChartsView::refresh()
{
    m_refreshTimer->stop();
    auto showEmpty = [this](const QString &text) {
        m_chartPending = false;
        m_chart->setEmpty(text);
        m_status->clear();
        updateControls();
        emit chartUpdated();
    };
    if (!m_analysis) return showEmpty(tr("Open a workspace to chart its definitions"));
    if (!m_catalogLoaded) return; // the catalog's arrival refreshes
    if (!m_catalogError.isEmpty()) return showEmpty(m_catalogError);
    if (m_available.isEmpty())
        return showEmpty(tr("No definitions yet — define an event in the Definitions view (or select an "
                            "interaction and press D)"));

    ChartRequest request;
    request.mode = m_mode;
    switch (m_mode) {
    case Mode::Trend:
        if (m_picked.isEmpty()) return showEmpty(tr("Pick one or more definitions to chart"));
        request.names = m_picked;
        break;
    case Mode::Breakdown: {
        const QString name = m_breakdownDefinition->currentData().toString();
        if (name.isEmpty()) return showEmpty(tr("Pick a definition to break down"));
        request.names = {name};
        request.breakdownKind = static_cast<definitions::BreakdownKind>(m_breakdownBy->currentData().toInt());
        if (request.breakdownKind == definitions::BreakdownKind::Property) {
            const QString key = m_propertyKey->text().trimmed();
            if (key.isEmpty()) return showEmpty(tr("Type the property key to break down by"));
            request.propertyKey = key.toStdString();
        }
        break;
    }
    case Mode::Funnel:
        if (m_picked.size() < 2)
            return showEmpty(tr("Pick two or more definitions for the funnel's steps, in order"));
        if (m_picked.size() > kMaxFunnelSteps)
            return showEmpty(tr("A funnel has at most %1 steps").arg(kMaxFunnelSteps));
        request.names = m_picked;
        request.funnelUnit = static_cast<definitions::FunnelUnit>(m_funnelUnit->currentData().toInt());
        break;
    }
    const int g = m_granularity->currentData().toInt();
    if (g >= 0) request.granularity = static_cast<definitions::Granularity>(g);
    request.measure = static_cast<definitions::SeriesMeasure>(m_measure->currentData().toInt());
    if (m_range) request.range = m_range->resolved();
    const QTimeZone system = QTimeZone::systemTimeZone();
    request.timeZone = system.isValid() ? QTimeZone::systemTimeZoneId().toStdString() : std::string();
    if (!request.timeZone.empty() && !QTimeZone(request.timeZone.c_str()).isValid()) request.timeZone.clear();

    m_chartPending = true;
    m_status->setText(tr("Computing…"));
    m_analysis->run<ChartJobResult>(
        QStringLiteral("charts"), this,
        [request](AnalysisContext &ctx) { return computeChart(ctx, request); },
        [this, automatic = !request.granularity](const ChartJobResult &result) {
            m_chartPending = false;
            m_status->clear();
            switch (result.kind) {
            case StudioChart::Kind::Empty:
                m_chart->setEmpty(result.message);
                break;
            case StudioChart::Kind::Trend:
                m_chart->setTrend(result.series, result.granularity, result.measure);
                if (automatic)
                    m_granularity->setItemText(
                        0, tr("Automatic (%1)").arg(granularityLabel(result.granularity)));
                break;
            case StudioChart::Kind::Breakdown:
                m_chart->setBreakdown(result.title, result.bars);
                break;
            case StudioChart::Kind::Funnel:
                m_chart->setFunnel(result.steps);
                break;
            }
            updateControls();
            emit chartUpdated();
        });
}

bool ChartsView::exportPng(const QString &path, QString *error)
{
    return m_chart->exportPng(path, error);
}

bool ChartsView::exportCsv(const QString &path, QString *error)
{
    return m_chart->exportCsv(path, error);
}

void ChartsView::exportWithDialog(bool png)
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString base = m_mode == Mode::Trend       ? QStringLiteral("trend")
                         : m_mode == Mode::Breakdown ? QStringLiteral("breakdown")
                                                     : QStringLiteral("funnel");
    const QString suggested =
        QDir(dir).filePath(base + (png ? QStringLiteral(".png") : QStringLiteral(".csv")));
    const QString path =
        QFileDialog::getSaveFileName(this, png ? tr("Export chart as PNG") : tr("Export chart values as CSV"),
                                     suggested, png ? tr("PNG images (*.png)") : tr("CSV files (*.csv)"));
    if (path.isEmpty()) return;
    QString error;
    if (!(png ? exportPng(path, &error) : exportCsv(path, &error))) {
        showPlainMessage(this, QMessageBox::Warning, tr("Export failed"), error);
        return;
    }
    m_status->setText(tr("Exported to %1").arg(QDir::toNativeSeparators(path)));
}

} // namespace hindsight::ui
