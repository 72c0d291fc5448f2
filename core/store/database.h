#pragma once

#include <string>
#include <string_view>

struct sqlite3;

namespace hindsight::store {

class Statement;

/// A thin RAII owner of one SQLite connection. Errors are returned as values (false + error()),
/// never shown to the user from here.
class Database
{
  public:
    enum class Mode { ReadOnly, ReadWrite, ReadWriteCreate };

    Database() = default;
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;
    Database(Database &&other) noexcept;
    Database &operator=(Database &&other) noexcept;

    bool open(const std::string &path, Mode mode);
    void close();
    bool isOpen() const { return m_db != nullptr; }

    /// Runs one or more statements without results.
    bool exec(std::string_view sql);
    /// Runs a query returning one integer (0 when no row).
    long long scalar(std::string_view sql, bool *ok = nullptr);

    const std::string &error() const { return m_error; }
    /// Sets error() from the connection's last error, prefixed with `context`.
    void captureError(std::string_view context);
    sqlite3 *handle() const { return m_db; }
    const std::string &path() const { return m_path; }

  private:
    sqlite3 *m_db = nullptr;
    std::string m_path;
    std::string m_error;
};

} // namespace hindsight::store
