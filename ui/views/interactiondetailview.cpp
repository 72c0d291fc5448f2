#include "ui/views/interactiondetailview.h"

#include "ui/common/humanformat.h"
#include "ui/common/untrustedtext.h"
#include "ui/views/elidinglabel.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace hindsight::ui {

namespace {

QTreeWidget *makeTree(const QString &objectName, const QStringList &headers, const QString &accessibleName)
{
    auto *tree = new QTreeWidget;
    tree->setObjectName(objectName);
    tree->setAccessibleName(accessibleName);
    tree->setHeaderLabels(headers);
    tree->setUniformRowHeights(true);
    tree->setAlternatingRowColors(true);
    tree->setTextElideMode(Qt::ElideRight);
    tree->setSelectionMode(QAbstractItemView::SingleSelection);
    tree->header()->setStretchLastSection(true);
    tree->header()->setSectionResizeMode(QHeaderView::Interactive);
    return tree;
}

ElidingLabel *makeValue(const QString &objectName, const QString &accessibleName, bool fixed = false)
{
    auto *label = new ElidingLabel;
    label->setObjectName(objectName);
    label->setAccessibleName(accessibleName);
    if (fixed) label->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return label;
}

QString orDash(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("—") : text;
}

} // namespace

InteractionDetailView::InteractionDetailView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("interactionDetail"));
    setAccessibleName(tr("Interaction details"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_stack = new QStackedWidget;
    outer->addWidget(m_stack);

    m_placeholder = new QLabel(tr("Select an interaction to see its element chain, page and properties."));
    m_placeholder->setObjectName(QStringLiteral("detailPlaceholder"));
    m_placeholder->setTextFormat(Qt::PlainText);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    m_placeholder->setMargin(24);
    m_stack->addWidget(m_placeholder);

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(12, 8, 8, 8);
    m_heading = new QLabel;
    m_heading->setObjectName(QStringLiteral("detailHeading"));
    m_heading->setTextFormat(Qt::PlainText);
    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.2);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    auto *headingRow = new QHBoxLayout;
    headingRow->addWidget(m_heading, 1);
    m_define = new QPushButton(tr("Define event from this"));
    m_define->setObjectName(QStringLiteral("detailDefineButton"));
    m_define->setAccessibleName(tr("Define event from this interaction"));
    m_define->setToolTip(tr("Start a new definition from this interaction's element and page (D)"));
    connect(m_define, &QPushButton::clicked, this, [this] {
        if (m_id != 0) emit defineRequested(m_id);
    });
    headingRow->addWidget(m_define);
    layout->addLayout(headingRow);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    form->setLabelAlignment(Qt::AlignLeft);
    m_time = makeValue(QStringLiteral("detailTime"), tr("Time"));
    m_person = makeValue(QStringLiteral("detailPerson"), tr("Person"));
    m_session = makeValue(QStringLiteral("detailSession"), tr("Session"), true);
    m_title = makeValue(QStringLiteral("detailTitle"), tr("Page title"));
    m_referrer = makeValue(QStringLiteral("detailReferrer"), tr("Referrer"), true);
    m_consent = makeValue(QStringLiteral("detailConsent"), tr("Consent"));
    m_uuid = makeValue(QStringLiteral("detailUuid"), tr("Interaction id"), true);
    m_referrer->setElideMode(Qt::ElideMiddle);
    form->addRow(tr("Time"), m_time);
    form->addRow(tr("Person"), m_person);
    form->addRow(tr("Session"), m_session);
    form->addRow(tr("Page title"), m_title);
    form->addRow(tr("Referrer"), m_referrer);
    form->addRow(tr("Consent"), m_consent);
    form->addRow(tr("Id"), m_uuid);
    m_matchesBox = new QWidget;
    m_matchesBox->setObjectName(QStringLiteral("detailMatchedBy"));
    m_matchesBox->setAccessibleName(tr("Matched by"));
    m_matchesLayout = new QHBoxLayout(m_matchesBox);
    m_matchesLayout->setContentsMargins(0, 0, 0, 0);
    m_matchesLayout->setSpacing(2);
    m_matchesNote = new QLabel;
    m_matchesNote->setObjectName(QStringLiteral("detailMatchedByNote"));
    m_matchesNote->setTextFormat(Qt::PlainText);
    m_matchesNote->setForegroundRole(QPalette::PlaceholderText);
    m_matchesLayout->addWidget(m_matchesNote);
    m_matchesLayout->addStretch(1);
    form->addRow(tr("Matched by"), m_matchesBox);
    layout->addLayout(form);

    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("detailTabs"));
    m_tabs->setDocumentMode(true);

    auto *chainPage = new QWidget;
    auto *chainLayout = new QVBoxLayout(chainPage);
    chainLayout->setContentsMargins(0, 4, 0, 0);
    m_chainTree = makeTree(QStringLiteral("detailChainTree"), {tr("Element"), tr("Text"), tr("Attributes")},
                           tr("Element chain"));
    m_chainTree->setIndentation(14);
    m_chainTree->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_chainTree->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_attributesTree = makeTree(QStringLiteral("detailAttributesTree"), {tr("Attribute"), tr("Value")},
                                tr("Attributes of the selected element"));
    m_attributesTree->setRootIsDecorated(false);
    connect(m_chainTree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        showAttributesOf(item ? item->data(0, Qt::UserRole).toInt() : -1);
    });
    auto *chainSplitter = new QSplitter(Qt::Vertical);
    chainSplitter->setObjectName(QStringLiteral("detailChainSplitter"));
    chainSplitter->setChildrenCollapsible(false);
    chainSplitter->addWidget(m_chainTree);
    chainSplitter->addWidget(m_attributesTree);
    chainSplitter->setStretchFactor(0, 3);
    chainSplitter->setStretchFactor(1, 2);
    m_chainNote = new QLabel;
    m_chainNote->setObjectName(QStringLiteral("detailChainNote"));
    m_chainNote->setTextFormat(Qt::PlainText);
    m_chainNote->setWordWrap(true);
    m_chainNote->setForegroundRole(QPalette::PlaceholderText);
    m_noChain = new QLabel;
    m_noChain->setObjectName(QStringLiteral("detailNoChain"));
    m_noChain->setTextFormat(Qt::PlainText);
    m_noChain->setWordWrap(true);
    m_noChain->setAlignment(Qt::AlignCenter);
    m_noChain->setForegroundRole(QPalette::PlaceholderText);
    m_noChain->setMargin(16);
    m_chainStack = new QStackedWidget;
    m_chainStack->addWidget(chainSplitter);
    m_chainStack->addWidget(m_noChain);
    chainLayout->addWidget(m_chainStack, 1);
    chainLayout->addWidget(m_chainNote);
    m_tabs->addTab(chainPage, tr("Element chain"));

    m_urlTree = makeTree(QStringLiteral("detailUrlTree"), {tr("Part"), tr("Value")}, tr("Page address"));
    m_tabs->addTab(m_urlTree, tr("Page"));
    m_propertiesTree = makeTree(QStringLiteral("detailPropertiesTree"), {tr("Property"), tr("Value")},
                                tr("Other properties"));
    m_propertiesTree->setRootIsDecorated(false);
    m_tabs->addTab(m_propertiesTree, tr("Properties"));
    layout->addWidget(m_tabs, 1);
    m_stack->addWidget(content);
}

