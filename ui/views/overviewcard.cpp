#include "ui/views/overviewcard.h"

#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
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

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 14);
    layout->setSpacing(2);
    m_title = plainLabel(QStringLiteral("overview%1Title").arg(key));
    m_title->setText(title);
    m_title->setForegroundRole(QPalette::PlaceholderText);
    m_value = plainLabel(QStringLiteral("overview%1Value").arg(key));
    QFont valueFont = m_value->font();
    valueFont.setPointSizeF(valueFont.pointSizeF() * 2.0);
    valueFont.setWeight(QFont::DemiBold);
    m_value->setFont(valueFont);
    m_value->setText(QStringLiteral("—"));
    m_caption = plainLabel(QStringLiteral("overview%1Caption").arg(key));
    m_caption->setForegroundRole(QPalette::PlaceholderText);
    m_caption->setWordWrap(true);
    layout->addWidget(m_title);
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

void OverviewCard::setActivatable(bool activatable, const QString &actionText)
{
    m_activatable = activatable;
    setCursor(activatable ? Qt::PointingHandCursor : Qt::ArrowCursor);
    setFocusPolicy(activatable ? Qt::StrongFocus : Qt::NoFocus);
    setToolTip(actionText);
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
