#include "core/store/transaction.h"

#include "core/store/database.h"

#include <sqlite3.h>

namespace hindsight::store {

Transaction::Transaction(Database &db) : m_db(db)
{
    m_nested = m_db.handle() && sqlite3_get_autocommit(m_db.handle()) == 0;
    m_active = m_db.exec(m_nested ? "SAVEPOINT hindsight_nested" : "BEGIN IMMEDIATE");
}

Transaction::~Transaction()
{
    if (!m_active) return;
    if (m_nested)
        m_db.exec("ROLLBACK TO hindsight_nested; RELEASE hindsight_nested");
    else
        m_db.exec("ROLLBACK");
}

bool Transaction::commit()
{
    if (!m_active) return false;
    if (!m_db.exec(m_nested ? "RELEASE hindsight_nested" : "COMMIT")) return false;
    m_active = false;
    return true;
}

} // namespace hindsight::store