void InteractionDetailView::clear()
{
    m_id = 0;
    m_hasDetail = false;
    m_placeholder->setText(tr("Select an interaction to see its element chain, page and properties."));
    m_stack->setCurrentIndex(0);
}

void InteractionDetailView::showPending(qint64 id)
{
    if (id == m_id && m_hasDetail) return;
    m_id = id;
    m_hasDetail = false;
    // Keep the previous detail on screen for the moment the worker needs; a blank flash on
    // every arrow-key press would be worse than a detail that is a few milliseconds old.
}

void InteractionDetailView::showDetail(const InteractionDetail &detail)
{
    if (detail.id != m_id) return;
    if (!detail.found) {
        m_hasDetail = false;
        m_placeholder->setText(tr("This interaction is no longer in the workspace."));
        m_stack->setCurrentIndex(0);
        emit detailShown(detail.id);
        return;
    }
    m_hasDetail = true;
    QString target;
    if (!detail.chain.empty()) {
        const InteractionDetail::Element &element = detail.chain.back();
        target = untrusted::line(element.selector, 60);
        if (!element.text.isEmpty())
            target += QStringLiteral(" \"%1\"").arg(untrusted::line(element.text, 40));
    }
    m_heading->setText(target.isEmpty() ? tr("%1 on %2").arg(detail.type, orDash(detail.path))
                                        : tr("%1 on %2").arg(detail.type, target));
    m_time->setText(formatLocalDateTime(detail.timestampMs));
    m_time->setToolTip(untrusted::toolTip(formatUtcInstant(detail.timestampMs)));
    m_person->setText(detail.person == detail.distinctId || detail.distinctId.isEmpty()
                          ? orDash(detail.person)
                          : tr("%1 (seen as %2)").arg(detail.person, detail.distinctId));
    m_session->setText(orDash(detail.session));
    m_title->setText(orDash(detail.title));
    m_referrer->setText(orDash(detail.referrer));
    m_consent->setText(detail.consent);
    m_uuid->setText(detail.uuid);
    fillChain(detail);
    fillUrl(detail);
    fillProperties(detail);
    m_stack->setCurrentIndex(1);
    emit detailShown(detail.id);
}

