#pragma once

#include "core/definitions/definition.h"
#include "core/definitions/definitionvalidator.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hindsight::store {
class Store;
}

namespace hindsight::definitions {

/// Who changes the catalog and why (the history keeps both). The caller supplies the actor
/// (e.g. $HINDSIGHT_ACTOR or the login name); an empty actor is refused. `atMs` overrides the
/// clock (UTC milliseconds), for imports that replay a date and for tests.
struct Change
{
    std::string actor;
    std::string reason;
    std::optional<std::int64_t> atMs;
};

/// One row of a definition's history: version `version` came about by `action`.
struct HistoryEntry
{
    std::int64_t definitionId = 0;
    int version = 0;
    std::string action; ///< create, update, rename, status, restore, import, merge, unmerge
    std::string actor;
    std::int64_t atMs = 0;
    std::string reason;
    std::optional<std::string> beforeJson; ///< compact definition JSON; nullopt for the creating version
    std::string afterJson;                 ///< compact definition JSON (definitionToCompactJson)
};

/// One history entry with the current name of its definition (Catalog::recentChanges).
struct CatalogChange
{
    std::string definition;
    HistoryEntry entry;
};

/// Which definitions list() returns; empty fields do not filter. Category and tag compare
/// ignoring case.
struct CatalogFilter
{
    std::optional<DefinitionStatus> status;
    std::optional<std::string> category;
    std::optional<std::string> tag;
};

/// The outcome of one change. On failure nothing was written and `error` says why, naming the
/// definition and the field (`definition 'Sign up': steps[0].selector: ... (at position 4)`).
struct CatalogResult
{
    bool ok = false;
    bool changed = false; ///< false when the call changed nothing (then no version, no history)
    std::string error;
    std::vector<DefinitionIssue> issues; ///< the validation problems behind `error`, if any
    Definition definition;               ///< the definition as stored after the call (when ok)
    explicit operator bool() const { return ok; }
};

/// The outcome of importDefinitions(). All or nothing: when !ok nothing was changed.
struct ImportReport
{
    bool ok = false;
    std::string error; ///< every problem, one per line, each with its JSON path
    std::vector<DefinitionIssue>
        issues; ///< the same problems, paths like `definitions[3].steps[0].url.match`
    std::vector<std::string> added, changed, unchanged; ///< definition names, in input order
    explicit operator bool() const { return ok; }
};

/// The outcome of a change to several definitions at once (renameMany). All or nothing: when
/// !ok nothing was written and `error` names each refused definition and why.
struct BatchResult
{
    bool ok = false;
    std::string error;
    std::vector<DefinitionIssue> issues; ///< paths like `renames[2].name`
    std::vector<Definition> definitions; ///< as stored after the call, in input order (when ok)
    std::vector<bool> changed;           ///< per input: false when it changed nothing
    explicit operator bool() const { return ok; }
};

/// How merge() joins duplicates.
enum class MergeMode {
    /// The sources' criteria are OR-ed into the target (steps already in it are not repeated;
    /// combos join their members). Each source is archived under a tombstone name
    /// ("Pay button [merged #9]") and every name it had — its current name and its aliases —
    /// becomes an alias of the target, so files and charts that use those names now resolve to
    /// the target. Combos that contained a source contain the target instead. History: action
    /// "merge" on the target (a new version even when no step was added), on every source and
    /// on every combo changed. unmerge() takes a source back out.
    IntoTarget,
    /// A combo named `target` (created when absent, else an existing combo) ORs the sources; the
    /// sources stay as they are. History: action "merge" on the combo.
    IntoCombo,
};

/// The outcome of merge() / unmerge(). All or nothing: when !ok nothing was written.
struct MergeResult
{
    bool ok = false;
    bool changed = false; ///< false when nothing needed to change (every source already in the combo)
    std::string error;
    std::vector<DefinitionIssue> issues;
    Definition target;               ///< the target or the combo, as stored after the call
    std::vector<Definition> sources; ///< IntoTarget / unmerge: the sources as stored after the call
    std::vector<std::string> names;  ///< IntoTarget: every name that now resolves to the target
    std::size_t stepsAdded = 0;      ///< IntoTarget: steps (or combo members) added to the target
    std::vector<std::string> combos; ///< combos whose member became the target (or back)
    std::vector<std::string> notes;  ///< what was left as it was, and why (unmerge)
    explicit operator bool() const { return ok; }
};

/// The definitions catalog of one store: named definitions with status, bookkeeping, a full
/// history of every version, and former names (aliases) that keep resolving after a rename.
/// See docs/definitions.md, "Catalog and history".
///
/// - Names are unique ignoring case (definitionNameKey), across current names and aliases.
/// - Every change is one transaction that writes the new version and one history row with the
///   definition before and after as JSON; a change that changes nothing writes nothing.
/// - A combo's members are stored by definition id (table definition_members), so renaming a
///   member keeps the combo working; members must exist, and combos may not form cycles.
/// - Errors are returned as values; a failed call leaves the store as it was.
class Catalog
{
  public:
    explicit Catalog(store::Store &store);

