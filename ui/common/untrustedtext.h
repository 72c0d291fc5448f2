#pragma once

#include <QString>
#include <string_view>

namespace hindsight::ui {

/// Everything captured from a web page (element text, attributes, URLs, person ids) is
/// untrusted: it is shown as plain text only, on one line, cut to a sane length, with
/// characters that could disguise it (control characters, bidirectional overrides) made
/// visible. It is never a live link and never interpreted as markup.
namespace untrusted {

inline constexpr int kCellChars = 200;    ///< table cells
inline constexpr int kDetailChars = 1000; ///< values in the detail pane

/// One display line from UTF-8 bytes (invalid sequences become U+FFFD).
QString line(std::string_view utf8, int maxChars = kCellChars);
/// One display line: white space runs (including newlines and tabs) collapse to one space,
/// other control and bidirectional-formatting characters become U+FFFD, and text longer
/// than `maxChars` characters is cut with "…".
QString line(const QString &text, int maxChars = kCellChars);
/// A tooltip that shows `text` literally (Qt would otherwise read a tooltip that looks like
/// HTML as rich text). Long text is cut at `maxChars`.
QString toolTip(const QString &text, int maxChars = kDetailChars);

} // namespace untrusted

} // namespace hindsight::ui
