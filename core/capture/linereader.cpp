#include "core/capture/linereader.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

namespace hindsight::capture {

namespace {
constexpr std::size_t kChunk = 1u << 20;
}

LineReader::~LineReader()
{
    if (m_gz)
        gzclose(static_cast<gzFile>(m_gz)); // also closes m_fd
    else if (m_fd > 0)
        ::close(m_fd);
}

bool LineReader::open(const std::string &path, std::size_t maxLineBytes)
{
    m_maxLine = maxLineBytes;
    if (path == "-") {
        m_fd = ::dup(0);
    } else {
        m_fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    }
    if (m_fd < 0) {
        m_error = std::string("cannot open: ") + std::strerror(errno);
        return false;
    }
    struct stat st
    {
    };
    if (::fstat(m_fd, &st) == 0) {
        if (S_ISDIR(st.st_mode)) {
            m_error = "is a directory";
            return false;
        }
        if (S_ISREG(st.st_mode)) m_totalBytes = st.st_size;
    }
    m_gz = gzdopen(m_fd, "rb");
    if (!m_gz) {
        m_error = "cannot read";
        return false;
    }
    gzbuffer(static_cast<gzFile>(m_gz), 1u << 18);
    m_buffer.resize(kChunk * 2);
    return true;
}

std::int64_t LineReader::bytesRead() const
{
    if (!m_gz) return 0;
    return static_cast<std::int64_t>(gzoffset(static_cast<gzFile>(m_gz)));
}

bool LineReader::fill()
{
    if (m_eof) return false;
    if (m_begin > 0) {
        std::memmove(m_buffer.data(), m_buffer.data() + m_begin, m_end - m_begin);
        m_end -= m_begin;
        m_begin = 0;
    }
    if (m_buffer.size() - m_end < kChunk) m_buffer.resize(m_end + kChunk);
    const int got = gzread(static_cast<gzFile>(m_gz), m_buffer.data() + m_end, static_cast<unsigned>(kChunk));
    if (got < 0) {
        int code = 0;
        const char *msg = gzerror(static_cast<gzFile>(m_gz), &code);
        m_error = std::string("read error: ") + (code == Z_ERRNO ? std::strerror(errno) : msg);
        m_eof = true;
        return false;
    }
    if (m_first) {
        m_first = false;
        m_compressed = gzdirect(static_cast<gzFile>(m_gz)) == 0;
    }
    if (got == 0) {
        m_eof = true;
        // A truncated gzip stream reports itself only at the end.
        int code = 0;
        gzerror(static_cast<gzFile>(m_gz), &code);
        if (code != Z_OK && code != Z_BUF_ERROR) {
            m_error = "corrupt compressed data";
        } else if (code == Z_BUF_ERROR && m_compressed) {
            m_error = "compressed data ends unexpectedly (truncated gzip file)";
        }
        return false;
    }
    m_end += static_cast<std::size_t>(got);
    return true;
}

std::string_view LineReader::peek(std::size_t n)
{
    while (m_end - m_begin < n && fill()) {
    }
    std::string_view v(m_buffer.data() + m_begin, std::min(n, m_end - m_begin));
    if (m_lineNo == 0 && v.size() >= 3 && v.substr(0, 3) == "\xEF\xBB\xBF") v.remove_prefix(3);
    return v;
}

LineReader::Status LineReader::nextChunk(std::string_view &chunk)
{
    if (m_begin == m_end) {
        m_begin = m_end = 0;
        if (!fill()) return m_error.empty() ? Status::End : Status::Error;
    }
    chunk = std::string_view(m_buffer.data() + m_begin, m_end - m_begin);
    if (m_lineNo == 0 && chunk.substr(0, 3) == "\xEF\xBB\xBF") chunk.remove_prefix(3);
    m_lineNo = 1; // the BOM is only looked for once
    m_begin = m_end;
    return Status::Line;
}

LineReader::Status LineReader::next(std::string_view &line)
{
    bool tooLong = false;
    std::size_t scanFrom = m_begin;
    for (;;) {
        const char *start = m_buffer.data() + scanFrom;
        const void *nl = std::memchr(start, '\n', m_end - scanFrom);
        if (nl) {
            const std::size_t pos = static_cast<std::size_t>(static_cast<const char *>(nl) - m_buffer.data());
            std::size_t lineEnd = pos;
            const std::size_t lineBegin = m_begin;
            m_begin = pos + 1;
            ++m_lineNo;
            if (tooLong) return Status::TooLong;
            if (lineEnd > lineBegin && m_buffer[lineEnd - 1] == '\r') --lineEnd;
            line = std::string_view(m_buffer.data() + lineBegin, lineEnd - lineBegin);
            if (m_lineNo == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
            return Status::Line;
        }
        if (m_end - m_begin > m_maxLine) {
            // Drop what we have of this line and keep scanning for its end.
            tooLong = true;
            m_begin = m_end = 0;
        }
        const std::size_t scanned = m_end - m_begin; // fill() may move the data to the front
        if (!fill()) {
            if (!m_error.empty()) return Status::Error;
            if (m_end > m_begin || tooLong) {
                ++m_lineNo;
                if (tooLong) {
                    m_begin = m_end;
                    return Status::TooLong;
                }
                std::size_t lineEnd = m_end;
                if (m_buffer[lineEnd - 1] == '\r') --lineEnd;
                line = std::string_view(m_buffer.data() + m_begin, lineEnd - m_begin);
                m_begin = m_end;
                if (m_lineNo == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
                return Status::Line;
            }
            return Status::End;
        }
        scanFrom = m_begin + scanned;
    }
}

} // namespace hindsight::capture
