#include "core/demo/demogenerator.h"

#include "core/capture/jsonwriter.h"
#include "core/capture/posthognames.h"
#include "core/capture/timestamp.h"
#include "core/demo/seededrandom.h"
#include "core/demo/sessionsimulator.h"
#include "core/demo/shopcatalogue.h"
#include "core/model/url.h"

#include <algorithm>
#include <cctype>
#include <memory>
#include <ostream>
#include <stdexcept>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace hindsight::demo {

namespace {

constexpr std::int64_t kHourMs = 3600LL * 1000;
constexpr std::int64_t kDayMs = 24 * kHourMs;

// Salts that keep the independent random streams apart.
constexpr std::uint64_t kSessionSalt = 0x5e55105e55105e55ULL;
constexpr std::uint64_t kVisitorPickSalt = 0x7069636b76697369ULL;
constexpr std::uint64_t kTraitSalt = 0x7472616974736565ULL;
constexpr std::uint64_t kStartSalt = 0x7374617274696d65ULL;
constexpr std::uint64_t kUuidSalt = 0x7575696476376576ULL;
constexpr std::uint64_t kSessionIdSalt = 0x73657373696f6e69ULL;
constexpr std::uint64_t kAnonSalt = 0x616e6f6e796d6f75ULL;
constexpr std::uint64_t kUserIdSalt = 0x7573657269647361ULL;

/// Share of sessions that come from a visitor never seen before.
constexpr double kNewVisitorShare = 0.42;
/// Visitors (by order of first appearance) among whom the planted email greetings are found.
constexpr std::uint32_t kPlantedVisitorRange = 4000;
/// Rough mean session length, only used to size the "recently seen visitors" window.
constexpr double kMeanSessionLength = 11.0;

/// Canonical lower-case UUIDv7: 48-bit millisecond timestamp, version 7, 12 + 62 random bits.
void formatUuidV7(std::string &out, std::int64_t ms, std::uint64_t randomBits)
{
    static constexpr char kHex[] = "0123456789abcdef";
    const std::uint64_t more = splitMix64(randomBits);
    unsigned char b[16];
    const auto ts = static_cast<std::uint64_t>(ms) & 0xFFFFFFFFFFFFULL;
    for (int i = 0; i < 6; ++i)
        b[i] = static_cast<unsigned char>(ts >> (40 - 8 * i));
    b[6] = static_cast<unsigned char>(0x70 | ((randomBits >> 8) & 0x0F));
    b[7] = static_cast<unsigned char>(randomBits & 0xFF);
    b[8] = static_cast<unsigned char>(0x80 | ((more >> 56) & 0x3F));
    for (int i = 9; i < 16; ++i)
        b[i] = static_cast<unsigned char>(more >> (8 * (15 - i)));
    char text[36];
    int k = 0;
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) text[k++] = '-';
        text[k++] = kHex[b[i] >> 4];
        text[k++] = kHex[b[i] & 15];
    }
    out.assign(text, 36);
}

/// ASCII lower-case letters of a (possibly UTF-8) name, for building email-like user ids.
std::string emailPart(std::string_view name)
{
    std::string out;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const auto c = static_cast<unsigned char>(name[i]);
        if (c < 0x80) {
            if (std::isalpha(c)) out += static_cast<char>(std::tolower(c));
        } else if (c == 0xC3 && i + 1 < name.size()) {
            const auto d = static_cast<unsigned char>(name[++i]);
            out += (d == 0xB6 || d == 0x96) ? 'o' : (d == 0xBC || d == 0x9C) ? 'u' : 'a';
        }
    }
    return out;
}

