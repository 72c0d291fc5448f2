#pragma once

#include "core/capture/eventdecoder.h"
#include "core/model/capturedevent.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

namespace hindsight::store {
class Store;
}

namespace hindsight::ingest {

/// What happened to one input file.
struct FileReport
{
    std::string path;
    capture::InputFormat format = capture::InputFormat::Auto;
    std::int64_t documents = 0;  ///< lines (or array elements) read
    std::int64_t events = 0;     ///< events decoded
    std::int64_t stored = 0;     ///< new interactions written
    std::int64_t duplicates = 0; ///< already in the store (same uuid)
    std::int64_t rejected = 0;   ///< lines or events refused, each reported through the issue callback
    std::int64_t dropped = 0;    ///< removed at the door by the event filter (masking rules, consent)
    bool cancelled = false;
    std::string error; ///< set when the file could not be read or the store could not be written
    bool ok() const { return error.empty(); }
};

struct ImportOptions
{
    capture::InputFormat format = capture::InputFormat::Auto;
    /// Interactions per transaction. A crash loses at most the open batch.
    int batchSize = 50'000;
    /// Runs on every event before it is written ("at the door"): may change it, or return false
    /// to drop it. Unset = keep everything.
    std::function<bool(model::CapturedEvent &)> filter;
};

/// Streams files into a store: reading and decoding run on a worker thread while this thread
/// writes, batch by batch.
class Importer
{
  public:
    using IssueSink =
        std::function<void(const std::string &file, std::int64_t line, const std::string &reason)>;
    using ProgressSink =
        std::function<void(const FileReport &soFar, std::int64_t bytesDone, std::int64_t bytesTotal)>;

    Importer(store::Store &store, ImportOptions options = {});

    /// Imports one file ("-" = standard input). Never throws; problems are in the report.
    FileReport importFile(const std::string &path, const IssueSink &onIssue,
                          const ProgressSink &onProgress = {}, const std::atomic<bool> *cancel = nullptr);

  private:
    store::Store &m_store;
    ImportOptions m_options;
};

/// The display name of an input: the path, or "<stdin>" for "-".
std::string displayName(const std::string &path);

} // namespace hindsight::ingest
