#include "core/capture/eventreader.h"

#include "core/capture/linereader.h"

namespace hindsight::capture {

namespace {

constexpr std::size_t kMaxDocument = LineReader::kDefaultMaxLine;

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// Splits a streamed top-level JSON array into its elements without holding more than one.
class ArraySplitter
{
  public:
    using Emit = std::function<void(std::string_view element, std::int64_t line)>;
    using Issue = std::function<void(std::int64_t line, const std::string &reason)>;

    void feed(std::string_view chunk, const Emit &emit, const Issue &issue)
    {
        for (char c : chunk) {
            if (c == '\n') ++m_line;
            switch (m_state) {
            case State::BeforeArray:
                if (isSpace(c)) break;
                if (c != '[') {
                    issue(m_line, "expected '[' at the start of a JSON array");
                    m_state = State::Broken;
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
                        finish(emit, issue);
                        m_state = State::AfterArray;
                        break;
                    }
                    if (--m_depth == 0) {
                        finish(emit, issue);
                        m_state = State::BeforeElement;
                    }
                } else if (c == ',' && m_depth == 0) {
                    if (!m_buffer.empty()) m_buffer.pop_back();
                    finish(emit, issue);
                    m_state = State::BeforeElement;
                }
                break;
            case State::AfterArray:
                if (!isSpace(c)) {
                    issue(m_line, "unexpected text after the end of the JSON array");
                    m_state = State::Broken;
                }
                break;
            case State::Broken:
                return;
            }
        }
    }

    void end(const Issue &issue)
    {
        if (m_state == State::InElement || m_state == State::BeforeElement)
            issue(m_startLine ? m_startLine : m_line, "the JSON array is not closed (file truncated?)");
    }

  private:
    void finish(const Emit &emit, const Issue &issue)
    {
        if (m_tooLarge) {
            issue(m_startLine, "event larger than 16 MiB; skipped");
            return;
        }
        emit(m_buffer, m_startLine);
    }

    enum class State { BeforeArray, BeforeElement, InElement, AfterArray, Broken };
    State m_state = State::BeforeArray;
    int m_depth = 0;
    bool m_inString = false, m_escape = false, m_tooLarge = false;
    std::int64_t m_line = 1, m_startLine = 0;
    std::string m_buffer;
};

} // namespace

EventReader::EventReader(std::string path, InputFormat format) : m_path(std::move(path)), m_decoder(format) {}

bool EventReader::run(const EventSink &onEvent, const IssueSink &onIssue, const ProgressSink &onProgress,
                      const std::atomic<bool> *cancel)
{
    LineReader reader;
    if (!reader.open(m_path)) {
        m_error = reader.error();
        return false;
    }
    std::int64_t currentLine = 0;
    auto deliver = [&](model::CapturedEvent &e) { onEvent(e, currentLine); };
    auto reject = [&](const std::string &reason) { onIssue(currentLine, reason); };
    std::int64_t sinceProgress = 0;
    auto progress = [&] {
        if (onProgress && ++sinceProgress >= 4096) {
            sinceProgress = 0;
            onProgress(reader.bytesRead(), reader.totalBytes());
        }
    };

    // A JSON array starts with '['; everything else is read as NDJSON.
    std::string_view head = reader.peek(4096);
    std::size_t firstNonSpace = 0;
    while (firstNonSpace < head.size() && isSpace(head[firstNonSpace]))
        ++firstNonSpace;
    if (firstNonSpace < head.size() && head[firstNonSpace] == '[') {
        ArraySplitter splitter;
        std::string_view chunk;
        for (;;) {
            if (cancel && cancel->load(std::memory_order_relaxed)) {
                m_cancelled = true;
                break;
            }
            const auto status = reader.nextChunk(chunk);
            if (status == LineReader::Status::End) break;
            if (status == LineReader::Status::Error) {
                m_error = reader.error();
                return false;
            }
            splitter.feed(
                chunk,
                [&](std::string_view doc, std::int64_t line) {
                    currentLine = line;
                    ++m_documents;
                    m_decoder.decode(doc, deliver, reject);
                    progress();
                },
                onIssue);
        }
        if (!m_cancelled) splitter.end(onIssue);
    } else {
        std::string_view line;
        for (;;) {
            if (cancel && cancel->load(std::memory_order_relaxed)) {
                m_cancelled = true;
                break;
            }
            const auto status = reader.next(line);
            if (status == LineReader::Status::End) break;
            if (status == LineReader::Status::Error) {
                m_error = reader.error();
                return false;
            }
            currentLine = reader.lineNumber();
            ++m_documents;
            if (status == LineReader::Status::TooLong) {
                onIssue(currentLine, "line longer than 16 MiB; skipped");
                continue;
            }
            std::size_t a = 0;
            while (a < line.size() && isSpace(line[a]))
                ++a;
            if (a == line.size()) continue; // empty lines are allowed between events
            m_decoder.decode(line, deliver, reject);
            progress();
        }
    }
    if (onProgress) onProgress(reader.bytesRead(), reader.totalBytes());
    return true;
}

} // namespace hindsight::capture
