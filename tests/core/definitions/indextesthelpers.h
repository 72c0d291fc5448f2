#pragma once

// Helpers shared by the index, compiled-definition and answers tests: real stores in a TempDir,
// written with the same StoreWriter an import uses.

#include "core/capture/elementchain.h"
#include "core/definitions/compileddefinition.h"
#include "core/definitions/interactionindex.h"
#include "core/model/capturedevent.h"
#include "core/store/store.h"
#include "core/store/storewriter.h"
#include "tests/support/tempdir.h"

#include <gtest/gtest.h>
#include <memory>
#include <string>
#include <vector>

namespace hindsight::definitions::test {

/// 2024-03-01T00:00:00Z.
inline constexpr std::int64_t kMarch1 = 1709251200000;
inline constexpr std::int64_t kHour = 3'600'000;
inline constexpr std::int64_t kDay = 24 * kHour;

struct EventSpec
{
    std::int64_t ms = kMarch1;
    std::string type = "click";
    std::string url = "https://shop.example/";
    std::string chain;
    std::string properties = "{}";
    std::string distinctId = "anon-1";
    std::string session = "s-1";
    std::string anonDistinctId; ///< for identify
};

inline model::CapturedEvent toEvent(const EventSpec &s, int serial)
{
    model::CapturedEvent e;
    e.uuid = "evt-" + std::to_string(serial);
    e.type = s.type;
    e.timestampMs = s.ms;
    e.distinctId = s.distinctId;
    e.sessionId = s.session;
    e.url = s.url;
    e.chain = s.chain;
    e.properties = s.properties;
    e.anonDistinctId = s.anonDistinctId;
    return e;
}

/// A store in its own temporary folder.
class TestStore
{
  public:
    TestStore()
    {
        std::string error;
        m_store = store::Store::open(path(), store::Store::OpenMode::CreateIfMissing, &error);
        EXPECT_TRUE(m_store) << error;
    }
    std::string path() const { return m_dir.file("w.hindsight"); }
    const hindsight::test::TempDir &dir() const { return m_dir; }
    store::Store &store() { return *m_store; }

    /// Writes `events` in one batch (one transaction), as an import would.
    void add(const std::vector<EventSpec> &events)
    {
        store::StoreWriter writer(*m_store);
        for (const EventSpec &s : events) {
            ASSERT_EQ(writer.add(toEvent(s, m_serial++)), store::StoreWriter::Outcome::Accepted)
                << writer.error();
        }
        ASSERT_TRUE(writer.commit()) << writer.error();
    }

    std::unique_ptr<InteractionIndex> index(bool useCache = false)
    {
        std::string error;
        auto x = useCache ? InteractionIndex::load(*m_store, &error)
                          : InteractionIndex::loadWithoutCache(*m_store, &error);
        EXPECT_TRUE(x) << error;
        return x;
    }

  private:
    hindsight::test::TempDir m_dir;
    std::unique_ptr<store::Store> m_store;
    int m_serial = 0;
};

inline model::ElementChain parsedChain(const std::string &text)
{
    model::ElementChain chain;
    capture::ChainError error;
    if (!text.empty() && !capture::parseElementsChain(text, chain, &error))
        ADD_FAILURE() << "bad test chain '" << text << "': " << error.reason;
    return chain;
}

/// The interaction as a user would hand it in: straight from the event, not from the index.
inline MatchableInteraction matchableOf(const EventSpec &s)
{
    return MatchableInteraction{s.type, s.url, parsedChain(s.chain), s.properties};
}

inline CompiledDefinition compileOrDie(const Definition &def, const InteractionIndex &index,
                                       const DefinitionLookup &lookup = {})
{
    CompileError error;
    auto c = CompiledDefinition::compile(def, index, lookup, &error);
    if (!c) {
        ADD_FAILURE() << "compile failed: " << error.message();
        std::abort();
    }
    return std::move(*c);
}

inline Definition definitionOf(std::string name, std::vector<Step> steps)
{
    Definition d;
    d.name = std::move(name);
    d.steps = std::move(steps);
    return d;
}

/// Rows of the index that match, by the fast path.
inline std::vector<std::size_t> matchingRows(const CompiledDefinition &def, const InteractionIndex &index)
{
    std::vector<std::size_t> rows;
    for (std::size_t r = 0; r < index.size(); ++r)
        if (def.matchesRow(r)) rows.push_back(r);
    return rows;
}

} // namespace hindsight::definitions::test
