#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

namespace hindsight::ui {

/// How a background job on the workspace (demo build, import) ended.
struct JobResult
{
    enum class Kind { CreateWorkspace, Demo, Import };

    Kind kind = Kind::Import;
    QString storePath;
    qint64 stored = 0;     ///< interactions written
    qint64 duplicates = 0; ///< import: already in the store
    qint64 rejected = 0;   ///< import: lines or events refused
    int files = 0;         ///< import: files read
    QStringList issues;    ///< the first few refusals, as "file:line: reason"
    bool cancelled = false;
    QString error; ///< set when the job failed
    bool ok() const { return error.isEmpty(); }
};

} // namespace hindsight::ui

Q_DECLARE_METATYPE(hindsight::ui::JobResult)
