#pragma once

#include "core/naming/acronymlist.h"
#include "core/naming/casing.h"

#include <string>
#include <string_view>
#include <vector>

namespace hindsight::naming {

/// Writes words in a casing, keeping acronyms and numbers as people write them.
///
/// Title Case capitalises every word except short function words ("to", "of", "with", ...)
/// in the middle of a phrase, which may be written either way; Sentence case capitalises the
/// first word only; camelCase and PascalCase write acronyms with a capital first letter
/// ("openIOSApp", "downloadPDF") and a leading acronym in lower case ("urlCopied").
/// Words that start with a digit keep it ("3rd", "2FA" when listed).
class CaseFormatter
{
  public:
    /// `acronyms` must outlive the formatter.
    explicit CaseFormatter(const AcronymList &acronyms);

    /// `word` spelled for position `index` of a phrase of `count` words. `emphasised` marks a
    /// word that Title Case capitalises even when it is a function word (the "In" of "Log In").
    std::string format(std::string_view word, Casing casing, std::size_t index, std::size_t count,
                       bool emphasised = false) const;

    /// Whether `word`, as written, is right at that position.
    bool fits(std::string_view word, Casing casing, std::size_t index, std::size_t count) const;

    /// Words joined in the casing; words that already fit are kept as written, except the
    /// ones `emphasised` marks (optional), which are always written by format().
    std::string join(const std::vector<std::string> &words, Casing casing,
                     const std::vector<bool> *emphasised = nullptr) const;

    /// "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "on",
    /// "onto", "or", "per", "the", "to", "via", "vs", "with" (lower-case input).
    static bool isMinorWord(std::string_view lowered);

    const AcronymList &acronyms() const { return *m_acronyms; }

  private:
    const AcronymList *m_acronyms;
};

} // namespace hindsight::naming
