#pragma once

#include <QMessageBox>

namespace hindsight::ui {

/// Opens a window-modal message box that does not block the caller and deletes itself when
/// closed. Its text is always plain text: it may quote file names and messages from outside,
/// which must never be read as markup.
void showPlainMessage(QWidget *parent, QMessageBox::Icon icon, const QString &title, const QString &text,
                      const QString &details = {});

} // namespace hindsight::ui
