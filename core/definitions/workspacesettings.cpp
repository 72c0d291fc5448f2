#include "core/definitions/workspacesettings.h"

#include "core/naming/conventionjson.h"
#include "core/naming/conventionpresets.h"
#include "core/store/statement.h"
#include "core/store/store.h"

#include <sqlite3.h>

namespace hindsight::definitions {

namespace {

std::string lastError(store::Store &store)
{
    return sqlite3_errmsg(store.db().handle());
}

} // namespace

WorkspaceSettings::WorkspaceSettings(store::Store &store) : m_store(store) {}

std::optional<std::string> WorkspaceSettings::get(std::string_view key, std::string *error)
{
    store::Statement st(m_store.db(), "SELECT value FROM settings WHERE key = ?1");
    if (!st.valid()) {
        if (error) *error = "cannot read the workspace settings: " + lastError(m_store);
        return std::nullopt;
    }
    st.bindText(1, key);
    if (!st.next()) return std::nullopt;
    return std::string(st.text(0));
}

bool WorkspaceSettings::set(std::string_view key, std::string_view value, std::string *error)
{
    store::Statement st(m_store.db(), "INSERT INTO settings(key, value) VALUES (?1, ?2) "
                                      "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    if (st.valid()) {
        st.bindText(1, key);
        st.bindText(2, value);
        if (st.step() == SQLITE_DONE) return true;
    }
    if (error) *error = "cannot save the setting '" + std::string(key) + "': " + lastError(m_store);
    return false;
}

bool WorkspaceSettings::remove(std::string_view key, std::string *error)
{
    store::Statement st(m_store.db(), "DELETE FROM settings WHERE key = ?1");
    if (st.valid()) {
        st.bindText(1, key);
        if (st.step() == SQLITE_DONE) return true;
    }
    if (error) *error = "cannot remove the setting '" + std::string(key) + "': " + lastError(m_store);
    return false;
}

StoredConvention readStoredConvention(store::Store &store)
{
    StoredConvention out;
    out.convention = *naming::conventionPreset("heap");
    const auto json = WorkspaceSettings(store).get(kNamingConventionSetting, &out.readError);
    if (!json) return out;
    out.json = *json;
    auto load = naming::conventionFromJson(*json);
    if (!load.ok()) {
        out.errors = std::move(load.errors);
        return out;
    }
    out.convention = std::move(*load.convention);
    out.stored = true;
    return out;
}

} // namespace hindsight::definitions
