#pragma once

#include <Qt>

namespace hindsight::ui {

/// Item data roles of the interaction models (table today; element and session lists later).
namespace InteractionRole {
enum : int {
    Id = Qt::UserRole + 1, ///< qint64: the store's time-ordered id
    Uuid,                  ///< QString
    TimestampMs,           ///< qint64: UTC milliseconds
    TargetSelector,        ///< QString: `button#rent-now.btn` (shown in monospace)
    TargetText,            ///< QString: `"Rent now"` (shown in the normal font)
    PageUrl,               ///< QString: the whole URL
};
} // namespace InteractionRole

} // namespace hindsight::ui
