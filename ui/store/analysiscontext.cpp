#include "ui/store/analysiscontext.h"

#include "core/definitions/definitionvalidator.h"
#include "core/model/actor.h"
#include "core/privacy/fieldaudit.h"
#include "core/store/statement.h"
#include "core/store/store.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>

namespace hindsight::ui {

using namespace definitions;

namespace {
constexpr std::int64_t kCurrencyCheckMs = 1000;
}

AnalysisContext::AnalysisContext() = default;
AnalysisContext::~AnalysisContext() = default;

void AnalysisContext::open(const QString &path)
{
    close();
    m_path = path;
    const std::string native = QFile::encodeName(path).toStdString();
    std::string error;
    m_store = store::Store::open(native, store::Store::OpenMode::Existing, &error);
    if (!m_store) {
        std::string readOnlyError;
        m_store = store::Store::open(native, store::Store::OpenMode::ReadOnly, &readOnlyError);
        m_readOnly = m_store != nullptr;
    }
    if (!m_store) {
        m_openError = QString::fromStdString(error);
        return;
    }
    // The index holds the columns in memory; the connection itself needs only a small page cache
    // (8 MB instead of the store's default 64 MB), which keeps the studio under 400 MB on 10M rows.
    m_store->db().exec("PRAGMA cache_size = -8192");
    m_catalog = std::make_unique<Catalog>(*m_store);
}

void AnalysisContext::close()
{
    m_index.reset();
    m_catalog.reset();
    m_store.reset();
    m_definitions.clear();
    m_byNameKey.clear();
    m_definitionsLoaded = false;
    m_catalogChanged = false;
    m_readOnly = false;
    m_openError.clear();
    m_path.clear();
    m_lastCurrencyCheckMs = 0;
    m_fieldAudit.reset();
}

store::Store &AnalysisContext::store()
{
    return *m_store;
}

Catalog &AnalysisContext::catalog()
{
    return *m_catalog;
}

const InteractionIndex *AnalysisContext::index(QString *error)
{
    if (!m_store) {
        if (error)
            *error = m_openError.isEmpty()
                         ? QCoreApplication::translate("AnalysisContext", "No workspace is open.")
                         : m_openError;
        return nullptr;
    }
    const std::int64_t now = QDateTime::currentMSecsSinceEpoch();
    if (m_index && now - m_lastCurrencyCheckMs < kCurrencyCheckMs) return m_index.get();
    m_lastCurrencyCheckMs = now;
    if (m_index && m_index->isCurrent(*m_store)) return m_index.get();

    const bool reload = m_index != nullptr;
    m_index.reset(); // free the old columns before the new ones are read
    if (onIndexStatus)
        onIndexStatus(reload ? QCoreApplication::translate("AnalysisContext", "Reading new interactions…")
                             : QCoreApplication::translate("AnalysisContext", "Reading interactions…"),
                      true);
    std::string message;
    m_index = InteractionIndex::load(*m_store, &message);
    m_lastCurrencyCheckMs = QDateTime::currentMSecsSinceEpoch();
    if (onIndexStatus) onIndexStatus(QString(), false);
    if (!m_index) {
        if (error) *error = QString::fromStdString(message);
        return nullptr;
    }
    return m_index.get();
}

const std::vector<Definition> &AnalysisContext::definitions(QString *error)
{
    if (!m_definitionsLoaded && m_catalog) {
        std::string message;
        m_definitions = m_catalog->list({}, &message);
        if (!message.empty() && error) *error = QString::fromStdString(message);
        m_byNameKey.clear();
        for (std::size_t i = 0; i < m_definitions.size(); ++i)
            m_byNameKey.emplace(definitionNameKey(m_definitions[i].name), i);
        m_definitionsLoaded = true;
    }
    return m_definitions;
}

DefinitionLookup AnalysisContext::lookup()
{
    definitions();
    return [this](std::string_view nameOrAlias) -> const Definition * {
        const auto it = m_byNameKey.find(definitionNameKey(nameOrAlias));
        return it == m_byNameKey.end() ? nullptr : &m_definitions[it->second];
    };
}

std::optional<CompiledDefinition> AnalysisContext::compile(const Definition &def, QString *error)
{
    const InteractionIndex *idx = index(error);
    if (!idx) return std::nullopt;
    CompileError compileError;
    auto compiled = CompiledDefinition::compile(def, *idx, lookup(), &compileError);
    if (!compiled && error) *error = QString::fromStdString(compileError.message());
    return compiled;
}

void AnalysisContext::markStoreChanged()
{
    m_lastCurrencyCheckMs = 0;
    m_fieldAudit.reset();
}

std::optional<AnalysisContext::DataStamp> AnalysisContext::dataStamp()
{
    // One statement, so one snapshot of the three.
    store::Statement st(m_store->db(), "SELECT (SELECT value FROM meta WHERE key = 'generation'), "
                                       "(SELECT value FROM meta WHERE key = 'interactions'), "
                                       "(SELECT max(id) FROM interactions)");
    if (!st.valid() || !st.next()) return std::nullopt;
    return DataStamp{st.int64(0), st.int64(1), st.int64(2)};
}

std::shared_ptr<const privacy::FieldAuditReport> AnalysisContext::fieldAudit(std::string *error)
{
    if (!m_store) {
        if (error)
            *error = (m_openError.isEmpty()
                          ? QCoreApplication::translate("AnalysisContext", "No workspace is open.")
                          : m_openError)
                         .toStdString();
        return nullptr;
    }
    // Read before the audit: data written while it runs makes the next call audit again.
    const std::optional<DataStamp> stamp = dataStamp();
    if (m_fieldAudit && stamp && *stamp == m_fieldAuditStamp) return m_fieldAudit;
    m_fieldAudit.reset();

    privacy::FieldAuditOptions options;
    options.threads = 1; // one scan thread: the studio keeps its memory for the index (docs/performance.md)
    options.cancelled = isCancelled; // a newer job of the same kind, or the studio closing
    auto report = privacy::auditFields(*m_store, options, error);
    if (!report) return nullptr;
    auto shared = std::make_shared<const privacy::FieldAuditReport>(std::move(*report));
    if (stamp) {
        m_fieldAudit = shared;
        m_fieldAuditStamp = *stamp;
    }
    return shared;
}

void AnalysisContext::markCatalogChanged()
{
    m_definitions.clear();
    m_byNameKey.clear();
    m_definitionsLoaded = false;
    m_catalogChanged = true;
}

bool AnalysisContext::takeCatalogChanged()
{
    return std::exchange(m_catalogChanged, false);
}

std::string AnalysisContext::actor() const
{
    return model::currentActor();
}

bool AnalysisContext::cancelled() const
{
    return isCancelled && isCancelled();
}

} // namespace hindsight::ui
