#pragma once

#include "core/naming/acronymlist.h"

#include <string>
#include <string_view>
#include <vector>

namespace hindsight::naming {

/// The words of a piece of text and everything between them, so that joining
/// gaps[0] + words[0] + gaps[1] + ... + words[n-1] + gaps[n] gives the text back.
struct SplitText
{
    std::vector<std::string> words;
    /// words.size() + 1 entries: leading text, the text between each pair of words ("" where
    /// a case change alone separates them, as in "signUp"), trailing text.
    std::vector<std::string> gaps;
    /// Byte offset of each word in the text.
    std::vector<std::size_t> offsets;
};

/// Splits names the way people read them, whatever their casing:
/// "signUpClicked", "sign_up_clicked", "Sign-Up Clicked" -> sign/Sign, Up, Clicked;
/// "HTMLParserLoaded" -> HTML, Parser, Loaded; "Step2Completed" -> Step, 2, Completed;
/// "iOSAppOpened" -> iOS, App, Opened (listed acronyms are kept whole); "V2" and "3rd" stay
/// whole. Letters of any script count as letters; emoji, punctuation and spaces separate words.
class WordSplitter
{
  public:
    /// `acronyms` must outlive the splitter.
    explicit WordSplitter(const AcronymList &acronyms);

    SplitText split(std::string_view text) const;
    /// Only the words.
    std::vector<std::string> words(std::string_view text) const;

    /// The split of text.substr(from, to - from), taken from the split of the whole `text`.
    /// `from` and `to` must not fall inside a word (cutting at punctuation or spaces is
    /// always safe: words never span them).
    static SplitText slice(const SplitText &split, std::string_view text, std::size_t from, std::size_t to);

  private:
    void splitToken(std::u32string_view token, std::vector<std::size_t> &starts) const;
    std::size_t acronymAt(std::u32string_view token, std::size_t pos, bool mixedCase, bool exactOnly) const;

    const AcronymList *m_acronyms;
};

} // namespace hindsight::naming
