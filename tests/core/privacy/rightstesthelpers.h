#pragma once

// Shared by consentpolicytest.cpp and personaldatatest.cpp: stores filled the way an import
// fills them (decode, the at-the-door filter, StoreWriter), and byte-level checks of the files.
#include "core/capture/eventdecoder.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "core/store/storewriter.h"
#include "tests/support/tempdir.h"

#include <functional>
#include <gtest/gtest.h>
#include <memory>
#include <sstream>
#include <string>

namespace hindsight::test {

inline std::unique_ptr<store::Store> openStore(const std::string &path)
{
    std::string error;
    auto s = store::Store::open(path, store::Store::OpenMode::CreateIfMissing, &error);
    EXPECT_TRUE(s) << error;
    return s;
}

/// Decodes NDJSON lines (PostHog or native) and writes the events `filter` keeps. Returns the
/// number of events the filter dropped.
inline int importLines(store::Store &store, const std::string &ndjson,
                       const std::function<bool(model::CapturedEvent &)> &filter = {})
{
    capture::EventDecoder decoder;
    store::StoreWriter writer(store);
    int dropped = 0;
    std::istringstream in(ndjson);
    for (std::string line; std::getline(in, line);) {
        if (line.empty()) continue;
        decoder.decode(
            line,
            [&](model::CapturedEvent &e) {
                if (filter && !filter(e)) {
                    ++dropped;
                    return;
                }
                EXPECT_EQ(writer.add(e), store::StoreWriter::Outcome::Accepted) << writer.error();
            },
            [&](const std::string &reason) { ADD_FAILURE() << reason << "\n"
                                                           << line; });
    }
    EXPECT_TRUE(writer.commit()) << writer.error();
    return dropped;
}

/// One PostHog event as an NDJSON line.
inline std::string postHogEvent(const std::string &uuid, const std::string &distinctId,
                                const std::string &time, const std::string &url,
                                const std::string &extraProperties = {},
                                const std::string &event = "$pageview")
{
    return R"({"event":")" + event + R"(","uuid":")" + uuid + R"(","distinct_id":")" + distinctId +
           R"(","timestamp":")" + time + R"(","properties":{"$current_url":")" + url + "\"" +
           extraProperties + "}}\n";
}

inline std::int64_t count(store::Store &store, const std::string &sql)
{
    return store.db().scalar(sql);
}

/// The bytes of the store and every file SQLite or Hindsight keeps next to it.
inline std::string allStoreBytes(const std::string &path)
{
    std::string all;
    for (const char *suffix : {"", "-wal", "-shm", ".columns"})
        all += readFile(path + suffix);
    return all;
}

/// Meta counters must equal what the tables hold.
inline void expectCountersMatchTables(store::Store &store)
{
    EXPECT_EQ(store.metaInt("interactions"), count(store, "SELECT count(*) FROM interactions"));
    EXPECT_EQ(store.metaInt("people"), count(store, "SELECT count(DISTINCT person) FROM distinct_ids"));
    EXPECT_EQ(store.metaInt("sessions"), count(store, "SELECT count(*) FROM sessions"));
    EXPECT_EQ(store.metaInt("elements"), count(store, "SELECT count(*) FROM chains"));
    store::Statement integrity(store.db(), "PRAGMA integrity_check");
    ASSERT_TRUE(integrity.next());
    EXPECT_EQ(integrity.text(0), "ok");
    store::Statement fk(store.db(), "PRAGMA foreign_key_check");
    EXPECT_FALSE(fk.next()) << "foreign key violation in " << fk.text(0);
}

} // namespace hindsight::test
