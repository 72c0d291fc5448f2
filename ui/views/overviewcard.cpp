#include "ui/views/overviewcard.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QVBoxLayout>

namespace hindsight::ui {

namespace {

QLabel *plainLabel(const QString &objectName)
{
    auto *label = new QLabel;
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    return label;
}

} // namespace

OverviewCard::OverviewCard(const QString &key, const QString &title, QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("overview%1Card").arg(key));
    setFrameShape(QFrame::StyledPanel);
    setFrameShadow(QFrame::Plain);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    setAccessibleName(title);
    setMinimumWidth(200);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred); // cards in a row share its height

    m_layout = new QVBoxLayout(this);
    QVBoxLayout *layout = m_layout;
    layout->setContentsMargins(16, 12, 16, 14);
    layout->setSpacing(2);
    m_title = plainLabel(QStringLiteral("overview%1Title").arg(key));
    m_title->setText(title);
    m_title->setForegroundRole(QPalette::PlaceholderText);
    m_link = plainLabel(QStringLiteral("overview%1Link").arg(key));
    m_link->setForegroundRole(QPalette::Link);
    m_link->hide();
    m_value = plainLabel(QStringLiteral("overview%1Value").arg(key));
    QFont valueFont = m_value->font();
    valueFont.setPointSizeF(valueFont.pointSizeF() * 2.0);
    valueFont.setWeight(QFont::DemiBold);
    m_value->setFont(valueFont);
    m_value->setText(QStringLiteral("—"));
    m_caption = plainLabel(QStringLiteral("overview%1Caption").arg(key));
    m_caption->setForegroundRole(QPalette::PlaceholderText);
    m_caption->setWordWrap(true);
    auto *titleRow = new QHBoxLayout;
    titleRow->setContentsMargins(0, 0, 0, 0);
    titleRow->addWidget(m_title, 1);
    titleRow->addWidget(m_link);
    layout->addLayout(titleRow);
    layout->addWidget(m_value);
    layout->addWidget(m_caption);
    layout->addStretch(1);
}

void OverviewCard::setValue(const QString &value, const QString &caption)
{
    m_value->setText(value);
    m_caption->setText(caption);
    m_caption->setVisible(!caption.isEmpty());
    setAccessibleDescription(caption.isEmpty() ? value : value + QStringLiteral(", ") + caption);
}

void OverviewCard::setValueToolTip(const QString &toolTip)
{
    m_value->setToolTip(toolTip);
}

QString OverviewCard::value() const
{
    return m_value->text();
}

QString OverviewCard::caption() const
{
    return m_caption->text();
}

void OverviewCard::addBody(QWidget *widget)
{
    // Before the closing stretch, so that the body sits under the caption.
    m_layout->insertWidget(m_layout->count() - 1, widget);
}

void OverviewCard::setActivatable(bool activatable, const QString &actionText, const QString &linkText)
{
    m_activatable = activatable;
    setCursor(activatable ? Qt::PointingHandCursor : Qt::ArrowCursor);
    setFocusPolicy(activatable ? Qt::StrongFocus : Qt::NoFocus);
    setAttribute(Qt::WA_Hover, activatable);
    setToolTip(actionText);
    m_link->setText(linkText);
    m_link->setVisible(activatable && !linkText.isEmpty());
}

void OverviewCard::paintEvent(QPaintEvent *event)
{
    QFrame::paintEvent(event);
    if (!m_activatable || (!hasFocus() && !underMouse())) return;
    // Focus and hover: a frame in the highlight colour (the card's text says what it does).
    QPainter painter(this);
    QPen pen(palette().color(QPalette::Highlight));
    pen.setWidth(hasFocus() ? 2 : 1);
    painter.setPen(pen);
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(rect().adjusted(1, 1, -1, -1));
}

void OverviewCard::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_activatable && event->button() == Qt::LeftButton && rect().contains(event->position().toPoint())) {
        emit activated();
        return;
    }
    QFrame::mouseReleaseEvent(event);
}

void OverviewCard::keyPressEvent(QKeyEvent *event)
{
    if (m_activatable &&
        (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter || event->key() == Qt::Key_Space)) {
        emit activated();
        return;
    }
    QFrame::keyPressEvent(event);
}

} // namespace hindsight::ui
