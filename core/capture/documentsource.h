#pragma once

#include "core/capture/linereader.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace hindsight::capture {

/// A run of consecutive documents of one input, copied out of the reader so that it can be
/// decoded on another thread. Documents lie back to back in one buffer that ends with enough
/// padding for simdjson to parse each of them in place.
struct DocumentChunk
{
    struct Entry
    {
        std::size_t offset = 0, size = 0; ///< the document's bytes in `text` (when not an issue)
        std::int64_t line = 0;            ///< 1-based line the document starts on
        bool isIssue = false;             ///< a problem found while splitting (then `reason`)
        std::string reason;
    };

    std::string text;
    std::vector<Entry> entries;
    std::size_t used = 0;         ///< entries in use (the vector is reused)
    std::int64_t bytesDone = 0;   ///< bytes of the file read once this chunk was taken
    std::int64_t bytesTotal = -1; ///< the file's size, -1 when unknown
    std::int64_t documents = 0;   ///< documents (and empty lines) this chunk covers

    std::string_view document(const Entry &e) const { return {text.data() + e.offset, e.size}; }
    void clear();
};

/// Splits one input file (or "-" for standard input) into documents: the lines of NDJSON, or the
/// elements of a JSON array (decided from the first byte that is not white space), plain or
/// gzip-compressed, in constant memory. Empty lines are skipped; lines or elements over 16 MiB
/// are reported as issues, as is a malformed array. Not thread-safe: callers take turns.
class DocumentSource
{
  public:
    explicit DocumentSource(std::string path);
    ~DocumentSource();
    DocumentSource(const DocumentSource &) = delete;
    DocumentSource &operator=(const DocumentSource &) = delete;

    /// Opens the input. Returns false with error() when it cannot be opened.
    bool open();

    /// Clears `chunk` and fills it with the next documents, up to `maxDocuments` entries or about
    /// `maxBytes` of text (at least one document). Returns false when the input has ended
    /// (error() then says whether it ended on a read error) and nothing was added.
    bool fill(DocumentChunk &chunk, std::size_t maxDocuments, std::size_t maxBytes);

    const std::string &error() const { return m_error; }
    /// Documents (lines or array elements) seen so far, including empty lines skipped.
    std::int64_t documents() const { return m_documents; }

  private:
    class ArraySplitter;

    std::string m_path;
    LineReader m_reader;
    std::unique_ptr<ArraySplitter> m_splitter; // set for a JSON array
    std::string_view m_pending;                // array text read but not yet split
    bool m_ended = false;
    std::string m_error;
    std::int64_t m_documents = 0;
};

} // namespace hindsight::capture
