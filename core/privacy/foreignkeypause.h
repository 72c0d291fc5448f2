#pragma once

#include "core/store/database.h"

namespace hindsight::privacy {

/// Switches foreign-key enforcement off on a connection for its lifetime (and back on after,
/// if it was on). Must be created outside a transaction (SQLite ignores the pragma inside one).
///
/// Why: deleting a dictionary row (a session, a distinct id) with enforcement on makes SQLite
/// look for referencing interactions, and interactions have no index on those columns, so each
/// deleted row costs a scan of the whole table. deleteInteractions() checks every reference
/// itself in one scan, so it runs with enforcement paused (as StoreWriter does).
class ForeignKeyPause
{
  public:
    explicit ForeignKeyPause(store::Database &db) : m_db(db)
    {
        if (m_db.scalar("PRAGMA foreign_keys") == 1) m_restore = m_db.exec("PRAGMA foreign_keys = OFF");
    }
    ~ForeignKeyPause()
    {
        if (m_restore) m_db.exec("PRAGMA foreign_keys = ON");
    }
    ForeignKeyPause(const ForeignKeyPause &) = delete;
    ForeignKeyPause &operator=(const ForeignKeyPause &) = delete;

  private:
    store::Database &m_db;
    bool m_restore = false;
};

} // namespace hindsight::privacy
