#pragma once

#include "core/naming/convention.h"
#include "core/naming/conventionerror.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hindsight::store {
class Store;
}

namespace hindsight::definitions {

/// Key of the workspace's naming convention: its JSON (docs/naming.md, "JSON format"). Absent
/// means the `heap` preset.
inline constexpr std::string_view kNamingConventionSetting = "naming.convention";

/// The workspace's settings: text values by key in the store's `settings` table (schema 3).
/// Errors are returned as values.
class WorkspaceSettings
{
  public:
    explicit WorkspaceSettings(store::Store &store);

    /// The value of `key`; nullopt when absent (then `error`, if given, is set only when the
    /// store could not be read).
    std::optional<std::string> get(std::string_view key, std::string *error = nullptr);
    /// Sets `key` to `value` (one statement, atomic). False + error on failure, e.g. a
    /// read-only store.
    bool set(std::string_view key, std::string_view value, std::string *error = nullptr);
    /// Removes `key`; true also when it was absent.
    bool remove(std::string_view key, std::string *error = nullptr);

  private:
    store::Store &m_store;
};

/// The naming convention a workspace keeps (setting kNamingConventionSetting).
struct StoredConvention
{
    naming::Convention convention;               ///< the stored convention; the `heap` preset when none reads
    bool stored = false;                         ///< true: a stored convention that reads
    std::string json;                            ///< the stored JSON text ("" when nothing is stored)
    std::string readError;                       ///< the store could not be read
    std::vector<naming::ConventionError> errors; ///< stored JSON that does not read, by JSON path
    bool ok() const { return readError.empty() && errors.empty(); }
};

/// Reads the workspace's naming convention. Without a stored one, or when it does not read (see
/// `readError` and `errors`), `convention` is the `heap` preset.
StoredConvention readStoredConvention(store::Store &store);

} // namespace hindsight::definitions
