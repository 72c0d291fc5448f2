#pragma once

#include "core/capture/eventdecoder.h"
#include "core/model/capturedevent.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

namespace hindsight::capture {

struct DocumentChunk;

/// Reads every event of one input file (or "-" for standard input): NDJSON (one JSON document
/// per line) or a JSON array of events, plain or gzip-compressed, in constant memory.
/// Each problem is reported with the 1-based line it is on; good events around it still arrive.
class EventReader
{
  public:
    /// The event may be modified or swapped out (see EventDecoder::EventSink).
    using EventSink = std::function<void(model::CapturedEvent &, std::int64_t line)>;
    using IssueSink = std::function<void(std::int64_t line, const std::string &reason)>;
    /// Called now and then with bytes read so far and the total (-1 when unknown).
    using ProgressSink = std::function<void(std::int64_t done, std::int64_t total)>;

    EventReader(std::string path, InputFormat format);

    /// Reads to the end (or until `cancel` becomes true). Returns false when the file could not
    /// be opened or read (error() says why); rejected lines do not make it fail.
    bool run(const EventSink &onEvent, const IssueSink &onIssue, const ProgressSink &onProgress = {},
             const std::atomic<bool> *cancel = nullptr);

    const std::string &error() const { return m_error; }
    InputFormat format() const { return m_decoder.format(); }
    bool wasCancelled() const { return m_cancelled; }

    /// Decodes every document of `chunk` in file order with `decoder`: events to `onEvent` and
    /// problems (found while splitting or decoding) to `onIssue`, each with the line its document
    /// starts on. What run() does per chunk, for callers that take chunks themselves.
    static void decodeChunk(EventDecoder &decoder, const DocumentChunk &chunk, const EventSink &onEvent,
                            const IssueSink &onIssue);
    /// Documents (lines or array elements) seen, including empty lines skipped.
    std::int64_t documents() const { return m_documents; }

  private:
    std::string m_path;
    EventDecoder m_decoder;
    std::string m_error;
    bool m_cancelled = false;
    std::int64_t m_documents = 0;
};

} // namespace hindsight::capture
