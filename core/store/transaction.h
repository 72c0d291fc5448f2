#pragma once

namespace hindsight::store {

class Database;

/// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless commit() succeeded.
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
};

} // namespace hindsight::store
