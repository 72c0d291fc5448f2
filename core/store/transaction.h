#pragma once

namespace hindsight::store {

class Database;

/// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless commit() succeeded.
/// Inside a transaction that is already open (a caller's, such as a dry run that will be rolled
/// back) it nests as a SAVEPOINT: commit() releases it into the outer transaction and
/// destruction without commit() rolls back to it.
class Transaction
{
  public:
    explicit Transaction(Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    bool active() const { return m_active; }
    bool commit();

  private:
    Database &m_db;
    bool m_active = false;
    bool m_nested = false;
};

} // namespace hindsight::store
