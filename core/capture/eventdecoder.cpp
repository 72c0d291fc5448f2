#include "core/capture/eventdecoder.h"

#include "core/capture/elementchain.h"
#include "core/capture/jsonwriter.h"
#include "core/capture/posthognames.h"
#include "core/capture/timestamp.h"
#include "core/model/fasthash.h"

#include <QCryptographicHash>
#include <cctype>
#include <cstdio>
#include <simdjson.h>
#include <unordered_map>

namespace hindsight::capture {

using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::element_type;
using simdjson::dom::object;

const char *formatName(InputFormat format)
{
    switch (format) {
    case InputFormat::PostHog:
        return "posthog";
    case InputFormat::Native:
        return "native";
    case InputFormat::Auto:
        break;
    }
    return "auto";
}

bool parseFormatName(std::string_view name, InputFormat &out)
{
    if (name == "posthog")
        out = InputFormat::PostHog;
    else if (name == "native" || name == "hindsight")
        out = InputFormat::Native;
    else if (name == "auto")
        out = InputFormat::Auto;
    else
        return false;
    return true;
}

namespace {

const char *typeName(element_type t)
{
    switch (t) {
    case element_type::ARRAY:
        return "an array";
    case element_type::OBJECT:
        return "an object";
    case element_type::INT64:
    case element_type::UINT64:
    case element_type::DOUBLE:
        return "a number";
    case element_type::STRING:
        return "a string";
    case element_type::BOOL:
        return "a boolean";
    case element_type::NULL_VALUE:
        return "null";
    }
    return "something else";
}

struct DecodeError
{
    std::string reason;
};

[[noreturn]] void refuse(std::string reason)
{
    throw DecodeError{std::move(reason)};
}

// The value of `key` in `obj`, or an element of type NULL when absent.
bool lookup(const object &obj, std::string_view key, element &out)
{
    return obj.at_key(key).get(out) == simdjson::SUCCESS;
}

// A string field; absent and null give false; any other type is an error naming the field.
bool stringField(const object &obj, std::string_view key, std::string_view path, std::string &out)
{
    element v;
    if (!lookup(obj, key, v) || v.is_null()) return false;
    std::string_view s;
    if (v.get_string().get(s) != simdjson::SUCCESS)
        refuse(std::string(path) + " must be a string, not " + typeName(v.type()));
    out.assign(s);
    return true;
}

// distinct_id may be a string or a number in PostHog events.
bool idField(const object &obj, std::string_view key, std::string_view path, std::string &out)
{
    element v;
    if (!lookup(obj, key, v) || v.is_null()) return false;
    std::string_view s;
    if (v.get_string().get(s) == simdjson::SUCCESS) {
        out.assign(s);
        return true;
    }
    if (v.is_int64() || v.is_uint64()) {
        out = simdjson::minify(v);
        return true;
    }
    refuse(std::string(path) + " must be a string or a whole number, not " + typeName(v.type()));
}

std::int64_t timestampField(const element &v, std::string_view path)
{
    std::string_view s;
    if (v.get_string().get(s) != simdjson::SUCCESS)
        refuse(std::string(path) + " must be an ISO 8601 string, not " + typeName(v.type()));
    std::string why;
    auto ms = parseIsoTimestamp(s, &why);
    if (!ms) refuse(std::string(path) + " '" + std::string(s.substr(0, 40)) + "': " + why);
    return *ms;
}

std::string derivedUuid(std::string_view json)
{
    // An event without a uuid gets one derived from its content (name-based, version 5 layout),
    // so importing the same file twice still stores it once.
    QByteArray h = QCryptographicHash::hash(QByteArrayView(json.data(), static_cast<qsizetype>(json.size())),
                                            QCryptographicHash::Sha1);
    h[6] = static_cast<char>((h[6] & 0x0F) | 0x50);
    h[8] = static_cast<char>((h[8] & 0x3F) | 0x80);
    char buf[37];
    const auto *b = reinterpret_cast<const unsigned char *>(h.constData());
    std::snprintf(buf, sizeof buf, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                  b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13],
                  b[14], b[15]);
    return buf;
}

std::string parseAndCanonicalize(std::string_view text, std::string_view path)
{
    model::ElementChain chain;
    ChainError err;
    if (!parseElementsChain(text, chain, &err))
        refuse(std::string(path) + " at position " + std::to_string(err.position) + ": " + err.reason);
    return serializeElementsChain(chain);
}

int intValue(const element &v, std::string_view path)
{
    std::int64_t i = 0;
    if (v.get_int64().get(i) == simdjson::SUCCESS && i >= 0 && i < (1 << 30)) return static_cast<int>(i);
    std::string_view s;
    if (v.get_string().get(s) == simdjson::SUCCESS) {
        int out = 0;
        bool ok = !s.empty() && s.size() < 10;
        for (char c : s)
            ok = ok && c >= '0' && c <= '9' && ((out = out * 10 + (c - '0')), true);
        if (ok) return out;
    }
    refuse(std::string(path) + " must be a non-negative whole number");
}

std::string scalarText(const element &v)
{
    std::string_view s;
    if (v.get_string().get(s) == simdjson::SUCCESS) return std::string(s);
    if (v.is_null()) return {};
    return simdjson::minify(v);
}

// PostHog's `$elements` array: [{tag_name, $el_text, classes, attr__*, attr_id, nth_child, nth_of_type,
// href}, ...]
std::string chainFromPostHogElements(const element &v, std::string_view path)
{
    array arr;
    if (v.get_array().get(arr) != simdjson::SUCCESS)
        refuse(std::string(path) + " must be an array, not " + typeName(v.type()));
    model::ElementChain chain;
    std::size_t index = 0;
    for (element item : arr) {
        const std::string here = std::string(path) + "[" + std::to_string(index++) + "]";
        object o;
        if (item.get_object().get(o) != simdjson::SUCCESS)
            refuse(here + " must be an object, not " + typeName(item.type()));
        model::Element e;
        for (auto field : o) {
            const std::string_view k = field.key;
            if (k == "tag_name") {
                e.tag = scalarText(field.value);
                for (auto &c : e.tag)
                    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            } else if (k == "$el_text" || k == "text") {
                e.text = scalarText(field.value);
            } else if (k == "href") {
                e.href = scalarText(field.value);
            } else if (k == "attr_id") {
                e.id = scalarText(field.value);
            } else if (k == "nth_child") {
                if (!field.value.is_null()) e.nthChild = intValue(field.value, here + ".nth_child");
            } else if (k == "nth_of_type") {
                if (!field.value.is_null()) e.nthOfType = intValue(field.value, here + ".nth_of_type");
            } else if (k == "classes" || k == "attr_class") {
                array classes;
                if (field.value.get_array().get(classes) == simdjson::SUCCESS) {
                    for (element c : classes)
                        e.classes.push_back(scalarText(c));
                } else if (!field.value.is_null()) {
                    std::string_view all;
                    if (field.value.get_string().get(all) != simdjson::SUCCESS)
                        refuse(here + "." + std::string(k) + " must be an array of strings");
                    std::size_t p = 0;
                    while (p < all.size()) {
                        auto q = all.find(' ', p);
                        if (q == std::string_view::npos) q = all.size();
                        if (q > p) e.classes.emplace_back(all.substr(p, q - p));
                        p = q + 1;
                    }
                }
            } else if (k.rfind("attr__", 0) == 0) {
                e.attributes.emplace_back(std::string(k.substr(6)), scalarText(field.value));
            }
        }
        if (e.id.empty())
            if (const std::string *id = e.attribute("id")) e.id = *id;
        canonicalize(e);
        chain.push_back(std::move(e));
    }
    return serializeElementsChain(chain);
}

// Printable ASCII without quotes or backslashes: a JSON string of it needs no escapes.
bool isPlainAscii(std::string_view s)
{
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\') return false;
    }
    return true;
}

