#include "core/capture/documentsource.h"

#include <simdjson.h>

namespace hindsight::capture {

namespace {

constexpr std::size_t kMaxDocument = LineReader::kDefaultMaxLine;

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

} // namespace

void DocumentChunk::clear()
{
    text.clear();
    used = 0;
    bytesDone = 0;
    bytesTotal = -1;
    documents = 0;
}

namespace {

// Appends to a chunk, reusing its entries' buffers.
struct ChunkWriter
{
    DocumentChunk &chunk;

    DocumentChunk::Entry &next()
    {
        if (chunk.used == chunk.entries.size()) chunk.entries.emplace_back();
        return chunk.entries[chunk.used++];
    }
    void document(std::string_view doc, std::int64_t line)
    {
        DocumentChunk::Entry &e = next();
        e.offset = chunk.text.size();
        e.size = doc.size();
        e.line = line;
        e.isIssue = false;
        e.reason.clear();
        chunk.text.append(doc);
    }
    void issue(std::int64_t line, std::string_view reason)
    {
        DocumentChunk::Entry &e = next();
        e.offset = e.size = 0;
        e.line = line;
        e.isIssue = true;
        e.reason.assign(reason);
    }
};

} // namespace

// Splits a streamed top-level JSON array into its elements without holding more than one.
class DocumentSource::ArraySplitter
{
  public:
    /// Consumes `text` from the front until it is used up or `full()` says the chunk is full
    /// after an element or issue was added.
    template <typename Full>
    void feed(std::string_view &text, ChunkWriter &out, std::int64_t &documents, const Full &full)
    {
        std::size_t i = 0;
        bool stop = false;
        for (; i < text.size() && !stop; ++i) {
            const char c = text[i];
            if (c == '\n') ++m_line;
            switch (m_state) {
            case State::BeforeArray:
                if (isSpace(c)) break;
                if (c != '[') {
                    out.issue(m_line, "expected '[' at the start of a JSON array");
                    m_state = State::Broken;
                    stop = true;
                    break;
                }
                m_state = State::BeforeElement;
                break;
            case State::BeforeElement:
                if (isSpace(c) || c == ',') break;
                if (c == ']') {
                    m_state = State::AfterArray;
                    break;
                }
                m_state = State::InElement;
                m_depth = 0;
                m_inString = m_escape = false;
                m_startLine = m_line;
                m_buffer.clear();
                m_tooLarge = false;
                [[fallthrough]];
            case State::InElement:
                if (!m_tooLarge) {
                    if (m_buffer.size() >= kMaxDocument) {
                        m_tooLarge = true;
                        m_buffer.clear();
                    } else {
                        m_buffer.push_back(c);
                    }
                }
                if (m_inString) {
                    if (m_escape)
                        m_escape = false;
                    else if (c == '\\')
                        m_escape = true;
                    else if (c == '"')
                        m_inString = false;
                    break;
                }
                if (c == '"')
                    m_inString = true;
                else if (c == '{' || c == '[')
                    ++m_depth;
                else if (c == '}' || c == ']') {
                    if (m_depth == 0) {
                        // The array's own closing bracket right after a scalar element.
                        if (!m_buffer.empty()) m_buffer.pop_back();
                        finish(out, documents);
                        m_state = State::AfterArray;
                        stop = full();
                        break;
                    }
                    if (--m_depth == 0) {
                        finish(out, documents);
                        m_state = State::BeforeElement;
                        stop = full();
                    }
                } else if (c == ',' && m_depth == 0) {
                    if (!m_buffer.empty()) m_buffer.pop_back();
                    finish(out, documents);
                    m_state = State::BeforeElement;
                    stop = full();
                }
                break;
            case State::AfterArray:
                if (!isSpace(c)) {
                    out.issue(m_line, "unexpected text after the end of the JSON array");
                    m_state = State::Broken;
                    stop = true;
                }
                break;
            case State::Broken:
                i = text.size();
                stop = true;
                break;
            }
        }
        text.remove_prefix(std::min(i, text.size()));
    }

    void end(ChunkWriter &out)
    {
        if (m_state == State::InElement || m_state == State::BeforeElement)
            out.issue(m_startLine ? m_startLine : m_line, "the JSON array is not closed (file truncated?)");
        m_state = State::Broken;
    }

    bool broken() const { return m_state == State::Broken; }

  private:
    void finish(ChunkWriter &out, std::int64_t &documents)
    {
        ++documents;
        if (m_tooLarge) {
            out.issue(m_startLine, "event larger than 16 MiB; skipped");
            return;
        }
        out.document(m_buffer, m_startLine);
    }

    enum class State { BeforeArray, BeforeElement, InElement, AfterArray, Broken };
    State m_state = State::BeforeArray;
    int m_depth = 0;
    bool m_inString = false, m_escape = false, m_tooLarge = false;
    std::int64_t m_line = 1, m_startLine = 0;
    std::string m_buffer;
};

DocumentSource::DocumentSource(std::string path) : m_path(std::move(path)) {}
DocumentSource::~DocumentSource() = default;

bool DocumentSource::open()
{
    if (!m_reader.open(m_path)) {
        m_error = m_reader.error();
        m_ended = true;
        return false;
    }
    // A JSON array starts with '['; everything else is read as NDJSON.
    const std::string_view head = m_reader.peek(4096);
    std::size_t firstNonSpace = 0;
    while (firstNonSpace < head.size() && isSpace(head[firstNonSpace]))
        ++firstNonSpace;
    if (firstNonSpace < head.size() && head[firstNonSpace] == '[')
        m_splitter = std::make_unique<ArraySplitter>();
    return true;
}

bool DocumentSource::fill(DocumentChunk &chunk, std::size_t maxDocuments, std::size_t maxBytes)
{
    chunk.clear();
    ChunkWriter out{chunk};
    const std::int64_t documentsBefore = m_documents;
    auto full = [&] { return chunk.used >= maxDocuments || chunk.text.size() >= maxBytes; };
    while (!m_ended && !full()) {
        if (m_splitter) {
            if (m_pending.empty()) {
                const auto status = m_reader.nextChunk(m_pending);
                if (status == LineReader::Status::End || status == LineReader::Status::Error) {
                    if (status == LineReader::Status::Error)
                        m_error = m_reader.error();
                    else
                        m_splitter->end(out);
                    m_ended = true;
                    break;
                }
            }
            m_splitter->feed(m_pending, out, m_documents, full);
            if (m_splitter->broken()) {
                m_pending = {};
                m_ended = true;
            }
            continue;
        }
        std::string_view line;
        const auto status = m_reader.next(line);
        if (status == LineReader::Status::End || status == LineReader::Status::Error) {
            if (status == LineReader::Status::Error) m_error = m_reader.error();
            m_ended = true;
            break;
        }
        ++m_documents;
        if (status == LineReader::Status::TooLong) {
            out.issue(m_reader.lineNumber(), "line longer than 16 MiB; skipped");
            continue;
        }
        std::size_t a = 0;
        while (a < line.size() && isSpace(line[a]))
            ++a;
        if (a == line.size()) continue; // empty lines are allowed between events
        out.document(line, m_reader.lineNumber());
    }
    // simdjson reads up to SIMDJSON_PADDING bytes past the end of a document.
    chunk.text.append(simdjson::SIMDJSON_PADDING, ' ');
    chunk.bytesDone = m_reader.bytesRead();
    chunk.bytesTotal = m_reader.totalBytes();
    chunk.documents = m_documents - documentsBefore;
    return chunk.used > 0 || chunk.documents > 0;
}

} // namespace hindsight::capture