VisitorTraits traitsFor(const ShopCatalogue &shop, std::uint64_t seed, std::uint32_t visitor)
{
    SeededRandom rng(mixHash(seed ^ kTraitSalt, visitor));
    VisitorTraits t;
    int w = static_cast<int>(rng.below(static_cast<std::uint32_t>(shop.deviceProfileWeightTotal())));
    const auto &profiles = shop.deviceProfiles();
    for (std::size_t i = 0; i < profiles.size(); ++i) {
        w -= profiles[i].weight;
        if (w < 0) {
            t.profile = static_cast<int>(i);
            break;
        }
    }
    t.firstName = static_cast<int>(rng.below(static_cast<std::uint32_t>(shop.firstNameCount())));
    t.savedAddress = static_cast<int>(rng.below(static_cast<std::uint32_t>(shop.savedAddressCount())));
    // A few customers (a dozen people, some on several devices) whose account greeting shows
    // their email address: the planted "email in element text" problem. Only early visitors
    // qualify, so that the number of such people stays fixed however long the stream is.
    if (visitor < kPlantedVisitorRange && rng.below(40) == 0) {
        const auto n = static_cast<std::uint32_t>(shop.plantedEmailCount());
        t.plantedEmail = static_cast<int>(rng.below(3) == 0 ? 0 : rng.below(n)); // Jane Doe most often
    }
    return t;
}

/// The user id a visitor gets when logging in: "user-<n>", or for some an email address.
std::string userIdFor(const ShopCatalogue &shop, std::uint64_t seed, std::uint32_t visitor,
                      const VisitorTraits &traits)
{
    if (traits.plantedEmail >= 0) return shop.plantedEmail(static_cast<std::size_t>(traits.plantedEmail));
    const std::uint64_t h = mixHash(seed ^ kUserIdSalt, visitor);
    if (h % 8 == 0) {
        std::string id = emailPart(shop.firstName(static_cast<std::size_t>(traits.firstName)));
        id += '.';
        id += shop.lastName(static_cast<std::size_t>((h >> 8) % shop.lastNameCount()));
        id += std::to_string(visitor); // keeps the address unique to this visitor
        id += "@example.com";
        return id;
    }
    return "user-" + std::to_string(100000 + visitor);
}

/// JSON string literal of `value`: plain ASCII is copied in bulk, quotes and backslashes get
/// their backslash; control characters and UTF-8 are left to capture::appendJsonString.
void appendJson(std::string &out, std::string_view value, std::string &scratch)
{
    const auto plain = [](unsigned char c) { return c >= 0x20 && c < 0x80 && c != '"' && c != '\\'; };
    out += '"';
    std::size_t i = 0;
    while (i < value.size()) {
        std::size_t j = i;
        while (j < value.size() && plain(static_cast<unsigned char>(value[j])))
            ++j;
        out.append(value.data() + i, j - i);
        i = j;
        while (i < value.size() && (value[i] == '"' || value[i] == '\\')) {
            out += '\\';
            out += value[i++];
        }
        j = i;
        while (j < value.size() &&
               (static_cast<unsigned char>(value[j]) < 0x20 || static_cast<unsigned char>(value[j]) >= 0x80))
            ++j;
        if (j > i) {
            scratch.clear();
            capture::appendJsonString(scratch, value.substr(i, j - i));
            out.append(scratch, 1, scratch.size() - 2); // without its quotes
            i = j;
        }
    }
    out += '"';
}

struct SessionPlan
{
    std::int64_t start = 0; ///< already shifted so that the newest interaction is at endMs
    std::uint32_t visitor = 0;
    std::uint32_t length = 0;  ///< events emitted from this session
    std::int32_t duration = 0; ///< offset of its last emitted event
};

struct Plan
{
    std::vector<SessionPlan> sessions;
    std::vector<std::uint32_t> visitorFirstSession;
};

