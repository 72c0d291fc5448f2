#pragma once

#include "core/naming/catalogentry.h"
#include "core/naming/convention.h"
#include "core/naming/duplicatefinder.h"
#include "core/naming/namelinter.h"
#include "core/naming/violation.h"

#include <optional>
#include <string>
#include <vector>

namespace hindsight::naming {

/// One violation of one definition, as `hindsight lint` reports it.
struct LintFinding
{
    std::string definition; ///< the definition's name
    Rule rule;
    std::string message;
    std::optional<std::string> suggestion;
};

/// The result of reviewing a catalog: violations in catalog order (then rule order) and groups
/// of names that look like duplicates.
struct LintReport
{
    std::vector<LintFinding> violations;
    std::vector<DuplicateGroup> duplicates;

    bool clean() const { return violations.empty() && duplicates.empty(); }
};

/// Which catalog rules apply besides the naming convention.
struct CatalogRules
{
    bool requireDescription = true;
    bool requireOwner = true;
    bool requireCategory = true;
    bool findDuplicates = true;
    DuplicateOptions duplicates;
    /// Threads for checking names in a large catalog; 0 for one per core (at most 8).
    std::size_t threads = 0;
};

/// Reviews a whole catalog in one pass: every name against the convention, the catalog rules
/// (description, owner, category; a verified definition that breaks the convention) and
/// duplicate names. Deprecated and archived entries are skipped.
class CatalogLinter
{
  public:
    /// Throws std::invalid_argument for a convention that does not validate (see NameLinter).
    explicit CatalogLinter(const Convention &convention, CatalogRules rules = {});

    LintReport lint(const std::vector<CatalogEntry> &entries) const;

    const NameLinter &names() const { return m_names; }
    const CatalogRules &rules() const { return m_rules; }

  private:
    NameLinter m_names;
    CatalogRules m_rules;
};

} // namespace hindsight::naming
