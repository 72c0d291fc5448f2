#pragma once

#include "ui/store/interactionrow.h"

#include <QMetaType>
#include <vector>

namespace hindsight::ui {

/// An answer to a page request from the interactions table.
struct InteractionPage
{
    enum class Kind {
        Older, ///< rows older than `anchorId` (0 = from the newest), newest first
        Newer, ///< rows newer than `anchorId`, newest first
    };

    Kind kind = Kind::Older;
    quint64 generation = 0; ///< the model generation that asked; stale answers are dropped
    qint64 anchorId = 0;
    int limit = 0;
    std::vector<InteractionRow> rows;
    /// Newer only: `rows` does not join up with what the table holds (more than `limit` rows
    /// arrived, or rows were added or removed among those already shown), so the table starts
    /// again from these rows, which are then the newest page.
    bool restart = false;
    QString error; ///< set when the store could not be read
};

} // namespace hindsight::ui

Q_DECLARE_METATYPE(hindsight::ui::InteractionPage)
