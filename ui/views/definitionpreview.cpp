#include "ui/views/definitionpreview.h"

#include "ui/charts/studiochart.h"
#include "ui/common/humanformat.h"
#include "ui/common/untrustedtext.h"
#include "ui/store/definitionjobs.h"

#include <QFontDatabase>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace hindsight::ui {

namespace {

QLabel *figure(QGridLayout *grid, int column, const QString &caption, const QString &objectName)
{
    auto *value = new QLabel(QStringLiteral("–"));
    value->setObjectName(objectName);
    value->setTextFormat(Qt::PlainText);
    value->setAccessibleName(caption);
    QFont big = value->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    value->setFont(big);
    grid->addWidget(value, 0, column);
    auto *label = new QLabel(caption);
    label->setTextFormat(Qt::PlainText);
    QPalette p = label->palette();
    p.setColor(QPalette::WindowText, p.color(QPalette::PlaceholderText));
    label->setPalette(p);
    grid->addWidget(label, 1, column);
    return value;
}

QLabel *sectionTitle(const QString &text)
{
    auto *label = new QLabel(text);
    label->setTextFormat(Qt::PlainText);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    return label;
}

QTreeWidget *makeList(const QStringList &headers, const QString &accessibleName, const QString &objectName)
{
    auto *list = new QTreeWidget;
    list->setObjectName(objectName);
    list->setAccessibleName(accessibleName);
    list->setHeaderLabels(headers);
    list->setRootIsDecorated(false);
    list->setUniformRowHeights(true);
    list->setAlternatingRowColors(true);
    list->setSelectionMode(QAbstractItemView::SingleSelection);
    list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    list->setTextElideMode(Qt::ElideRight);
    list->setWordWrap(false);
    list->header()->setStretchLastSection(false);
    return list;
}

QString granularityWord(definitions::Granularity granularity)
{
    switch (granularity) {
    case definitions::Granularity::Hour:
        return QObject::tr("per hour");
    case definitions::Granularity::Day:
        return QObject::tr("per day");
    case definitions::Granularity::Week:
        return QObject::tr("per week");
    case definitions::Granularity::Month:
        return QObject::tr("per month");
    }
    return {};
}

} // namespace