void InteractionDetailView::setMatchesAvailable(bool available)
{
    m_matchesAvailable = available;
    if (!available) {
        clearMatchButtons();
        m_matchesNote->setText(tr("(definitions are not checked here)"));
        m_matchesNote->show();
    }
}

void InteractionDetailView::clearMatchButtons()
{
    m_matchedNames.clear();
    // Everything but the note and the stretch.
    for (int i = m_matchesLayout->count() - 1; i >= 0; --i) {
        QWidget *w = m_matchesLayout->itemAt(i)->widget();
        if (w && w != m_matchesNote) {
            m_matchesLayout->removeWidget(w);
            w->deleteLater();
        }
    }
}

void InteractionDetailView::showMatchesPending()
{
    if (!m_matchesAvailable) return;
    m_matchesId = 0;
    clearMatchButtons();
    m_matchesNote->setText(tr("Checking definitions…"));
    m_matchesNote->show();
}

QString InteractionDetailView::matchesText() const
{
    QString text = m_matchesNote->isHidden() ? QString() : m_matchesNote->text();
    if (!m_matchedNames.isEmpty()) text = m_matchedNames.join(QStringLiteral(", ")) + QLatin1Char(' ') + text;
    return text.trimmed();
}

void InteractionDetailView::showMatches(const browse::MatchesResult &result)
{
    if (!m_matchesAvailable || result.id != m_id) return;
    m_matchesId = result.id;
    clearMatchButtons();
    if (!result.error.isEmpty()) {
        m_matchesNote->setText(result.error);
        m_matchesNote->show();
        return;
    }
    if (result.matches.empty()) {
        m_matchesNote->setText(tr("No definition matches this yet — press D to define one."));
        m_matchesNote->show();
    } else {
        m_matchesNote->hide();
    }
    constexpr int kShown = 4;
    int inserted = 0;
    QMenu *more = nullptr;
    for (const browse::MatchedDefinition &m : result.matches) {
        m_matchedNames << m.name;
        const QString shown = untrusted::line(m.name, 60);
        QString tip = tr("Open the definition “%1”").arg(untrusted::line(m.name, untrusted::kCellChars));
        if (!m.status.isEmpty()) tip += tr(" (%1)").arg(m.status);
        if (m.elementIndex == 0)
            tip += tr("\nMatched on the target element");
        else if (m.elementIndex > 0)
            tip += tr("\nMatched on an ancestor of the target (%1 up)").arg(m.elementIndex);
        const QString name = m.name;
        if (inserted < kShown) {
            auto *button = new QToolButton;
            button->setObjectName(QStringLiteral("matchedDefinition"));
            button->setText(shown);
            button->setAccessibleName(tr("Definition %1").arg(shown));
            button->setToolTip(untrusted::toolTip(tip));
            button->setAutoRaise(true);
            button->setCursor(Qt::PointingHandCursor);
            QFont f = button->font();
            f.setUnderline(true);
            button->setFont(f);
            button->setForegroundRole(QPalette::Link);
            connect(button, &QToolButton::clicked, this, [this, name] { emit definitionActivated(name); });
            m_matchesLayout->insertWidget(inserted++, button);
            continue;
        }
        if (!more) {
            auto *moreButton = new QToolButton;
            moreButton->setObjectName(QStringLiteral("moreMatchedDefinitions"));
            moreButton->setText(tr("%1 more").arg(static_cast<int>(result.matches.size()) - kShown));
            moreButton->setAccessibleName(tr("More matching definitions"));
            moreButton->setPopupMode(QToolButton::InstantPopup);
            moreButton->setAutoRaise(true);
            more = new QMenu(moreButton);
            moreButton->setMenu(more);
            m_matchesLayout->insertWidget(inserted++, moreButton);
        }
        QAction *action = more->addAction(shown);
        action->setToolTip(untrusted::toolTip(tip));
        connect(action, &QAction::triggered, this, [this, name] { emit definitionActivated(name); });
    }
    if (!result.skipped.isEmpty()) {
        m_matchesNote->setText(result.skipped.size() == 1
                                   ? tr("(1 definition could not be checked)")
                                   : tr("(%1 definitions could not be checked)").arg(result.skipped.size()));
        m_matchesNote->setToolTip(untrusted::toolTip(result.skipped.join(QLatin1Char('\n'))));
        m_matchesNote->show();
    }
}

