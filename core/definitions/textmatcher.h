#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace re2 {
class RE2;
}

namespace hindsight::definitions {

/// How a TextMatcher compares its pattern with a text.
enum class TextMatchMode {
    Exact,    ///< the whole text equals the pattern
    Contains, ///< the pattern occurs somewhere in the text
    Regex,    ///< RE2 syntax, found anywhere in the text (anchor with ^ and $); linear time
    Wildcard, ///< the whole text matches, `*` standing for any run of characters (`*/orders/*`)
};

/// Why a pattern was refused. `position` is a byte offset into the pattern when known.
struct TextMatcherError
{
    std::string reason;
    std::optional<std::size_t> position;
};

/// Matches element text, link targets and URLs. Compile once, then call matches() from any
/// number of threads. Case-sensitive unless created with caseSensitive = false, in which case
/// letters compare by Unicode simple case folding (so "ÄRGER" matches "ärger").
class TextMatcher
{
  public:
    static std::optional<TextMatcher> create(std::string pattern, TextMatchMode mode,
                                             bool caseSensitive = true, TextMatcherError *error = nullptr);

    bool matches(std::string_view text) const;

    const std::string &pattern() const { return m_pattern; }
    TextMatchMode mode() const { return m_mode; }
    bool caseSensitive() const { return m_caseSensitive; }

    /// "exact", "contains", "regex", "wildcard".
    static std::string_view modeName(TextMatchMode mode);
    static std::optional<TextMatchMode> modeFromName(std::string_view name);

  private:
    TextMatcher() = default;

    std::string m_pattern;
    TextMatchMode m_mode = TextMatchMode::Exact;
    bool m_caseSensitive = true;
    std::vector<std::string> m_pieces;       ///< Wildcard: the literal text between the stars
    std::shared_ptr<const re2::RE2> m_regex; ///< Regex, and every case-insensitive mode
};

} // namespace hindsight::definitions
