#include "ui/views/overviewlinkrow.h"

#include "ui/views/elidinglabel.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>

namespace hindsight::ui {

OverviewLinkRow::OverviewLinkRow(QWidget *parent) : QFrame(parent)
{
    setCursor(Qt::PointingHandCursor);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_Hover);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 3, 6, 3);
    layout->setSpacing(12);
    m_primary = new ElidingLabel;
    m_primary->setObjectName(QStringLiteral("overviewLinkPrimary"));
    m_primary->setForegroundRole(QPalette::Link);
    m_detail = new QLabel;
    m_detail->setObjectName(QStringLiteral("overviewLinkDetail"));
    m_detail->setTextFormat(Qt::PlainText);
    m_detail->setForegroundRole(QPalette::PlaceholderText);
    m_detail->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    layout->addWidget(m_primary, 1);
    layout->addWidget(m_detail);
}

void OverviewLinkRow::setTexts(const QString &primary, const QString &detail, const QString &actionText)
{
    m_primary->setText(primary);
    m_detail->setText(detail);
    setToolTip(actionText);
    setAccessibleName(primary);
    setAccessibleDescription(detail);
}

void OverviewLinkRow::setDetailToolTip(const QString &toolTip)
{
    m_detail->setToolTip(toolTip);
}

QString OverviewLinkRow::primaryText() const
{
    return m_primary->text();
}

QString OverviewLinkRow::detailText() const
{
    return m_detail->text();
}

void OverviewLinkRow::mousePressEvent(QMouseEvent *event)
{
    // Accepted, so that the card around the row does not see the click.
    event->accept();
}

void OverviewLinkRow::mouseReleaseEvent(QMouseEvent *event)
{
    event->accept();
    if (event->button() == Qt::LeftButton && rect().contains(event->position().toPoint())) emit activated();
}

void OverviewLinkRow::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter || event->key() == Qt::Key_Space) {
        emit activated();
        return;
    }
    QFrame::keyPressEvent(event);
}

void OverviewLinkRow::paintEvent(QPaintEvent *event)
{
    if (underMouse() || hasFocus()) {
        QPainter painter(this);
        QColor fill = palette().color(QPalette::Highlight);
        fill.setAlpha(hasFocus() ? 60 : 30);
        painter.fillRect(rect(), fill);
    }
    QFrame::paintEvent(event);
}

} // namespace hindsight::ui