DefinitionPreview::DefinitionPreview(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("definitionPreview"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->setSpacing(6);

    auto *top = new QHBoxLayout;
    m_range = new QLabel;
    m_range->setObjectName(QStringLiteral("previewRange"));
    m_range->setTextFormat(Qt::PlainText);
    top->addWidget(m_range);
    top->addStretch(1);
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("previewStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setAccessibleName(tr("Preview status"));
    QPalette statusPalette = m_status->palette();
    statusPalette.setColor(QPalette::WindowText, statusPalette.color(QPalette::PlaceholderText));
    m_status->setPalette(statusPalette);
    top->addWidget(m_status);
    layout->addLayout(top);

    m_stack = new QStackedWidget;
    layout->addWidget(m_stack, 1);

    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("previewMessage"));
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setMargin(24);
    m_stack->addWidget(m_message);

    m_content = new QWidget;
    auto *content = new QVBoxLayout(m_content);
    content->setContentsMargins(0, 0, 0, 0);
    content->setSpacing(6);
    auto *figures = new QGridLayout;
    figures->setHorizontalSpacing(24);
    figures->setVerticalSpacing(0);
    m_count = figure(figures, 0, tr("Interactions"), QStringLiteral("previewCount"));
    m_people = figure(figures, 1, tr("People"), QStringLiteral("previewPeople"));
    m_sessions = figure(figures, 2, tr("Sessions"), QStringLiteral("previewSessions"));
    figures->setColumnStretch(3, 1);
    content->addLayout(figures);

    m_chart = new StudioChart;
    m_chart->setObjectName(QStringLiteral("previewChart"));
    m_chart->setAccessibleName(tr("Trend"));
    m_chart->setCompact(true);
    m_chart->setMinimumHeight(150);
    content->addWidget(m_chart, 3);

    auto *elementsHeader = new QHBoxLayout;
    elementsHeader->addWidget(sectionTitle(tr("Elements it catches")));
    m_elementsSummary = new QLabel;
    m_elementsSummary->setObjectName(QStringLiteral("previewElementsSummary"));
    m_elementsSummary->setTextFormat(Qt::PlainText);
    elementsHeader->addWidget(m_elementsSummary, 1);
    content->addLayout(elementsHeader);
    m_elements = makeList({tr("Element"), tr("Interactions"), tr("Change")}, tr("Elements it catches"),
                          QStringLiteral("previewElements"));
    m_elements->setTextElideMode(Qt::ElideMiddle); // the matched element and the target both stay visible
    m_elements->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_elements->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_elements->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    content->addWidget(m_elements, 1);

    m_sampleTitle = sectionTitle(tr("Sample of matching interactions"));
    content->addWidget(m_sampleTitle);
    m_sample = makeList({tr("Time"), tr("Type"), tr("Page"), tr("Target"), tr("Person")},
                        tr("Sample of matching interactions"), QStringLiteral("previewSample"));
    m_sample->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_sample->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_sample->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_sample->header()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_sample->header()->setSectionResizeMode(4, QHeaderView::Interactive);
    m_sample->header()->resizeSection(4, fontMetrics().horizontalAdvance(QStringLiteral("person-1234")) + 16);
    content->addWidget(m_sample, 3);
    m_stack->addWidget(m_content);

    showMessage(tr("Add a condition to see what it matches."));
}

DefinitionPreview::~DefinitionPreview() = default;

void DefinitionPreview::setRangeLabel(const QString &label, const QString &toolTip)
{
    m_range->setText(tr("Time range: %1").arg(label.isEmpty() ? tr("All time") : label));
    m_range->setToolTip(toolTip);
}

void DefinitionPreview::setUpdating(bool updating)
{
    m_updating = updating;
    updateStatus();
}

void DefinitionPreview::setPaused(const QString &reason)
{
    m_paused = !reason.isEmpty();
    m_pauseReason = reason;
    m_content->setEnabled(!m_paused);
    if (m_paused && !m_hasResult) {
        m_message->setText(tr("The preview waits for the criteria to be valid:\n%1").arg(reason));
        m_stack->setCurrentWidget(m_message);
    }
    updateStatus();
}

void DefinitionPreview::showMessage(const QString &text)
{
    m_hasResult = false;
    m_paused = false;
    m_pauseReason.clear();
    m_message->setText(text);
    m_stack->setCurrentWidget(m_message);
    m_content->setEnabled(true);
    updateStatus();
}

void DefinitionPreview::updateStatus()
{
    if (m_paused)
        m_status->setText(tr("Paused — fix the criteria"));
    else if (m_updating)
        m_status->setText(tr("Updating…"));
    else
        m_status->clear();
    m_status->setToolTip(m_paused ? untrusted::toolTip(m_pauseReason) : QString());
}

void DefinitionPreview::showResult(const DefinitionPreviewResult &result, const QString &seriesName)
{
    m_hasResult = true;
    ++m_resultCount;
    m_paused = false;
    m_pauseReason.clear();
    m_content->setEnabled(true);
    m_stack->setCurrentWidget(m_content);
    updateStatus();

    m_count->setText(formatCount(result.totals.count));
    m_people->setText(formatCount(result.totals.people));
    m_sessions->setText(formatCount(result.totals.sessions));
    m_count->setToolTip(tr("%1 of %2 interactions in the range")
                            .arg(formatCount(result.totals.count), formatCount(result.interactionsInRange)));

    if (result.totals.count == 0 || result.series.empty()) {
        m_chart->setEmpty(tr("No matching interactions in this range"));
    } else {
        ChartSeries series;
        series.name = seriesName.isEmpty() ? tr("This definition") : seriesName;
        series.points = result.series;
        m_chart->setTrend({series}, result.granularity, tr("Interactions"));
    }
    m_chart->setToolTip(tr("Matching interactions %1").arg(granularityWord(result.granularity)));

    // Elements.
    QStringList summary;
    summary << tr("%n distinct", nullptr,
                  static_cast<int>(std::min<qint64>(result.distinctElements, INT_MAX)));
    if (result.hasBaseline) {
        summary << tr("%1 new").arg(formatCount(result.newElements));
        if (result.droppedElements > 0)
            summary << tr("%1 no longer caught").arg(formatCount(result.droppedElements));
    }
    m_elementsSummary->setText(QStringLiteral("  ") + summary.join(QStringLiteral(" · ")));
    if (result.hasBaseline && result.newElements > 0)
        m_elementsSummary->setToolTip(tr("%1 interactions on elements the saved version does not catch")
                                          .arg(formatCount(result.newInteractions)));
    else
        m_elementsSummary->setToolTip({});

    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    QFont newFont = font();
    newFont.setBold(true);
    QColor highlight = palette().color(QPalette::Highlight);
    highlight.setAlpha(48);
    m_elements->clear();
    QList<QTreeWidgetItem *> elementItems;
    for (const PreviewElementRow &row : result.elements) {
        auto *item = new QTreeWidgetItem;
        if (row.chainText.isEmpty() && !row.type.isEmpty()) {
            item->setText(0, tr("(no element) %1").arg(untrusted::line(row.type, 60)));
            item->setToolTip(0, untrusted::toolTip(tr("%1 interactions without an element").arg(row.type)));
        } else {
            item->setText(0, untrusted::line(row.summary));
            item->setToolTip(0, untrusted::toolTip(row.chainText));
            item->setFont(0, fixed);
        }
        item->setText(1, formatCount(row.count));
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        if (row.isNew) {
            item->setText(2, tr("New"));
            item->setToolTip(2, tr("The saved version does not catch this element"));
            item->setFont(2, newFont);
            for (int c = 0; c < 3; ++c)
                item->setBackground(c, highlight);
        }
        elementItems << item;
    }
    m_elements->addTopLevelItems(elementItems);
    m_elements->setColumnHidden(2, !result.hasBaseline);

    // Sample.
    m_sampleTitle->setText(
        tr("Sample of matching interactions (newest %n)", nullptr, static_cast<int>(result.sample.size())));
    m_sample->clear();
    QList<QTreeWidgetItem *> sampleItems;
    for (const PreviewSampleRow &row : result.sample) {
        auto *item = new QTreeWidgetItem;
        item->setData(0, Qt::UserRole, row.id);
        item->setText(0, formatLocalDateTime(row.timeMs));
        item->setToolTip(0, formatUtcInstant(row.timeMs));
        item->setText(1, untrusted::line(row.type, 60));
        item->setText(2, untrusted::line(row.path.isEmpty() ? row.url : row.path));
        item->setToolTip(2, untrusted::toolTip(row.url));
        item->setFont(2, fixed);
        item->setText(3, untrusted::line(row.target));
        item->setToolTip(3, untrusted::toolTip(row.target));
        item->setText(4, untrusted::line(row.person, 80));
        item->setToolTip(4, untrusted::toolTip(row.person));
        sampleItems << item;
    }
    m_sample->addTopLevelItems(sampleItems);
}

QString DefinitionPreview::countText() const
{
    return m_hasResult ? m_count->text() : QString();
}

QString DefinitionPreview::peopleText() const
{
    return m_hasResult ? m_people->text() : QString();
}

QString DefinitionPreview::sessionsText() const
{
    return m_hasResult ? m_sessions->text() : QString();
}

QString DefinitionPreview::statusText() const
{
    return m_status->text();
}

QString DefinitionPreview::messageText() const
{
    return m_stack->currentWidget() == m_message ? m_message->text() : QString();
}

QString DefinitionPreview::elementsSummaryText() const
{
    return m_elementsSummary->text().trimmed();
}

} // namespace hindsight::ui
