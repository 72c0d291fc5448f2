#pragma once

#include "core/definitions/catalog.h"
#include "core/definitions/compileddefinition.h"
#include "core/definitions/definition.h"
#include "core/definitions/interactionindex.h"

#include <QString>
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace hindsight::store {
class Store;
}
namespace hindsight::privacy {
struct FieldAuditReport;
}

namespace hindsight::ui {

/// What a job of the AnalysisService sees: the workspace's own store connection, its catalog,
/// and the columnar interaction index, all on the analysis thread. Jobs may read and write
/// through it; they never keep references to it past their return. Not thread-safe: only the
/// analysis thread touches it.
class AnalysisContext
{
  public:
    AnalysisContext();
    ~AnalysisContext();
    AnalysisContext(const AnalysisContext &) = delete;
    AnalysisContext &operator=(const AnalysisContext &) = delete;

    /// Opens `path` (closing what was open). A missing or unreadable store leaves isOpen() false
    /// and openError() set. Opens writable when it can, else read-only.
    void open(const QString &path);
    void close();
    bool isOpen() const { return m_store != nullptr; }
    bool isReadOnly() const { return m_readOnly; }
    QString path() const { return m_path; }
    QString openError() const { return m_openError; }

    /// The store connection (only when isOpen()).
    store::Store &store();
    /// The catalog over store() (only when isOpen()).
    definitions::Catalog &catalog();

    /// The interaction index, loaded on first use and loaded again when the store's data changed
    /// since (checked at most once a second, a few meta reads). May take seconds on a large
    /// workspace; the service reports it through indexStatusChanged. nullptr (and `error`)
    /// when the workspace is not open or cannot be read.
    const definitions::InteractionIndex *index(QString *error = nullptr);
    /// The index when it is loaded and current, without loading (nullptr otherwise).
    const definitions::InteractionIndex *loadedIndex() const { return m_index.get(); }

    /// Every definition of the catalog, sorted by name (cached; reloaded after markCatalogChanged()).
    const std::vector<definitions::Definition> &definitions(QString *error = nullptr);
    /// A lookup by name or alias over definitions(), for compiling combos.
    definitions::DefinitionLookup lookup();
    /// Compiles `def` against index() (combos resolved through lookup()). nullopt and `error`
    /// (the compile error's message, naming the field) when it cannot be.
    std::optional<definitions::CompiledDefinition> compile(const definitions::Definition &def,
                                                           QString *error = nullptr);

    /// Call after writing interactions (masking, erasure): the next index() checks the store at
    /// once instead of up to a second later, and the next fieldAudit() runs again.
    void markStoreChanged();

    /// The field audit of the whole store (privacy::auditFields with every detector, every field,
    /// one scan thread so that the index keeps its memory). The Privacy view and the Overview both
    /// show it: it runs once and is shared while the store holds the same data (its generation,
    /// interaction count and newest interaction, which every write moves) and markStoreChanged()
    /// was not called. Seconds on millions of interactions when it runs; nullptr and `error` when
    /// the store cannot be read.
    std::shared_ptr<const privacy::FieldAuditReport> fieldAudit(std::string *error = nullptr);

    /// Call after writing to the catalog: drops the cached definitions, and the service emits
    /// catalogChanged() once the job is done.
    void markCatalogChanged();
    bool takeCatalogChanged();

    /// The person recorded in the catalog's history for edits made from the studio
    /// (core/model/actor.h, currentActor()).
    std::string actor() const;

    /// True when a newer job with the same key was queued after this one started: long jobs
    /// should check it between steps and return early (their result is dropped anyway).
    bool cancelled() const;

    // Used by the service.
    std::function<void(const QString &text, bool loading)> onIndexStatus;
    std::function<bool()> isCancelled;

  private:
    QString m_path;
    QString m_openError;
    bool m_readOnly = false;
    std::unique_ptr<store::Store> m_store;
    std::unique_ptr<definitions::Catalog> m_catalog;
    std::unique_ptr<definitions::InteractionIndex> m_index;
    std::int64_t m_lastCurrencyCheckMs = 0;
    /// What identifies the store's data for the cached audit (see fieldAudit()).
    struct DataStamp
    {
        std::int64_t generation = 0;
        std::int64_t interactions = 0;
        std::int64_t maxId = 0;
        bool operator==(const DataStamp &) const = default;
    };
    std::optional<DataStamp> dataStamp();
    std::shared_ptr<const privacy::FieldAuditReport> m_fieldAudit;
    DataStamp m_fieldAuditStamp;
    std::vector<definitions::Definition> m_definitions;
    std::unordered_map<std::string, std::size_t> m_byNameKey; ///< definitionNameKey(name) -> index
    bool m_definitionsLoaded = false;
    bool m_catalogChanged = false;
};

} // namespace hindsight::ui