// Empties an event but keeps its buffers, so decoding allocates nothing in the steady state.
void clearEvent(model::CapturedEvent &e)
{
    for (std::string *s : {&e.uuid, &e.type, &e.distinctId, &e.sessionId, &e.url, &e.title, &e.referrer,
                           &e.chain, &e.anonDistinctId, &e.properties})
        s->clear();
    e.timestampMs = 0;
    e.consent = model::Consent::Unknown;
}

} // namespace

struct EventDecoder::Impl
{
    simdjson::dom::parser parser;
    model::CapturedEvent event;
    std::string props;
    simdjson::internal::string_builder<> minifier; // reused: no allocation per property
    // Most events repeat a chain seen before: remember raw text -> canonical text and its content
    // key (bounded).
    struct CanonicalChain
    {
        std::string text;
        model::ContentKey key;
    };
    std::unordered_map<model::ContentKey, CanonicalChain, model::ContentKeyHash> chainCache;
    model::ContentKey chainKey; // of event.chain, kept up to date for EventDecoder::chainKey()
    bool chainKnown = false;    // chainKey is that of event.chain already

    const CanonicalChain &canonicalChain(std::string_view text, std::string_view path)
    {
        const model::ContentKey key = model::contentKey(text);
        if (auto it = chainCache.find(key); it != chainCache.end()) return it->second;
        CanonicalChain canonical;
        canonical.text = parseAndCanonicalize(text, path);
        canonical.key = model::contentKey(canonical.text);
        if (chainCache.size() >= 50'000) chainCache.clear();
        return chainCache.emplace(key, std::move(canonical)).first->second;
    }
    void setChain(const CanonicalChain &c)
    {
        event.chain.assign(c.text);
        chainKey = c.key;
        chainKnown = true;
    }
    void deliver(const EventSink &sink)
    {
        if (!chainKnown) chainKey = model::contentKey(event.chain);
        sink(event);
    }

    void decodePostHog(const object &obj, std::string_view raw, std::optional<std::int64_t> sentAt,
                       const EventSink &sink);
    void decodeNative(const object &obj, std::string_view raw, const EventSink &sink);
};

void EventDecoder::Impl::decodePostHog(const object &obj, std::string_view raw,
                                       std::optional<std::int64_t> envelopeSentAt, const EventSink &sink)
{
    model::CapturedEvent &e = event;
    clearEvent(e);
    chainKnown = false;
    std::string name;
    if (!stringField(obj, "event", "event", name)) refuse("missing field 'event'");
    if (name.empty()) refuse("field 'event' is empty");
    object props;
    element pv;
    const bool hasProps = lookup(obj, "properties", pv) && !pv.is_null();
    if (hasProps && pv.get_object().get(props) != simdjson::SUCCESS)
        refuse(std::string("properties must be an object, not ") + typeName(pv.type()));

    if (!stringField(obj, "uuid", "uuid", e.uuid) || e.uuid.empty()) e.uuid = derivedUuid(raw);
    if (!idField(obj, "distinct_id", "distinct_id", e.distinctId) &&
        !(hasProps && idField(props, "distinct_id", "properties.distinct_id", e.distinctId)))
        refuse("missing field 'distinct_id'");
    if (e.distinctId.empty()) refuse("field 'distinct_id' is empty");

    element tv;
    if (lookup(obj, "timestamp", tv) && !tv.is_null()) {
        e.timestampMs = timestampField(tv, "timestamp");
    } else if (element ov; lookup(obj, "offset", ov) && !ov.is_null()) {
        std::int64_t offset = 0;
        if (ov.get_int64().get(offset) != simdjson::SUCCESS) {
            double d = 0;
            if (ov.get_double().get(d) != simdjson::SUCCESS)
                refuse(std::string("offset must be a number of milliseconds, not ") + typeName(ov.type()));
            offset = static_cast<std::int64_t>(d);
        }
        std::optional<std::int64_t> sentAt = envelopeSentAt;
        if (element sv; lookup(obj, "sent_at", sv) && !sv.is_null()) sentAt = timestampField(sv, "sent_at");
        if (!sentAt) refuse("offset given without sent_at: cannot tell when the event happened");
        e.timestampMs = *sentAt - offset;
    } else {
        refuse("missing field 'timestamp' (or 'offset' with 'sent_at')");
    }

    std::string eventType;
    int urlIsString = -1; // whether $current_url is a string; -1 until needed
    std::string &out = this->props;
    out.assign("{");
    if (hasProps) {
        for (auto field : props) {
            const std::string_view k = field.key;
            const element &v = field.value;
            std::string_view s;
            const bool isString = v.get_string().get(s) == simdjson::SUCCESS;
            auto need = [&](const char *what) {
                if (!isString && !v.is_null())
                    refuse(std::string("properties.") + what + " must be a string, not " +
                           typeName(v.type()));
            };
            if (k == "$current_url") {
                need("$current_url");
                e.url.assign(s);
                continue;
            }
            if (k == "$event_type") {
                need("$event_type");
                eventType.assign(s);
                continue;
            }
            if (k == "$session_id") {
                need("$session_id");
                e.sessionId.assign(s);
                continue;
            }
            if (k == "title") {
                need("title");
                e.title.assign(s);
                continue;
            }
            if (k == "$referrer") {
                need("$referrer");
                e.referrer.assign(s);
                continue;
            }
            if (k == "$anon_distinct_id") {
                need("$anon_distinct_id");
                e.anonDistinctId.assign(s);
                continue;
            }
            if (k == "$host" || k == "$pathname") {
                if (urlIsString < 0) {
                    element cu;
                    urlIsString = lookup(props, "$current_url", cu) && cu.is_string() ? 1 : 0;
                }
                if (urlIsString == 1) continue; // derived from $current_url
            }
            if (k == "$elements_chain") {
                need("$elements_chain");
                if (isString && !s.empty()) setChain(canonicalChain(s, "properties.$elements_chain"));
                continue;
            }
            if (k == "$elements") {
                if (!v.is_null()) {
                    std::string fromArray = chainFromPostHogElements(v, "properties.$elements");
                    if (e.chain.empty()) e.chain = std::move(fromArray);
                }
                continue;
            }
            if (k == "distinct_id" && isString && s == e.distinctId) continue;
            if (k == "$opt_out" || k == "$opt_in" || k == "$consent") {
                // Consent signals (kept among the properties too): `$opt_out: true`, `$opt_in:
                // true`, or `$consent` as consent banners set it ("granted"/"denied",
                // "yes"/"no", true/false). Denied wins over granted.
                std::optional<bool> yes;
                bool flag = false;
                if (v.get_bool().get(flag) == simdjson::SUCCESS) {
                    if (k == "$consent")
                        yes = flag;
                    else if (flag)
                        yes = k == "$opt_in";
                } else if (k == "$consent" && isString) {
                    std::string lower(s);
                    for (char &c : lower)
                        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                    if (lower == "granted" || lower == "yes" || lower == "true")
                        yes = true;
                    else if (lower == "denied" || lower == "no" || lower == "false")
                        yes = false;
                }
                if (yes && !*yes)
                    e.consent = model::Consent::Denied;
                else if (yes && e.consent != model::Consent::Denied)
                    e.consent = model::Consent::Granted;
            }
            if (out.size() > 1) out.push_back(',');
            appendJsonString(out, k);
            out.push_back(':');
            if (isString && isPlainAscii(s)) {
                // Nothing to escape: what simdjson would write, without its formatter.
                out.push_back('"');
                out.append(s);
                out.push_back('"');
                continue;
            }
            minifier.clear();
            minifier.append(v);
            out += minifier.str();
        }
    }
    out.push_back('}');
    e.properties.swap(out); // the buffer comes back for the next event
    // posthog-js sends `$opt_in` when someone opts in to capturing (and nothing once opted out).
    if (name == "$opt_out")
        e.consent = model::Consent::Denied;
    else if (name == "$opt_in" && e.consent != model::Consent::Denied)
        e.consent = model::Consent::Granted;
    e.type = typeForPostHogEvent(name, eventType);
    deliver(sink);
}

void EventDecoder::Impl::decodeNative(const object &obj, std::string_view raw, const EventSink &sink)
{
    model::CapturedEvent &e = event;
    clearEvent(e);
    chainKnown = false;
    element version;
    std::int64_t v = 0;
    if (!lookup(obj, "hindsight", version) || version.get_int64().get(v) != simdjson::SUCCESS)
        refuse("missing field 'hindsight' (the format version, 1)");
    if (v != 1)
        refuse("format version " + std::to_string(v) + " is not supported (this build reads version 1)");
    if (!stringField(obj, "id", "id", e.uuid) || e.uuid.empty()) e.uuid = derivedUuid(raw);
    element tv;
    if (!lookup(obj, "time", tv) || tv.is_null()) refuse("missing field 'time'");
    e.timestampMs = timestampField(tv, "time");
    if (!stringField(obj, "type", "type", e.type) || e.type.empty()) refuse("missing field 'type'");
    if (!idField(obj, "distinct_id", "distinct_id", e.distinctId) || e.distinctId.empty())
        refuse("missing field 'distinct_id'");
    stringField(obj, "session", "session", e.sessionId);
    stringField(obj, "url", "url", e.url);
    stringField(obj, "title", "title", e.title);
    stringField(obj, "referrer", "referrer", e.referrer);
    stringField(obj, "alias", "alias", e.anonDistinctId);
    std::string consent;
    if (stringField(obj, "consent", "consent", consent)) {
        if (consent == "granted")
            e.consent = model::Consent::Granted;
        else if (consent == "denied")
            e.consent = model::Consent::Denied;
        else if (consent != "unknown")
            refuse("consent must be \"granted\", \"denied\" or \"unknown\", not '" + consent + "'");
    }
    std::string chainText;
    if (stringField(obj, "chain", "chain", chainText) && !chainText.empty())
        setChain(canonicalChain(chainText, "chain"));
    element ev;
    if (lookup(obj, "elements", ev) && !ev.is_null()) {
        array arr;
        if (ev.get_array().get(arr) != simdjson::SUCCESS)
            refuse(std::string("elements must be an array, not ") + typeName(ev.type()));
        model::ElementChain chain;
        std::size_t index = 0;
        for (element item : arr) {
            const std::string here = "elements[" + std::to_string(index++) + "]";
            object o;
            if (item.get_object().get(o) != simdjson::SUCCESS)
                refuse(here + " must be an object, not " + typeName(item.type()));
            model::Element el;
            stringField(o, "tag", here + ".tag", el.tag);
            for (auto &c : el.tag)
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            stringField(o, "id", here + ".id", el.id);
            stringField(o, "text", here + ".text", el.text);
            stringField(o, "href", here + ".href", el.href);
            element x;
            if (lookup(o, "classes", x) && !x.is_null()) {
                array classes;
                if (x.get_array().get(classes) != simdjson::SUCCESS)
                    refuse(here + ".classes must be an array of strings");
                for (element c : classes) {
                    std::string_view s;
                    if (c.get_string().get(s) != simdjson::SUCCESS)
                        refuse(here + ".classes must be an array of strings");
                    el.classes.emplace_back(s);
                }
            }
            if (lookup(o, "attributes", x) && !x.is_null()) {
                object attrs;
                if (x.get_object().get(attrs) != simdjson::SUCCESS)
                    refuse(here + ".attributes must be an object of strings");
                for (auto field : attrs) {
                    std::string_view s;
                    if (field.value.get_string().get(s) != simdjson::SUCCESS)
                        refuse(here + ".attributes." + std::string(field.key) + " must be a string");
                    el.attributes.emplace_back(std::string(field.key), std::string(s));
                }
            }
            if (lookup(o, "nth_child", x) && !x.is_null()) el.nthChild = intValue(x, here + ".nth_child");
            if (lookup(o, "nth_of_type", x) && !x.is_null())
                el.nthOfType = intValue(x, here + ".nth_of_type");
            canonicalize(el);
            chain.push_back(std::move(el));
        }
        if (e.chain.empty()) e.chain = serializeElementsChain(chain);
    }
    element pv;
    e.properties = "{}";
    if (lookup(obj, "properties", pv) && !pv.is_null()) {
        if (pv.type() != element_type::OBJECT)
            refuse(std::string("properties must be an object, not ") + typeName(pv.type()));
        e.properties = simdjson::minify(pv);
    }
    deliver(sink);
}

EventDecoder::EventDecoder(InputFormat format) : d(std::make_unique<Impl>()), m_format(format) {}
EventDecoder::~EventDecoder() = default;

const model::ContentKey &EventDecoder::chainKey() const
{
    return d->chainKey;
}

int EventDecoder::decode(std::string_view json, const EventSink &sink, const ErrorSink &onError, bool padded)
{
    element doc;
    if (auto err = d->parser.parse(json.data(), json.size(), !padded).get(doc); err != simdjson::SUCCESS) {
        std::string reason;
        switch (err) {
        case simdjson::UTF8_ERROR:
            reason = "not valid UTF-8 text (binary data?)";
            break;
        case simdjson::UNCLOSED_STRING:
            reason = "invalid JSON: a string is not closed";
            break;
        case simdjson::CAPACITY:
            reason = "the JSON document is too large";
            break;
        case simdjson::DEPTH_ERROR:
            reason = "invalid JSON: nested too deeply";
            break;
        default:
            reason = std::string("invalid JSON (") + simdjson::error_message(err) + ")";
        }
        onError(reason);
        return 0;
    }
    object obj;
    if (doc.get_object().get(obj) != simdjson::SUCCESS) {
        onError(std::string("expected a JSON object for the event, found ") + typeName(doc.type()));
        return 0;
    }
    if (m_format == InputFormat::Auto) {
        element marker;
        m_format = lookup(obj, "hindsight", marker) ? InputFormat::Native : InputFormat::PostHog;
    }
    int delivered = 0;
    auto counting = [&](model::CapturedEvent &e) {
        ++delivered;
        sink(e);
    };
    try {
        if (m_format == InputFormat::Native) {
            d->decodeNative(obj, json, counting);
            return delivered;
        }
        element batch;
        if (lookup(obj, "batch", batch) && !batch.is_null()) {
            array events;
            if (batch.get_array().get(events) != simdjson::SUCCESS)
                refuse(std::string("batch must be an array, not ") + typeName(batch.type()));
            std::optional<std::int64_t> sentAt;
            if (element sv; lookup(obj, "sent_at", sv) && !sv.is_null())
                sentAt = timestampField(sv, "sent_at");
            std::size_t index = 0;
            for (element item : events) {
                const std::size_t here = index++;
                try {
                    object ev;
                    if (item.get_object().get(ev) != simdjson::SUCCESS)
                        refuse(std::string("must be an object, not ") + typeName(item.type()));
                    const std::string raw = simdjson::minify(item);
                    d->decodePostHog(ev, raw, sentAt, counting);
                } catch (const DecodeError &e) {
                    onError("batch[" + std::to_string(here) + "]: " + e.reason);
                }
            }
            return delivered;
        }
        d->decodePostHog(obj, json, std::nullopt, counting);
    } catch (const DecodeError &e) {
        onError(e.reason);
    }
    return delivered;
}

} // namespace hindsight::capture
