#pragma once

#include "core/model/capturedevent.h"
#include "core/model/fasthash.h"

#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace hindsight::capture {

/// The input formats Hindsight reads. See docs/capture-format.md.
enum class InputFormat {
    Auto,    ///< decide from the first event: an object with a "hindsight" key is Native, else PostHog
    PostHog, ///< PostHog events: exports, posthog-js capture bodies, `{api_key, batch, sent_at}` envelopes
    Native,  ///< Hindsight's own NDJSON
};
const char *formatName(InputFormat format);
/// "posthog" / "native" / "auto"; false for anything else.
bool parseFormatName(std::string_view name, InputFormat &out);

/// Turns one JSON document (a line, or an element of a JSON array) into captured events.
/// A document is usually one event; a PostHog envelope `{"batch": [...], "sent_at": ...}`
/// yields one per batch entry. Each event that cannot be read is reported with a reason that
/// names the field; the other events of the same document are still delivered.
class EventDecoder
{
  public:
    explicit EventDecoder(InputFormat format = InputFormat::Auto);
    ~EventDecoder();
    EventDecoder(const EventDecoder &) = delete;
    EventDecoder &operator=(const EventDecoder &) = delete;

    /// Receives each event. The event may be modified or swapped out (its buffers are reused for
    /// the next event, so a sink that keeps it should std::swap it with an event of its own).
    using EventSink = std::function<void(model::CapturedEvent &)>;
    using ErrorSink = std::function<void(const std::string &reason)>;

    /// Decodes `json`. Returns the number of events delivered to `sink`. With `padded`, the
    /// caller promises that at least SIMDJSON_PADDING (64) readable bytes follow `json` in memory,
    /// and it is parsed in place instead of being copied first.
    int decode(std::string_view json, const EventSink &sink, const ErrorSink &onError, bool padded = false);

    /// The format in use: the one given, or the one detected from the first decodable document.
    InputFormat format() const { return m_format; }
    /// Sets the format (for a decoder that continues where another one detected it).
    void setFormat(InputFormat format) { m_format = format; }

    /// Inside the sink: model::contentKey() of the delivered event's chain, known from the
    /// decoder's cache of chains, so that it need not be computed again.
    const model::ContentKey &chainKey() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> d;
    InputFormat m_format;
};

} // namespace hindsight::capture
