#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace hindsight::naming {

/// Words with a fixed spelling that casing must not touch: acronyms ("URL", "iOS", "2FA") and
/// brand names ("YouTube"). In Title Case "url" becomes "URL", "ios" becomes "iOS"; a plural
/// "s" is kept ("urls" -> "URLs"). In all-lower or all-upper casings they follow the casing.
class AcronymList
{
  public:
    /// One spelling with its lower-case form, both as code points (for the word splitter).
    struct Entry
    {
        std::u32string spelling;
        std::u32string folded;
    };

    /// The default list (see defaults()).
    AcronymList();
    /// Exactly these spellings. Empty strings and duplicates (ignoring case) are skipped.
    explicit AcronymList(const std::vector<std::string> &spellings);

    /// URL, iOS, PDF, ID, API, UTM, SSO, FAQ, 2FA and about fifty more; see docs/naming.md.
    static const std::vector<std::string> &defaults();

    const std::vector<std::string> &spellings() const { return m_spellings; }

    /// The fixed spelling for a lower-case word ("url" -> "URL", "ids" -> "IDs"), if listed.
    std::optional<std::string> canonical(std::string_view loweredWord) const;

    /// Entries, longest first, for matching inside a token.
    const std::vector<Entry> &entries() const { return m_entries; }
    /// Indexes into entries() (longest first) of the entries that start with this lower-case
    /// code point.
    const std::vector<std::size_t> &startingWith(char32_t loweredCp) const;
    /// Indexes of the entries spelled with a lower-case first letter and a capital later
    /// ("iOS", "macOS"): the only ones that can start in the middle of a lower-case run.
    const std::vector<std::size_t> &lowerFirst() const { return m_lowerFirst; }
    /// True when some lowerFirst() entry starts with `cp` (exactly as written).
    bool lowerFirstStartsWith(char32_t cp) const
    {
        return m_lowerFirstLetters.find(cp) != std::u32string::npos;
    }

  private:
    std::vector<std::string> m_spellings;
    struct Hash
    {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, std::string, Hash, std::equal_to<>> m_byLowered;
    std::size_t m_longest = 0; ///< bytes of the longest lower-case spelling
    std::vector<Entry> m_entries;
    std::vector<std::vector<std::size_t>> m_byFirstAscii; ///< 128 lists
    std::unordered_map<char32_t, std::vector<std::size_t>> m_byFirstOther;
    std::vector<std::size_t> m_lowerFirst;
    std::u32string m_lowerFirstLetters;
};

} // namespace hindsight::naming
