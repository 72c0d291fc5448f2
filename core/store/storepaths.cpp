#include "core/store/storepaths.h"

#include <QDir>
#include <QStandardPaths>

namespace hindsight::store {

std::string defaultStorePath()
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (dir.isEmpty()) dir = QDir::homePath() + QStringLiteral("/.local/share");
    return (dir + QStringLiteral("/hindsight/default.hindsight")).toStdString();
}

} // namespace hindsight::store
