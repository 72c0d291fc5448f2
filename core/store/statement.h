#pragma once

#include <cstdint>
#include <string>
#include <string_view>

struct sqlite3_stmt;

namespace hindsight::store {

class Database;

/// A prepared statement, finalized on destruction. Bind indexes are 1-based, columns 0-based
/// (as in SQLite). step() returns SQLite's result code (SQLITE_ROW, SQLITE_DONE or an error).
class Statement
{
  public:
    Statement() = default;
    Statement(Database &db, std::string_view sql);
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;

    bool valid() const { return m_stmt != nullptr; }

    void bind(int index, std::int64_t value);
    void bind(int index, int value) { bind(index, static_cast<std::int64_t>(value)); }
    void bind(int index, double value);
    /// Binds text; the statement does not keep the view, so it must stay alive until step().
    void bindText(int index, std::string_view value);
    void bindBlob(int index, std::string_view value);
    void bindNull(int index);
    /// Binds value, or NULL when `value` is 0 (for optional dictionary references).
    void bindOptional(int index, std::int64_t value);

    int step();
    /// step() and true when a row is there.
    bool next();
    /// Resets for another step and clears the bindings.
    void reset();
    /// Resets for another step, keeping the bindings (for statements that rebind every value).
    void rewind();

    std::int64_t int64(int column) const;
    double real(int column) const;
    std::string_view text(int column) const;
    std::string_view blob(int column) const;
    bool isNull(int column) const;
    int columnCount() const;

    sqlite3_stmt *handle() const { return m_stmt; }

  private:
    sqlite3_stmt *m_stmt = nullptr;
};

} // namespace hindsight::store
