#include "ui/common/plainmessagebox.h"

namespace hindsight::ui {

void showPlainMessage(QWidget *parent, QMessageBox::Icon icon, const QString &title, const QString &text,
                      const QString &details)
{
    auto *box = new QMessageBox(icon, title, text, QMessageBox::Ok, parent);
    box->setObjectName(QStringLiteral("plainMessageBox"));
    box->setTextFormat(Qt::PlainText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    if (!details.isEmpty()) box->setDetailedText(details);
    box->open();
}

} // namespace hindsight::ui
