#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace hindsight::capture {

/// Reads a file (or standard input for "-") line by line in constant memory. gzip input is
/// recognised by its magic bytes and decompressed on the fly (whatever the file is called).
/// A UTF-8 byte-order mark at the start is skipped and CRLF line ends are accepted. Lines longer
/// than maxLineBytes are reported as too long and skipped without being held in memory.
class LineReader
{
  public:
    static constexpr std::size_t kDefaultMaxLine = 16u << 20;

    LineReader() = default;
    ~LineReader();
    LineReader(const LineReader &) = delete;
    LineReader &operator=(const LineReader &) = delete;

    /// Opens `path` ("-" = standard input). Returns false with error() on failure.
    bool open(const std::string &path, std::size_t maxLineBytes = kDefaultMaxLine);

    enum class Status { Line, TooLong, End, Error };
    /// Next line, without its line end. `line` stays valid until the next call.
    Status next(std::string_view &line);

    /// The next bytes of the (decompressed) content, however they fall; for readers that do their
    /// own splitting (JSON arrays). Returns End at the end of input, Error on a read error.
    Status nextChunk(std::string_view &chunk);

    /// 1-based number of the line last returned.
    std::int64_t lineNumber() const { return m_lineNo; }
    /// Bytes read from the underlying file so far (compressed bytes for gzip), for progress.
    std::int64_t bytesRead() const;
    /// Size of the file in bytes, or -1 when unknown (standard input, pipes).
    std::int64_t totalBytes() const { return m_totalBytes; }
    bool compressed() const { return m_compressed; }
    const std::string &error() const { return m_error; }

    /// Peeks at the first bytes of the (decompressed) content without consuming them.
    std::string_view peek(std::size_t n);

  private:
    bool fill();

    void *m_gz = nullptr; // gzFile
    int m_fd = -1;
    std::string m_buffer;
    std::size_t m_begin = 0, m_end = 0;
    bool m_eof = false, m_first = true, m_compressed = false;
    std::size_t m_maxLine = kDefaultMaxLine;
    std::int64_t m_lineNo = 0, m_totalBytes = -1;
    std::string m_error;
};

} // namespace hindsight::capture