void InteractionDetailView::showAttributesOf(int chainIndex)
{
    m_attributesTree->clear();
    if (chainIndex < 0 || chainIndex >= static_cast<int>(m_chain.size())) return;
    const InteractionDetail::Element &node = m_chain[static_cast<std::size_t>(chainIndex)];
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    auto add = [&](const QString &name, const QString &value) {
        auto *item = new QTreeWidgetItem(m_attributesTree);
        item->setText(0, name);
        item->setText(1, untrusted::line(value, untrusted::kCellChars));
        item->setFont(1, fixed);
        item->setToolTip(1, untrusted::toolTip(value));
    };
    add(tr("element"), node.selector);
    if (!node.text.isEmpty()) add(tr("text"), node.text);
    for (const auto &[name, value] : node.attributes)
        add(name, value);
    m_attributesTree->resizeColumnToContents(0);
}

void InteractionDetailView::fillChain(const InteractionDetail &detail)
{
    m_chain = detail.chain;
    m_chainTree->clear();
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    QTreeWidgetItem *parent = nullptr;
    for (std::size_t i = 0; i < detail.chain.size(); ++i) {
        const InteractionDetail::Element &node = detail.chain[i];
        const bool isTarget = i + 1 == detail.chain.size();
        auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_chainTree);
        item->setText(0, node.selector.isEmpty() ? tr("(element)") : node.selector);
        item->setData(0, Qt::UserRole, static_cast<int>(i));
        item->setFont(0, fixed);
        item->setText(1, untrusted::line(node.text, untrusted::kCellChars));
        QStringList inline_;
        QString tip = node.selector;
        for (const auto &[name, value] : node.attributes) {
            inline_ << QStringLiteral("%1=\"%2\"").arg(name, value);
            tip += QLatin1Char('\n') + name + QStringLiteral(" = ") + value;
        }
        item->setText(2, untrusted::line(inline_.join(QLatin1Char(' ')), untrusted::kCellChars));
        item->setFont(2, fixed);
        item->setToolTip(0, untrusted::toolTip(tip));
        item->setToolTip(1, node.text.isEmpty() ? QString() : untrusted::toolTip(node.text));
        item->setToolTip(2, node.attributes.empty() ? QString() : untrusted::toolTip(tip));
        if (isTarget) {
            QFont bold = fixed;
            bold.setBold(true);
            item->setFont(0, bold);
            item->setData(0, Qt::AccessibleDescriptionRole, tr("target element"));
            item->setToolTip(0, untrusted::toolTip(tr("Target: %1").arg(tip)));
        }
        parent = item;
    }
    m_chainTree->expandAll();
    m_chainTree->resizeColumnToContents(0);
    m_chainTree->setColumnWidth(0, std::min(m_chainTree->columnWidth(0) + 8, 260));
    m_chainTree->resizeColumnToContents(1);
    m_chainTree->setColumnWidth(1, std::clamp(m_chainTree->columnWidth(1) + 8, 60, 140));
    if (parent) {
        m_chainTree->setCurrentItem(parent);
        m_chainTree->scrollToItem(parent);
    } else {
        showAttributesOf(-1);
    }
    if (!detail.chainError.isEmpty() || detail.chain.empty()) {
        m_noChain->setText(!detail.chainError.isEmpty()
                               ? detail.chainError
                               : tr("This %1 has no element: it happened on the page itself. Its address is "
                                    "under Page.")
                                     .arg(detail.type));
        m_chainStack->setCurrentWidget(m_noChain);
        m_chainNote->clear();
        m_chainNote->hide();
    } else {
        m_chainStack->setCurrentIndex(0);
        m_chainNote->setText(
            detail.chain.size() == 1
                ? tr("1 element: the target.")
                : tr("%1 elements, from the outermost captured element down to the target (in bold).")
                      .arg(detail.chain.size()));
        m_chainNote->show();
    }
}

