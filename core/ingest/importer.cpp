#include "core/ingest/importer.h"

#include "core/capture/eventreader.h"
#include "core/store/eventkeys.h"
#include "core/store/store.h"
#include "core/store/storewriter.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

namespace hindsight::ingest {

namespace {

// What the reading thread hands to the writing thread, in file order.
struct Item
{
    std::int64_t line = 0;
    bool isIssue = false;
    std::string reason;         // when isIssue
    model::CapturedEvent event; // otherwise
    store::EventKeys keys;      // computed on the reading thread
};

struct Batch
{
    std::vector<Item> items;
    std::size_t used = 0;
    std::int64_t bytesDone = 0, bytesTotal = -1;
};

// A bounded hand-over between the two threads; batches are recycled to avoid reallocation.
class Pipe
{
  public:
    explicit Pipe(std::size_t capacity) : m_capacity(capacity) {}

    void push(std::unique_ptr<Batch> b)
    {
        std::unique_lock lock(m_mutex);
        m_notFull.wait(lock, [&] { return m_full.size() < m_capacity || m_aborted; });
        if (m_aborted) return;
        m_full.push_back(std::move(b));
        m_notEmpty.notify_one();
    }
    std::unique_ptr<Batch> pop()
    {
        std::unique_lock lock(m_mutex);
        m_notEmpty.wait(lock, [&] { return !m_full.empty() || m_closed; });
        if (m_full.empty()) return nullptr;
        auto b = std::move(m_full.front());
        m_full.pop_front();
        m_notFull.notify_one();
        return b;
    }
    void recycle(std::unique_ptr<Batch> b)
    {
        std::lock_guard lock(m_mutex);
        b->used = 0;
        m_free.push_back(std::move(b));
    }
    std::unique_ptr<Batch> fresh()
    {
        std::lock_guard lock(m_mutex);
        if (m_free.empty()) return std::make_unique<Batch>();
        auto b = std::move(m_free.back());
        m_free.pop_back();
        return b;
    }
    void close()
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_notEmpty.notify_all();
    }
    void abort()
    {
        std::lock_guard lock(m_mutex);
        m_aborted = true;
        m_notFull.notify_all();
    }

  private:
    std::mutex m_mutex;
    std::condition_variable m_notEmpty, m_notFull;
    std::deque<std::unique_ptr<Batch>> m_full;
    std::vector<std::unique_ptr<Batch>> m_free;
    std::size_t m_capacity;
    bool m_closed = false, m_aborted = false;
};

constexpr std::size_t kItemsPerBatch = 2048;

} // namespace

std::string displayName(const std::string &path)
{
    return path == "-" ? std::string("<stdin>") : path;
}

Importer::Importer(store::Store &store, ImportOptions options) : m_store(store), m_options(std::move(options))
{
}

FileReport Importer::importFile(const std::string &path, const IssueSink &onIssue,
                                const ProgressSink &onProgress, const std::atomic<bool> *cancel)
{
    FileReport report;
    report.path = path;
    const std::string name = displayName(path);

    capture::EventReader reader(path, m_options.format);
    Pipe pipe(8);
    bool readOk = true;
    std::atomic<bool> stopReading{false};
    std::atomic<bool> combinedCancel{false};

    std::thread producer([&] {
        auto batch = pipe.fresh();
        std::int64_t lastDone = 0, lastTotal = -1;
        auto slot = [&]() -> Item & {
            if (batch->used == batch->items.size()) batch->items.emplace_back();
            return batch->items[batch->used++];
        };
        auto flushIfFull = [&] {
            if (batch->used >= kItemsPerBatch) {
                batch->bytesDone = lastDone;
                batch->bytesTotal = lastTotal;
                pipe.push(std::move(batch));
                batch = pipe.fresh();
            }
        };
        readOk = reader.run(
            [&](model::CapturedEvent &e, std::int64_t line) {
                Item &it = slot();
                it.line = line;
                it.isIssue = false;
                std::swap(it.event, e);
                if (!m_options.filter) it.keys.compute(it.event);
                flushIfFull();
            },
            [&](std::int64_t line, const std::string &reason) {
                Item &it = slot();
                it.line = line;
                it.isIssue = true;
                it.reason = reason;
                flushIfFull();
            },
            [&](std::int64_t done, std::int64_t total) {
                lastDone = done;
                lastTotal = total;
            },
            &combinedCancel);
        batch->bytesDone = lastDone;
        batch->bytesTotal = lastTotal;
        if (batch->used) pipe.push(std::move(batch));
        pipe.close();
    });

    store::StoreWriter writer(m_store);
    std::int64_t sinceCommit = 0;
    bool writeFailed = writer.failed();
    if (writeFailed) report.error = writer.error();
    while (auto batch = pipe.pop()) {
        if (!writeFailed && cancel && cancel->load(std::memory_order_relaxed)) {
            combinedCancel = true;
            report.cancelled = true;
        }
        if (!writeFailed && !report.cancelled) {
            for (std::size_t i = 0; i < batch->used; ++i) {
                Item &it = batch->items[i];
                if (it.isIssue) {
                    ++report.rejected;
                    onIssue(name, it.line, it.reason);
                    continue;
                }
                ++report.events;
                if (m_options.filter) {
                    if (!m_options.filter(it.event)) {
                        ++report.dropped;
                        continue;
                    }
                    it.keys.compute(it.event);
                }
                if (writer.add(it.event, it.keys) == store::StoreWriter::Outcome::Rejected) {
                    if (writer.failed()) {
                        writeFailed = true;
                        report.error = writer.error();
                    } else {
                        ++report.rejected;
                        onIssue(name, it.line, writer.error());
                    }
                }
                if (writeFailed) break;
                if (++sinceCommit >= m_options.batchSize) {
                    sinceCommit = 0;
                    if (!writer.commit()) {
                        writeFailed = true;
                        report.error = writer.error();
                        break;
                    }
                }
            }
            if (onProgress && !writeFailed) {
                report.stored = writer.totals().stored;
                report.duplicates = writer.totals().duplicates;
                onProgress(report, batch->bytesDone, batch->bytesTotal);
            }
        }
        if (writeFailed || report.cancelled) {
            // Stop the reader; keep draining so it can finish.
            combinedCancel = true;
            stopReading = true;
        }
        pipe.recycle(std::move(batch));
    }
    producer.join();

    if (!writeFailed && !writer.commit()) {
        writeFailed = true;
        report.error = writer.error();
    }
    report.stored = writer.totals().stored;
    report.duplicates = writer.totals().duplicates;
    // Counts already stored are kept on a failed commit only for batches that did commit.
    report.documents = reader.documents();
    report.format = reader.format();
    if (!readOk && report.error.empty()) report.error = reader.error();
    if (report.cancelled || reader.wasCancelled()) report.cancelled = cancel && cancel->load();
    return report;
}

} // namespace hindsight::ingest