/// Hour-of-day and day-of-week rhythm (shop time = UTC+1): evenings and weekends are busiest.
double rhythm(std::int64_t utcMs)
{
    static constexpr double kHour[24] = {0.35, 0.20, 0.12, 0.08, 0.07, 0.10, 0.25, 0.50,
                                         0.70, 0.80, 0.85, 0.90, 1.00, 0.95, 0.85, 0.85,
                                         0.90, 1.00, 1.20, 1.50, 1.70, 1.60, 1.20, 0.70};
    static constexpr double kWeekday[7] = {1.35, 0.95, 0.90, 0.92, 0.95, 0.90, 1.25}; // Sunday first
    const std::int64_t local = utcMs + kHourMs;
    const std::int64_t day = local >= 0 ? local / kDayMs : (local - kDayMs + 1) / kDayMs;
    const auto hour = static_cast<int>((local - day * kDayMs) / kHourMs);
    const auto weekday = static_cast<int>(((day + 4) % 7 + 7) % 7); // 1970-01-01 was a Thursday
    return kHour[hour] * kWeekday[weekday];
}

/// Start times: `count` sorted draws from the rhythm over [begin, begin + span).
std::vector<std::int64_t> drawStarts(std::size_t count, std::int64_t begin, std::int64_t span,
                                     std::uint64_t seed)
{
    const std::int64_t hours = (span + kHourMs - 1) / kHourMs;
    std::vector<double> cumulative(static_cast<std::size_t>(hours));
    double sum = 0;
    for (std::int64_t h = 0; h < hours; ++h) {
        const double fraction = std::min<double>(1.0, static_cast<double>(span - h * kHourMs) / kHourMs);
        sum += rhythm(begin + h * kHourMs) * fraction;
        cumulative[static_cast<std::size_t>(h)] = sum;
    }
    SeededRandom rng(seed ^ kStartSalt);
    std::vector<std::int64_t> starts(count);
    for (auto &s : starts) {
        const double u = rng.unit() * sum;
        const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), u);
        const auto h = std::min<std::int64_t>(it - cumulative.begin(), hours - 1);
        const std::int64_t hourBegin = h * kHourMs;
        const std::int64_t hourLength = std::min(kHourMs, span - hourBegin);
        s = begin + hourBegin + static_cast<std::int64_t>(rng.unit() * static_cast<double>(hourLength));
    }
    std::sort(starts.begin(), starts.end());
    return starts;
}

/// First pass: which visitor each session belongs to and how many events it contributes (the
/// sessions are played once without text, only to learn their lengths), then the start times.
Plan makePlan(const DemoOptions &o, std::int64_t endMs, const ShopCatalogue &shop,
              const SessionSimulator &sim)
{
    Plan plan;
    const std::int64_t target = o.interactions;
    if (target <= 0) return plan;
    const auto estimatedSessions =
        static_cast<std::size_t>(static_cast<double>(target) / kMeanSessionLength) + 1;
    plan.sessions.reserve(estimatedSessions + estimatedSessions / 4);
    // A visitor comes back at the earliest some hours later (about `minGap` sessions on), so
    // that one visitor's sessions do not overlap in time; "recently" = within about two days.
    const auto days = static_cast<std::size_t>(o.days);
    const auto minGap = static_cast<std::uint32_t>(std::max<std::size_t>(1, estimatedSessions / (days * 6)));
    const auto recentWindow =
        static_cast<std::uint32_t>(std::max<std::size_t>(minGap + 16, estimatedSessions * 2 / days));

    std::vector<VisitorState> states;
    SessionScript script;
    std::int64_t total = 0;
    std::int32_t longest = 0;
    for (std::uint32_t i = 0; total < target; ++i) {
        SeededRandom pick(mixHash(o.seed ^ kVisitorPickSalt, i));
        std::uint32_t visitor = 0;
        if (i <= minGap || pick.chance(kNewVisitorShare)) {
            visitor = static_cast<std::uint32_t>(plan.visitorFirstSession.size());
            plan.visitorFirstSession.push_back(i);
            states.emplace_back();
        } else if (pick.chance(0.5)) { // back the same day or the next
            const std::uint32_t back = minGap + pick.below(std::min(i, recentWindow) - minGap + 1);
            visitor = plan.sessions[i - back].visitor;
        } else { // a returning customer from any time before (loyal ones come back more often)
            visitor = plan.sessions[pick.below(i - minGap + 1)].visitor;
        }
        const VisitorTraits traits = traitsFor(shop, o.seed, visitor);
        const bool returning = plan.visitorFirstSession[visitor] < i;
        sim.simulate(mixHash(o.seed ^ kSessionSalt, i), traits, returning, states[visitor], script);
        const auto length = static_cast<std::uint32_t>(
            std::min<std::int64_t>(static_cast<std::int64_t>(script.events.size()), target - total));
        SessionPlan s;
        s.visitor = visitor;
        s.length = length;
        s.duration = static_cast<std::int32_t>(script.events[length - 1].offsetMs);
        longest = std::max(longest, s.duration);
        plan.sessions.push_back(s);
        total += length;
    }

    const std::int64_t window = static_cast<std::int64_t>(o.days) * kDayMs;
    const std::int64_t begin = endMs - window;
    const std::int64_t span = std::max<std::int64_t>(kHourMs, window - longest);
    const auto starts = drawStarts(plan.sessions.size(), begin, span, o.seed);
    std::int64_t newest = begin;
    for (std::size_t i = 0; i < plan.sessions.size(); ++i) {
        plan.sessions[i].start = starts[i];
        newest = std::max(newest, starts[i] + plan.sessions[i].duration);
    }
    // Move everything so that the newest interaction is exactly at endMs.
    const std::int64_t shift = endMs - newest;
    for (auto &s : plan.sessions)
        s.start += shift;
    return plan;
}

