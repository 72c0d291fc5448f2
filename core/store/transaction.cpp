#include "core/store/transaction.h"

#include "core/store/database.h"

namespace hindsight::store {

Transaction::Transaction(Database &db) : m_db(db)
{
    m_active = m_db.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction()
{
    if (m_active) m_db.exec("ROLLBACK");
}

bool Transaction::commit()
{
    if (!m_active) return false;
    if (!m_db.exec("COMMIT")) return false;
    m_active = false;
    return true;
}

} // namespace hindsight::store
