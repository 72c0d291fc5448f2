#include "core/ingest/importer.h"

#include "core/capture/documentsource.h"
#include "core/capture/eventdecoder.h"
#include "core/capture/eventreader.h"
#include "core/store/eventkeys.h"
#include "core/store/store.h"
#include "core/store/storewriter.h"

#include <algorithm>
#include <cerrno>
#ifdef __linux__
#include <sys/resource.h>
#include <unistd.h>
#endif
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace hindsight::ingest {

namespace {

// What a decoding thread hands to the writing thread, in file order.
struct Item
{
    std::int64_t line = 0;
    bool isIssue = false;
    std::string reason;         // when isIssue
    model::CapturedEvent event; // otherwise
    store::EventKeys keys;      // computed on the decoding thread
};

struct Batch
{
    std::uint64_t sequence = 0; // the position of its chunk in the file
    std::vector<Item> items;
    std::size_t used = 0;
    std::int64_t bytesDone = 0, bytesTotal = -1;

    Item &slot()
    {
        if (used == items.size()) items.emplace_back();
        return items[used++];
    }
};

// A bounded hand-over from the decoding threads to the writing thread that gives batches back
// in sequence order, whichever thread finishes first. Batches are recycled to avoid
// reallocation.
class OrderedPipe
{
  public:
    explicit OrderedPipe(std::uint64_t window) : m_window(window) {}

    /// Waits until `b` is within `window` of the next batch the writer needs, so memory stays
    /// bounded; the batch the writer waits for is never held up.
    void push(std::unique_ptr<Batch> b)
    {
        std::unique_lock lock(m_mutex);
        m_notFull.wait(lock, [&] { return b->sequence < m_next + m_window; });
        const std::uint64_t sequence = b->sequence;
        m_waiting.emplace(sequence, std::move(b));
        if (sequence == m_next) m_ready.notify_one();
    }
    /// The next batch in order; nullptr once every producer is done and all was handed out.
    /// (Producers push every chunk they take, so there are no gaps.)
    std::unique_ptr<Batch> pop()
    {
        std::unique_lock lock(m_mutex);
        m_ready.wait(lock, [&] { return m_waiting.count(m_next) || m_producers == 0; });
        auto it = m_waiting.find(m_next);
        if (it == m_waiting.end()) return nullptr;
        auto b = std::move(it->second);
        m_waiting.erase(it);
        ++m_next;
        m_notFull.notify_all();
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
    void addProducer()
    {
        std::lock_guard lock(m_mutex);
        ++m_producers;
    }
    void producerDone()
    {
        std::lock_guard lock(m_mutex);
        --m_producers;
        m_ready.notify_all();
    }

  private:
    std::mutex m_mutex;
    std::condition_variable m_ready, m_notFull;
    std::map<std::uint64_t, std::unique_ptr<Batch>> m_waiting;
    std::vector<std::unique_ptr<Batch>> m_free;
    std::uint64_t m_window, m_next = 0;
    int m_producers = 0;
};

// Documents per chunk: small enough to keep both decoding threads busy, large enough that
// taking turns at the reader costs nothing.
constexpr std::size_t kDocumentsPerChunk = 1024;
constexpr std::size_t kBytesPerChunk = 2u << 20;

// The input, shared by the decoding threads: they take chunks of documents in turn. Until the
// format of an auto-detected file is known, only one chunk is out at a time, so the first
// decodable document of the file decides it, as when one thread reads.
class SharedSource
{
  public:
    SharedSource(capture::DocumentSource &source, capture::InputFormat format)
        : m_source(source), m_format(format)
    {
    }

    /// Takes the next chunk; false at the end of input or once stopped.
    bool take(capture::DocumentChunk &chunk, std::uint64_t &sequence, capture::InputFormat &format,
              const std::atomic<bool> &stop)
    {
        std::unique_lock lock(m_mutex);
        m_formatKnown.wait(lock, [&] { return m_format != capture::InputFormat::Auto || !m_probing; });
        if (m_ended || stop.load(std::memory_order_relaxed)) {
            m_ended = true;
            return false;
        }
        if (!m_source.fill(chunk, kDocumentsPerChunk, kBytesPerChunk)) {
            m_ended = true;
            return false;
        }
        sequence = m_sequence++;
        format = m_format;
        if (m_format == capture::InputFormat::Auto) m_probing = true;
        return true;
    }
    /// After decoding a chunk taken while the format was unknown: what the decoder found.
    void decided(capture::InputFormat format)
    {
        std::lock_guard lock(m_mutex);
        m_format = format;
        m_probing = false;
        m_formatKnown.notify_all();
    }
    capture::InputFormat format()
    {
        std::lock_guard lock(m_mutex);
        return m_format;
    }

  private:
    std::mutex m_mutex;
    std::condition_variable m_formatKnown;
    capture::DocumentSource &m_source;
    capture::InputFormat m_format;
    bool m_probing = false, m_ended = false;
    std::uint64_t m_sequence = 0;
};

// The writing thread is the one that cannot be parallelised: the decoders run at a lower
// priority so that, with more threads than cores, the scheduler gives it a core of its own and
// the decoders the rest (measured: docs/performance.md).
void yieldToTheWriter()
{
#ifdef __linux__
    const auto self = static_cast<id_t>(::gettid());
    errno = 0;
    const int current = ::getpriority(PRIO_PROCESS, self);
    if (errno == 0) ::setpriority(PRIO_PROCESS, self, std::min(current + 5, 19));
#endif
}

int decodingThreads()
{
    // The writing thread needs a core of its own for most of the time; the decoders share the
    // rest and fill the writer's idle moments.
    const unsigned cores = std::thread::hardware_concurrency();
    return static_cast<int>(std::clamp(cores, 1u, 4u));
}

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

    capture::DocumentSource source(path);
    if (!source.open()) {
        report.error = source.error();
        report.format = m_options.format;
        return report;
    }
    SharedSource shared(source, m_options.format);
    OrderedPipe pipe(8);
    std::atomic<bool> stopReading{false};

    const bool keysAhead = !m_options.filter;
    auto decodeLoop = [&] {
        yieldToTheWriter();
        capture::EventDecoder decoder(m_options.format);
        capture::DocumentChunk chunk;
        std::uint64_t sequence = 0;
        capture::InputFormat format = m_options.format;
        while (shared.take(chunk, sequence, format, stopReading)) {
            const bool probing = format == capture::InputFormat::Auto;
            if (decoder.format() == capture::InputFormat::Auto) decoder.setFormat(format);
            auto batch = pipe.fresh();
            batch->sequence = sequence;
            batch->bytesDone = chunk.bytesDone;
            batch->bytesTotal = chunk.bytesTotal;
            auto deliver = [&](model::CapturedEvent &e, std::int64_t line) {
                Item &it = batch->slot();
                it.line = line;
                it.isIssue = false;
                swap(it.event, e);
                if (keysAhead) {
                    store::EventKeys::Previous previous{};
                    if (batch->used >= 2 && !batch->items[batch->used - 2].isIssue) {
                        const Item &before = batch->items[batch->used - 2];
                        previous = {&before.event, &before.keys};
                    }
                    it.keys.compute(it.event, &decoder.chainKey(), previous);
                }
            };
            auto reject = [&](std::int64_t line, const std::string &reason) {
                Item &it = batch->slot();
                it.line = line;
                it.isIssue = true;
                it.reason = reason;
            };
            capture::EventReader::decodeChunk(decoder, chunk, deliver, reject);
            if (probing) shared.decided(decoder.format());
            pipe.push(std::move(batch));
        }
        pipe.producerDone();
    };
    const int threads = decodingThreads();
    std::vector<std::thread> decoders;
    decoders.reserve(static_cast<std::size_t>(threads));
    for (int i = 0; i < threads; ++i) {
        pipe.addProducer();
        decoders.emplace_back(decodeLoop);
    }

    store::StoreWriter writer(m_store);
    std::int64_t sinceCommit = 0;
    bool writeFailed = writer.failed();
    if (writeFailed) report.error = writer.error();
    while (auto batch = pipe.pop()) {
        if (!writeFailed && cancel && cancel->load(std::memory_order_relaxed)) report.cancelled = true;
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
            // Stop the decoders; keep draining so they can finish.
            stopReading = true;
        }
        pipe.recycle(std::move(batch));
    }
    for (auto &t : decoders)
        t.join();

    if (!writeFailed && !writer.commit()) {
        writeFailed = true;
        report.error = writer.error();
    }
    report.stored = writer.totals().stored;
    report.duplicates = writer.totals().duplicates;
    // Counts already stored are kept on a failed commit only for batches that did commit.
    report.documents = source.documents();
    report.format = shared.format();
    if (!source.error().empty() && report.error.empty()) report.error = source.error();
    if (report.cancelled) report.cancelled = cancel && cancel->load();
    return report;
}

} // namespace hindsight::ingest
