#pragma once

#include "core/definitions/answers.h"

#include <QObject>
#include <QString>

namespace hindsight::ui {

/// The one time range every view of the studio answers for (top bar: last 7 / 30 / 90 days,
/// all, custom). "Last N days" counts back from the newest interaction in the workspace, not
/// from today, so that an imported export or the demo answers the same on any day; the
/// tooltip says which dates that is.
struct StudioTimeRange
{
    enum class Preset { Last7Days, Last30Days, Last90Days, All, Custom };
    Preset preset = Preset::All;
    qint64 customFromMs = 0; ///< Custom: [from, to) in UTC ms
    qint64 customToMs = 0;

    /// The range in UTC ms for a workspace whose newest interaction is at `newestMs` (0 = empty
    /// workspace: every preset is open-ended).
    definitions::TimeRange resolve(qint64 newestMs) const;
    /// "Last 30 days", "All time", "2026-10-01 – 2026-10-31" (translated).
    QString label() const;
    bool operator==(const StudioTimeRange &) const = default;
};

/// The studio's shared time range and the newest interaction it is relative to. Owned by the
/// main window; every view that answers questions reads it and listens to changed().
class SharedTimeRange : public QObject
{
    Q_OBJECT

  public:
    explicit SharedTimeRange(QObject *parent = nullptr);

    StudioTimeRange value() const { return m_value; }
    void setValue(const StudioTimeRange &value);
    /// The newest interaction's time (UTC ms; 0 = none); set from the workspace stats.
    qint64 newestMs() const { return m_newestMs; }
    void setNewestMs(qint64 ms);
    /// value().resolve(newestMs()).
    definitions::TimeRange resolved() const;

  signals:
    /// The range was set to another value, or the newest interaction moved the resolved range.
    void changed();

  private:
    StudioTimeRange m_value;
    qint64 m_newestMs = 0;
};

} // namespace hindsight::ui