/// A session that has started and still has interactions to emit.
struct ActiveSession
{
    SessionScript script;
    std::uint32_t session = 0;
    std::uint32_t cursor = 0;
    std::uint32_t length = 0;
    std::uint32_t visitor = 0;
    std::int64_t start = 0;
    int profile = 0;
    std::string sessionId;
    std::string userId;
    std::string anonId;
    std::uint16_t anonGeneration = 0;
};

struct HeapEntry
{
    std::int64_t time;
    std::uint32_t session;
    std::uint32_t slot;
};

struct LaterFirst
{
    bool operator()(const HeapEntry &a, const HeapEntry &b) const
    {
        return a.time != b.time ? a.time > b.time : a.session > b.session;
    }
};

} // namespace

DemoGenerator::DemoGenerator(DemoOptions options) : m_options(options)
{
    if (m_options.interactions < 0)
        throw std::invalid_argument("demo: the number of interactions must not be negative");
    if (m_options.interactions > kMaxInteractions)
        throw std::invalid_argument("demo: at most " + std::to_string(kMaxInteractions) +
                                    " interactions can be generated");
    if (m_options.days < 1 || m_options.days > kMaxDays)
        throw std::invalid_argument("demo: days must be between 1 and " + std::to_string(kMaxDays));
    if (m_options.endMs < 0 || (m_options.endMs != 0 && m_options.endMs < m_options.days * kDayMs))
        throw std::invalid_argument("demo: the end time must lie after 1970-01-01 plus the number of days");
}

