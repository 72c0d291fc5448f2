#pragma once

#include "core/naming/acronymlist.h"
#include "core/naming/verbtable.h"
#include "core/naming/wordsplitter.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace hindsight::naming {

class NameLinter;

/// Why names were grouped as likely duplicates, from the strongest evidence to the weakest.
enum class DuplicateRule {
    SameName,  ///< "same-name": equal after folding case and separators ("Sign Up Clicked", "signUpClicked")
    WordOrder, ///< "word-order": the same words in another order ("Email Updated", "Updated Email")
    VerbForm,  ///< "verb-form": the same verb in another tense or place ("Click Button", "Button Clicked")
    SynonymVerb,  ///< "synonym": verbs that mean the same ("Button Clicked", "Button Tapped")
    EditDistance, ///< "edit-distance": one or two typing slips apart ("Checkout Started", "Chekout Started")
};
std::string_view duplicateRuleId(DuplicateRule rule);

/// Names that look like the same definition.
struct DuplicateGroup
{
    DuplicateRule rule;
    std::vector<std::size_t> members; ///< indexes into the names given to find(), ascending
    std::vector<std::string> names;   ///< the names, in the same order
    std::string reason;               ///< for a person, e.g. "synonym verbs (click, tap)"
};

struct DuplicateOptions
{
    bool editDistance = true;
    /// Folded names shorter than this are never compared by edit distance (short names
    /// differ by a letter far too often: "Cart Viewed", "Card Viewed").
    std::size_t minEditLength = 8;
    /// Names up to this folded length may differ by one edit, longer ones by two.
    std::size_t oneEditBelow = 12;
    /// Threads to use for large inputs; 0 for one per core (at most 8).
    std::size_t threads = 0;
};

/// Finds names that are probably duplicates of each other. Each level groups what the levels
/// before it left apart, so a pair appears under its strongest reason; a later group lists
/// every name of the groups it joins. Names are bucketed by folded form and by
/// order-independent hashes of their words (plain, verb-normalised, synonym-normalised): hash
/// maps, linear time. Edit distance is only computed for pairs that share two of 2k + 2 pieces
/// of the name at about the same place (sound: k edits change at most 2k pieces) and pass two
/// cheap signature tests, so 10,000 names take tens of milliseconds, not n^2 comparisons.
/// Names that differ in their numbers ("Step 1 Viewed", "Step 2 Viewed") are never grouped
/// by edit distance. See docs/naming.md.
class DuplicateFinder
{
  public:
    /// `acronyms` and `verbs` must outlive the finder.
    DuplicateFinder(const AcronymList &acronyms, const VerbTable &verbs, DuplicateOptions options = {});
    /// Uses the linter's acronyms and verbs; `linter` must outlive the finder.
    explicit DuplicateFinder(const NameLinter &linter, DuplicateOptions options = {});

    std::vector<DuplicateGroup> find(const std::vector<std::string> &names) const;
    /// The same, with each name's words already split (as NameCheck::words gives them), so a
    /// catalog review splits every name once.
    std::vector<DuplicateGroup> find(const std::vector<std::string> &names,
                                     const std::vector<std::vector<std::string>> &words) const;

    /// Lower-case words run together: "Sign-Up Clicked" -> "signupclicked".
    std::string fold(std::string_view name) const;

  private:
    WordSplitter m_splitter;
    const VerbTable *m_verbs;
    DuplicateOptions m_options;
};

} // namespace hindsight::naming
