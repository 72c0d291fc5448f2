#pragma once

#include "core/naming/acronymlist.h"
#include "core/naming/caseformatter.h"
#include "core/naming/convention.h"
#include "core/naming/verbtable.h"
#include "core/naming/violation.h"
#include "core/naming/wordsplitter.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hindsight::naming {

/// What a name's check found.
struct NameCheck
{
    /// Every violation, ordered by rule (the order of the Rule enum).
    std::vector<Violation> violations;
    /// A name that satisfies the convention and lints clean itself, when one can be derived
    /// (also copied into each violation). Absent when the name is clean or a problem has no
    /// mechanical fix (an unknown verb, a missing segment, a name too long).
    std::optional<std::string> suggestion;
    /// The words the linter read in the name ("signUpClicked" -> sign, Up, Clicked).
    std::vector<std::string> words;

    bool clean() const { return violations.empty(); }
    bool has(Rule rule) const;
};

/// Checks names against one convention and suggests fixes: recasing, separators, the verb's
/// tense (irregular verbs included), swapping action and object, spelling acronyms, dropping
/// blocked words and characters the convention does not allow.
///
/// Thread-safe for concurrent check() calls. Cheap to move.
class NameLinter
{
  public:
    /// Throws std::invalid_argument (with every problem listed) when the convention does not
    /// validate; load conventions with conventionFromJson() to get the problems as values.
    explicit NameLinter(const Convention &convention);
    ~NameLinter();
    NameLinter(NameLinter &&) noexcept;
    NameLinter &operator=(NameLinter &&) noexcept;

    NameCheck check(std::string_view name) const;

    const Convention &convention() const;
    const AcronymList &acronyms() const;
    /// The built-in verbs plus the ones the convention teaches.
    const VerbTable &verbs() const;
    const WordSplitter &splitter() const;
    const CaseFormatter &formatter() const;

    struct Data;

  private:
    std::unique_ptr<const Data> m_data;
};

} // namespace hindsight::naming
