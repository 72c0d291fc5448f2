#pragma once

#include "core/model/fasthash.h"

#include <cstdint>
#include <vector>

namespace hindsight::store {

/// Content key -> non-zero id, in one flat array: open addressing with linear probing over a
/// power-of-two table kept at most half full. The bulk writer looks up eight dictionary values
/// per interaction; here a lookup costs a mask and usually one cache line, where a node-based
/// map costs a division and a pointer chase. Keys are content keys (already well mixed), so
/// their first lane serves as the hash. Ids must not be 0 (0 marks a free slot).
class ContentKeyMap
{
  public:
    /// The id stored for `key`, or 0.
    std::int64_t find(const model::ContentKey &key) const
    {
        if (m_slots.empty()) return 0;
        for (std::size_t i = key.lo & m_mask;; i = (i + 1) & m_mask) {
            const Slot &s = m_slots[i];
            if (s.id == 0) return 0;
            if (s.key == key) return s.id;
        }
    }

    /// Stores `id` (non-zero) for `key`, replacing what was there.
    void insert(const model::ContentKey &key, std::int64_t id)
    {
        if ((m_size + 1) * 2 > m_slots.size()) grow();
        Slot &s = probe(key);
        if (s.id == 0) ++m_size;
        s.key = key;
        s.id = id;
    }

    std::size_t size() const { return m_size; }
    /// Drops every entry and the memory they took.
    void clear()
    {
        std::vector<Slot>().swap(m_slots);
        m_mask = m_size = 0;
    }

  private:
    struct Slot
    {
        model::ContentKey key;
        std::int64_t id = 0;
    };

    Slot &probe(const model::ContentKey &key)
    {
        for (std::size_t i = key.lo & m_mask;; i = (i + 1) & m_mask) {
            Slot &s = m_slots[i];
            if (s.id == 0 || s.key == key) return s;
        }
    }

    void grow()
    {
        std::vector<Slot> old;
        old.swap(m_slots);
        m_slots.resize(old.empty() ? 64 : old.size() * 2);
        m_mask = m_slots.size() - 1;
        for (const Slot &s : old)
            if (s.id != 0) probe(s.key) = s;
    }

    std::vector<Slot> m_slots;
    std::size_t m_mask = 0, m_size = 0;
};

} // namespace hindsight::store
