#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <algorithm>
#include <vector>

namespace hindsight::bench {

/// Measures how long the GUI thread's event loop is kept from running: a precise timer asks to
/// run every `intervalMs`; each time it gets to run late, the lateness is a stall (work that
/// held the event loop: a slow slot, a long layout or paint, a blocking query).
class StallMonitor : public QObject
{
  public:
    explicit StallMonitor(int intervalMs = 2) : m_intervalMs(intervalMs)
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(intervalMs);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] { tick(); });
    }

    void start()
    {
        m_stalls.clear();
        m_clock.start();
        m_last = 0;
        m_timer.start();
    }
    void stop() { m_timer.stop(); }

    /// The longest time the event loop could not run, in milliseconds.
    double longestMs() const
    {
        return m_stalls.empty() ? 0 : *std::max_element(m_stalls.begin(), m_stalls.end());
    }
    /// Stalls longer than `ms`.
    int countOver(double ms) const
    {
        return static_cast<int>(
            std::count_if(m_stalls.begin(), m_stalls.end(), [ms](double s) { return s > ms; }));
    }
    /// The `q` quantile (0..1) of the per-tick lateness.
    double quantileMs(double q) const
    {
        if (m_stalls.empty()) return 0;
        std::vector<double> sorted = m_stalls;
        std::sort(sorted.begin(), sorted.end());
        return sorted[std::min(sorted.size() - 1,
                               static_cast<std::size_t>(q * static_cast<double>(sorted.size())))];
    }

  private:
    void tick()
    {
        const qint64 now = m_clock.nsecsElapsed();
        if (m_last != 0)
            m_stalls.push_back(std::max(0.0, static_cast<double>(now - m_last) / 1e6 - m_intervalMs));
        m_last = now;
    }

    int m_intervalMs;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    std::vector<double> m_stalls;
};

} // namespace hindsight::bench
