#pragma once

#include <QMetaType>
#include <QString>

namespace hindsight::ui {

/// What a workspace holds, as the worker last read it. A plain value passed between threads.
struct WorkspaceStats
{
    QString path;
    qint64 interactions = 0;
    qint64 people = 0;
    qint64 sessions = 0;
    qint64 elements = 0;   ///< distinct element chains
    bool hasRange = false; ///< firstMs/lastMs are set (the store holds interactions)
    qint64 firstMs = 0;
    qint64 lastMs = 0;
    qint64 fileBytes = 0;  ///< the store file plus its write-ahead log
    bool readOnly = false; ///< opened read-only (the file or its folder is not writable)
};

} // namespace hindsight::ui

Q_DECLARE_METATYPE(hindsight::ui::WorkspaceStats)