void InteractionDetailView::fillUrl(const InteractionDetail &detail)
{
    m_urlTree->clear();
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    auto add = [&](QTreeWidgetItem *parent, const QString &name, const QString &value) {
        auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_urlTree);
        item->setText(0, name);
        item->setText(1, value);
        item->setFont(1, fixed);
        if (!value.isEmpty()) item->setToolTip(1, untrusted::toolTip(value));
        return item;
    };
    add(nullptr, tr("Address"), detail.url);
    if (!detail.scheme.isEmpty()) add(nullptr, tr("Scheme"), detail.scheme);
    add(nullptr, tr("Host"), detail.host);
    add(nullptr, tr("Path"), detail.path);
    auto *query =
        add(nullptr, tr("Query"),
            detail.queryParameters.empty()       ? tr("(none)")
            : detail.queryParameters.size() == 1 ? tr("1 parameter")
                                                 : tr("%1 parameters").arg(detail.queryParameters.size()));
    query->setFont(1, font());
    for (const auto &[name, value] : detail.queryParameters)
        add(query, name, value);
    add(nullptr, tr("Hash"), detail.hash);
    m_urlTree->expandAll();
    m_urlTree->resizeColumnToContents(0);
}

void InteractionDetailView::fillProperties(const InteractionDetail &detail)
{
    m_propertiesTree->clear();
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (const auto &[name, value] : detail.properties) {
        auto *item = new QTreeWidgetItem(m_propertiesTree);
        item->setText(0, name);
        item->setText(1, untrusted::line(value, untrusted::kCellChars));
        item->setFont(1, fixed);
        item->setToolTip(1, untrusted::toolTip(value));
    }
    m_propertiesTree->resizeColumnToContents(0);
    m_propertiesTree->setColumnWidth(0, std::min(m_propertiesTree->columnWidth(0), 200));
}

} // namespace hindsight::ui
