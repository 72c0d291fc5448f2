#include "ui/views/openingview.h"

#include "ui/common/untrustedtext.h"

#include <QFileInfo>
#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>

namespace hindsight::ui {

OpeningView::OpeningView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("openingView"));
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    m_label = new QLabel;
    m_label->setTextFormat(Qt::PlainText);
    m_label->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_label);
    auto *bar = new QProgressBar;
    bar->setRange(0, 0);
    bar->setMaximumWidth(240);
    bar->setAccessibleName(tr("Opening"));
    layout->addWidget(bar, 0, Qt::AlignHCenter);
    layout->addStretch(2);
}

void OpeningView::setPath(const QString &path)
{
    m_label->setText(tr("Opening %1…").arg(untrusted::line(QFileInfo(path).fileName(), 120)));
}

} // namespace hindsight::ui