void DemoGenerator::generate(const std::function<bool(const model::CapturedEvent &)> &sink) const
{
    const DemoOptions &o = m_options;
    if (o.interactions <= 0) return;
    const ShopCatalogue shop;
    const SessionSimulator sim(shop);
    const Plan plan = makePlan(o, endMs(), shop, sim);

    std::vector<VisitorState> states(plan.visitorFirstSession.size());
    std::vector<std::unique_ptr<ActiveSession>> slots;
    std::vector<std::uint32_t> freeSlots;
    std::vector<HeapEntry> heap;
    model::CapturedEvent ev;
    ev.consent = model::Consent::Unknown;

    auto startSession = [&](std::uint32_t i) {
        std::uint32_t slot = 0;
        if (freeSlots.empty()) {
            slot = static_cast<std::uint32_t>(slots.size());
            slots.push_back(std::make_unique<ActiveSession>());
        } else {
            slot = freeSlots.back();
            freeSlots.pop_back();
        }
        ActiveSession &a = *slots[slot];
        const SessionPlan &p = plan.sessions[i];
        const VisitorTraits traits = traitsFor(shop, o.seed, p.visitor);
        const bool returning = plan.visitorFirstSession[p.visitor] < i;
        sim.simulate(mixHash(o.seed ^ kSessionSalt, i), traits, returning, states[p.visitor], a.script);
        a.session = i;
        a.cursor = 0;
        a.length = p.length;
        a.visitor = p.visitor;
        a.start = p.start;
        a.profile = traits.profile;
        formatUuidV7(a.sessionId, p.start, mixHash(o.seed ^ kSessionIdSalt, i));
        a.userId = userIdFor(shop, o.seed, p.visitor, traits);
        a.anonGeneration = 0xFFFF; // computed on first use
        heap.push_back({p.start + a.script.events[0].offsetMs, i, slot});
        std::push_heap(heap.begin(), heap.end(), LaterFirst{});
    };

    // When each visitor's current anonymous id (generation > 0: made by a log-out) was created.
    std::vector<std::int64_t> resetAt(plan.visitorFirstSession.size(), 0);
    std::vector<std::uint16_t> resetGeneration(plan.visitorFirstSession.size(), 0);
    auto anonIdFor = [&](ActiveSession &a, std::uint16_t generation,
                         std::int64_t now) -> const std::string & {
        if (a.anonGeneration != generation) {
            // posthog-js anonymous ids are UUIDv7s made when the visitor first arrived, or when
            // posthog.reset() ran at log-out; the same id is used until the next reset.
            std::int64_t created = plan.sessions[plan.visitorFirstSession[a.visitor]].start;
            if (generation > 0) {
                if (resetGeneration[a.visitor] != generation) {
                    resetGeneration[a.visitor] = generation;
                    resetAt[a.visitor] = now;
                }
                created = resetAt[a.visitor];
            }
            formatUuidV7(
                a.anonId, created,
                mixHash(o.seed ^ kAnonSalt, (static_cast<std::uint64_t>(a.visitor) << 16) | generation));
            a.anonGeneration = generation;
        }
        return a.anonId;
    };

    const std::uint32_t sessionCount = static_cast<std::uint32_t>(plan.sessions.size());
    std::uint32_t next = 0;
    while (true) {
        if (next < sessionCount && (heap.empty() || plan.sessions[next].start <= heap.front().time)) {
            startSession(next++);
            continue;
        }
        if (heap.empty()) break;
        std::pop_heap(heap.begin(), heap.end(), LaterFirst{});
        const HeapEntry top = heap.back();
        heap.pop_back();
        ActiveSession &a = *slots[top.slot];
        const ScriptEvent &e = a.script.events[a.cursor];
        const ScriptVisit &v = a.script.visits[e.visit];

        ev.timestampMs = top.time;
        formatUuidV7(ev.uuid, top.time,
                     mixHash(o.seed ^ kUuidSalt, (static_cast<std::uint64_t>(a.session) << 16) | a.cursor));
        ev.type.assign(ShopCatalogue::typeName(e.type));
        if (e.identified)
            ev.distinctId.assign(a.userId);
        else
            ev.distinctId.assign(anonIdFor(a, e.generation, top.time));
        ev.sessionId.assign(a.sessionId);
        auto urlOf = [&](const ScriptVisit &visit) -> const std::string & {
            return (visit.url & ScriptVisit::kDynamic)
                       ? a.script.dynamicUrls[visit.url & ~ScriptVisit::kDynamic]
                       : shop.url(visit.url);
        };
        ev.url.assign(urlOf(v));
        ev.title.assign(shop.title(v.title));
        if (v.referrer >= 0)
            ev.referrer.assign(shop.referrer(static_cast<std::uint32_t>(v.referrer)));
        else
            ev.referrer.assign(urlOf(a.script.visits[e.visit - 1u]));
        if (e.chain == ScriptEvent::kNoChain)
            ev.chain.clear();
        else
            ev.chain.assign(shop.chain(e.chain));
        if (e.type == TypeIdentify)
            ev.anonDistinctId.assign(anonIdFor(a, e.generation, top.time));
        else
            ev.anonDistinctId.clear();
        ev.properties.assign(shop.properties(shop.propertiesId(a.profile, a.script.utm, e.extra)));

        if (++a.cursor < a.length) {
            heap.push_back({a.start + a.script.events[a.cursor].offsetMs, a.session, top.slot});
            std::push_heap(heap.begin(), heap.end(), LaterFirst{});
        } else {
            freeSlots.push_back(top.slot);
        }
        if (!sink(ev)) return;
    }
}

