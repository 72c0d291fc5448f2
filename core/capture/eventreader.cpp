#include "core/capture/eventreader.h"

#include "core/capture/documentsource.h"

namespace hindsight::capture {

EventReader::EventReader(std::string path, InputFormat format) : m_path(std::move(path)), m_decoder(format) {}

void EventReader::decodeChunk(EventDecoder &decoder, const DocumentChunk &chunk, const EventSink &onEvent,
                              const IssueSink &onIssue)
{
    std::int64_t line = 0;
    auto deliver = [&](model::CapturedEvent &e) { onEvent(e, line); };
    auto reject = [&](const std::string &reason) { onIssue(line, reason); };
    for (std::size_t i = 0; i < chunk.used; ++i) {
        const DocumentChunk::Entry &entry = chunk.entries[i];
        line = entry.line;
        if (entry.isIssue)
            onIssue(line, entry.reason);
        else
            decoder.decode(chunk.document(entry), deliver, reject, true); // chunks are padded
    }
}

bool EventReader::run(const EventSink &onEvent, const IssueSink &onIssue, const ProgressSink &onProgress,
                      const std::atomic<bool> *cancel)
{
    DocumentSource source(m_path);
    if (!source.open()) {
        m_error = source.error();
        return false;
    }
    DocumentChunk chunk;
    for (;;) {
        if (cancel && cancel->load(std::memory_order_relaxed)) {
            m_cancelled = true;
            break;
        }
        const bool more = source.fill(chunk, 256, 1u << 20);
        m_documents = source.documents();
        decodeChunk(m_decoder, chunk, onEvent, onIssue);
        if (onProgress) onProgress(chunk.bytesDone, chunk.bytesTotal);
        if (!more) break;
    }
    if (!source.error().empty()) {
        m_error = source.error();
        return false;
    }
    return true;
}

} // namespace hindsight::capture
