#pragma once

#include <QMetaType>
#include <QString>

namespace hindsight::ui {

/// One interaction as the table shows it: already converted to display text by the worker
/// (untrusted parts made safe, see ui/common/untrustedtext.h), so the GUI thread only paints.
struct InteractionRow
{
    qint64 id = 0; ///< the store's time-ordered id (pages are cut by it)
    QString uuid;
    qint64 timestampMs = 0;
    QString type;
    QString pagePath;       ///< path part of the URL
    QString pageUrl;        ///< the whole URL (for the tooltip)
    QString targetSelector; ///< `button#rent-now.btn`: tag, id and classes of the target
    QString targetText;     ///< `"Rent now"`: the target's text in quotes, or empty
    QString person;         ///< the distinct id standing for the resolved person
    QString session;
};

} // namespace hindsight::ui

Q_DECLARE_METATYPE(hindsight::ui::InteractionRow)
