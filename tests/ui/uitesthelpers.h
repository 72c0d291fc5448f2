#pragma once

#include <QString>
#include <QtGlobal>
#include <ostream>
#include <string>

/// GoogleTest prints QStrings as text in failure messages.
inline void PrintTo(const QString &text, std::ostream *os)
{
    *os << '"' << text.toStdString() << '"';
}

namespace hindsight::test {

/// The newest interaction written by writeInteractions() with default arguments.
inline constexpr qint64 kNewestMs = 1'790'000'000'000; // 2026-09-21T...Z

/// Writes `count` interactions into the store at `path` (created if needed) through the real
/// StoreWriter, one second apart, the newest at `newestMs`. Interaction i (0 = oldest) is a
/// click on `button#rent-now.btn "Rent now <i>"` inside `div.card` inside `body`, on
/// https://shop.example/rent/<i>?plan=basic&ref=mail#terms, by person "person-<i % 7>" in
/// session "session-<i % 11>"; every tenth is a pageview without an element.
/// Returns false (and fails the current test) when the store cannot be written.
bool writeInteractions(const std::string &path, int count, qint64 newestMs = kNewestMs, int firstIndex = 0);

/// The uuid writeInteractions() gives interaction `index`.
std::string interactionUuid(int index);

} // namespace hindsight::test