    /// Definitions sorted by name (ignoring case). Rows that cannot be read are skipped and
    /// reported through `error`.
    std::vector<Definition> list(const CatalogFilter &filter = {}, std::string *error = nullptr);
    /// By current name or former name (alias), ignoring case.
    std::optional<Definition> find(std::string_view nameOrAlias, std::string *error = nullptr);
    std::optional<Definition> findById(std::int64_t id, std::string *error = nullptr);
    /// Former names of the definition, oldest first.
    std::vector<std::string> aliases(std::string_view nameOrAlias);

    /// Adds a new definition (version 1, action create). Bookkeeping fields of `def` are ignored;
    /// the name is trimmed and tags sorted (normalizeDefinition) before validation.
    CatalogResult create(Definition def, const Change &change);
    /// Replaces the user content of the definition `nameOrAlias` with `def` (action update). If
    /// `def.name` differs, the definition is renamed too (the old name becomes an alias). Setting
    /// status verified records the actor and time as the verification.
    CatalogResult update(std::string_view nameOrAlias, Definition def, const Change &change);
    /// Renames (action rename). The old name becomes an alias; renaming back to an alias removes
    /// it. A name (or alias) of another definition is refused.
    CatalogResult rename(std::string_view nameOrAlias, std::string newName, const Change &change);
    /// Sets the status (action status). Verified records verified_by / verified_ms; leaving
    /// verified clears them (the history keeps who verified).
    CatalogResult setStatus(std::string_view nameOrAlias, DefinitionStatus status, const Change &change);
    /// Brings back the content of an earlier version (description, category, owner, tags, steps,
    /// combo) as a new version (action restore). The current name and status stay: they have
    /// their own actions. The reason records the version restored.
    CatalogResult restore(std::string_view nameOrAlias, int version, const Change &change);
    /// Deletes the definition `nameOrAlias` for good: its row, its combo members, its former
    /// names and every history row, in one transaction (used to undo a create; to retire a
    /// definition and keep its history, archive it instead). Refused, naming them, while a
    /// combo contains it. `definition` in the result is the definition as it was before.
    CatalogResult remove(std::string_view nameOrAlias, const Change &change);
    /// Every version, oldest first; nullopt + error when there is no such definition.
    std::optional<std::vector<HistoryEntry>> history(std::string_view nameOrAlias,
                                                     std::string *error = nullptr);
    /// The newest `limit` history entries across the catalog, newest first (then the higher
    /// version, then the definition's name), each with its definition's current name. One query;
    /// the entries leave beforeJson and afterJson empty. nullopt + error when the store fails.
    std::optional<std::vector<CatalogChange>> recentChanges(std::size_t limit, std::string *error = nullptr);
    /// How many history entries, across the catalog, were made from `fromMs` to `toMs`
    /// (inclusive). nullopt + error when the store fails.
    std::optional<std::int64_t> changeCount(std::int64_t fromMs, std::int64_t toMs,
                                            std::string *error = nullptr);

    /// Applies many renames in ONE transaction (action rename on each): all or nothing. Each
    /// pair is (current or former name, new name). A new name that is another definition's name
    /// or alias — including one renamed in the same batch — refuses the batch, as do two renames
    /// of the same definition; renaming to the same name changes nothing. Undo: rename back
    /// (the former name stops being an alias when it is taken back).
    BatchResult renameMany(const std::vector<std::pair<std::string, std::string>> &renames,
                           const Change &change);

    /// Merges duplicates (see MergeMode), in one transaction. `target` and `sources` are current
    /// or former names; a source may not be the target or listed twice. IntoTarget needs the
    /// target and the sources to be all criteria definitions or all combos.
    MergeResult merge(std::string_view target, const std::vector<std::string> &sources, MergeMode mode,
                      const Change &change);
    /// Undoes an IntoTarget merge of one source, named by the name it had when it was merged
    /// (now an alias of the target) or by its tombstone name: the source gets back its name,
    /// its aliases and its status; combos that had it as a member get it back; the steps the
    /// merge added to the target for it are removed again (unless the target changed since, or
    /// another source still merged needs them). Action "unmerge" on each definition changed.
    MergeResult unmerge(std::string_view source, const Change &change);

    /// Adds or replaces many definitions in ONE transaction, matched by current name (ignoring
    /// case); action import. Reports added, changed and unchanged names. Any invalid definition,
    /// duplicate name, unknown combo member, combo cycle or a name that is another definition's
    /// former name refuses the whole import; issue paths are `definitions[i]...` with i the index
    /// in `defs` (the order of the file).
    ImportReport importDefinitions(std::vector<Definition> defs, const Change &change);

    /// The criteria definitions `def` stands for: itself when it has steps; for a combo, its
    /// members' criteria definitions, recursively, each once (first-seen order).
    std::optional<std::vector<Definition>> criteriaDefinitions(const Definition &def,
                                                               std::string *error = nullptr);

  private:
    store::Store &m_store;
};

} // namespace hindsight::definitions
