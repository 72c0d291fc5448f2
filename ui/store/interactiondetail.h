#pragma once

#include <QMetaType>
#include <QString>
#include <utility>
#include <vector>

namespace hindsight::ui {

/// Everything the detail pane shows about one interaction, made safe for display by the
/// worker. Names and values are plain text; nothing here may be shown as markup or a link.
struct InteractionDetail
{
    using Field = std::pair<QString, QString>; ///< name, value

    /// One element of the chain.
    struct Element
    {
        QString selector; ///< tag#id.classes
        QString text;
        std::vector<Field> attributes; ///< href, nth-child, nth-of-type, then attributes by name
    };

    qint64 id = 0;
    QString uuid;
    qint64 timestampMs = 0;
    QString type;
    QString distinctId;
    QString person;
    QString session;
    QString title;
    QString referrer;
    QString consent;

    QString url;
    QString scheme;
    QString host;
    QString path;
    std::vector<Field> queryParameters; ///< decoded, in URL order
    QString hash;

    /// From the outermost captured element (usually body) down to the target (last).
    std::vector<Element> chain;
    QString chainError; ///< set when the stored chain could not be read

    std::vector<Field> properties; ///< top-level properties by name, values as compact JSON

    bool found = false; ///< false when the interaction is no longer in the store
};

} // namespace hindsight::ui

Q_DECLARE_METATYPE(hindsight::ui::InteractionDetail)