void DemoGenerator::writePostHogNdjson(std::ostream &out) const
{
    std::string buf;
    std::string scratch;
    buf.reserve(1 << 20);
    // $host and $pathname derive from the URL; the set of URLs is small, so remember the splits.
    std::unordered_map<std::string, std::pair<std::string, std::string>> split;
    bool failed = false;

    generate([&](const model::CapturedEvent &e) {
        auto it = split.find(e.url);
        if (it == split.end()) {
            if (split.size() > 100000) split.clear();
            model::UrlParts parts = model::splitUrl(e.url);
            it = split.emplace(e.url, std::make_pair(std::move(parts.host), std::move(parts.path))).first;
        }
        const capture::PostHogEventName name = capture::postHogEventForType(e.type);

        buf += "{\"uuid\":";
        appendJson(buf, e.uuid, scratch);
        buf += ",\"event\":";
        appendJson(buf, name.event, scratch);
        buf += ",\"distinct_id\":";
        appendJson(buf, e.distinctId, scratch);
        buf += ",\"timestamp\":\"";
        buf += capture::formatIsoTimestamp(e.timestampMs);
        buf += "\",\"properties\":{\"$current_url\":";
        appendJson(buf, e.url, scratch);
        buf += ",\"$host\":";
        appendJson(buf, it->second.first, scratch);
        buf += ",\"$pathname\":";
        appendJson(buf, it->second.second, scratch);
        buf += ",\"$session_id\":";
        appendJson(buf, e.sessionId, scratch);
        if (!name.eventType.empty()) {
            buf += ",\"$event_type\":";
            appendJson(buf, name.eventType, scratch);
        }
        if (!e.chain.empty()) {
            buf += ",\"$elements_chain\":";
            appendJson(buf, e.chain, scratch);
        }
        buf += ",\"title\":";
        appendJson(buf, e.title, scratch);
        if (!e.referrer.empty()) {
            buf += ",\"$referrer\":";
            appendJson(buf, e.referrer, scratch);
        }
        if (!e.anonDistinctId.empty()) {
            buf += ",\"$anon_distinct_id\":";
            appendJson(buf, e.anonDistinctId, scratch);
        }
        // The remaining properties are a compact JSON object: splice its members in.
        std::string_view rest = e.properties;
        if (rest.size() > 2 && rest.front() == '{' && rest.back() == '}') {
            buf += ',';
            buf.append(rest.substr(1, rest.size() - 2));
        }
        buf += "}}\n";
        if (buf.size() >= (1u << 20) - 4096) {
            out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
            buf.clear();
            if (!out) {
                failed = true;
                return false;
            }
        }
        return true;
    });
    if (!failed && !buf.empty()) out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
    if (failed || !out) throw std::runtime_error("demo: writing the PostHog NDJSON stream failed");
}

} // namespace hindsight::demo
