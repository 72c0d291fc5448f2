#include "core/store/database.h"

#include "core/store/statement.h"

#include <sqlite3.h>
#include <utility>

namespace hindsight::store {

Database::~Database()
{
    close();
}

Database::Database(Database &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_path(std::move(other.m_path)),
      m_error(std::move(other.m_error))
{
}

Database &Database::operator=(Database &&other) noexcept
{
    if (this != &other) {
        close();
        m_db = std::exchange(other.m_db, nullptr);
        m_path = std::move(other.m_path);
        m_error = std::move(other.m_error);
    }
    return *this;
}

bool Database::open(const std::string &path, Mode mode)
{
    close();
    // Before the library initialises: no global memory statistics, which would otherwise take
    // a mutex on every allocation.
    static const bool configured = [] {
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        return true;
    }();
    (void)configured;
    int flags = SQLITE_OPEN_NOMUTEX;
    switch (mode) {
    case Mode::ReadOnly:
        flags |= SQLITE_OPEN_READONLY;
        break;
    case Mode::ReadWrite:
        flags |= SQLITE_OPEN_READWRITE;
        break;
    case Mode::ReadWriteCreate:
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        break;
    }
    const int rc = sqlite3_open_v2(path.c_str(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        m_error =
            std::string("cannot open ") + path + ": " + (m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc));
        close();
        return false;
    }
    m_path = path;
    sqlite3_extended_result_codes(m_db, 1);
    return true;
}

void Database::close()
{
    if (m_db) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

bool Database::exec(std::string_view sql)
{
    char *msg = nullptr;
    const std::string text(sql);
    if (sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &msg) != SQLITE_OK) {
        m_error = msg ? msg : sqlite3_errmsg(m_db);
        sqlite3_free(msg);
        return false;
    }
    return true;
}

long long Database::scalar(std::string_view sql, bool *ok)
{
    Statement st(*this, sql);
    long long v = 0;
    bool good = st.valid();
    if (good) {
        const int rc = st.step();
        if (rc == SQLITE_ROW)
            v = st.int64(0);
        else if (rc != SQLITE_DONE) {
            good = false;
            captureError("query failed");
        }
    }
    if (ok) *ok = good;
    return v;
}

void Database::captureError(std::string_view context)
{
    m_error = std::string(context) + ": " + (m_db ? sqlite3_errmsg(m_db) : "no database");
}

} // namespace hindsight::store
