#include "core/privacy/fieldscan.h"

#include "core/model/url.h"
#include "core/privacy/detector.h"
#include "core/privacy/masking.h"

namespace hindsight::privacy {

namespace {

constexpr std::size_t kExampleContext = 24;
constexpr std::size_t kMaxFieldName = 64;

bool isContinuation(char c)
{
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

std::uint32_t typeBits(const std::vector<Finding> &findings)
{
    std::uint32_t bits = 0;
    for (const Finding &f : findings)
        bits |= DetectOptions::bit(f.type);
    return bits;
}

ScannedValue fromFindings(std::string_view value, const std::vector<Finding> &findings)
{
    ScannedValue out;
    out.types = typeBits(findings);
    if (out.types) out.masked = maskWindow(value, findings);
    return out;
}

/// Detection on `prefix + value`, keeping only the findings inside `value`, shifted to it.
std::vector<Finding> detectAfter(std::string_view prefix, std::string_view value,
                                 const DetectOptions &options)
{
    std::string text;
    text.reserve(prefix.size() + value.size());
    text.append(prefix);
    text.append(value);
    std::vector<Finding> found = detect(text, options);
    std::vector<Finding> kept;
    for (Finding f : found) {
        if (f.start < prefix.size()) continue;
        f.start -= prefix.size();
        f.end -= prefix.size();
        kept.push_back(f);
    }
    return kept;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

} // namespace

std::string maskWindow(std::string_view value, const std::vector<Finding> &findings)
{
    if (findings.empty()) return std::string(value);
    const Finding &first = findings.front();
    std::size_t begin = first.start > kExampleContext ? first.start - kExampleContext : 0;
    std::size_t end = std::min(value.size(), first.end + kExampleContext);
    // Whole words of context only: a cut word is dropped.
    if (begin > 0 && value[begin - 1] != ' ') {
        const std::size_t space = value.find(' ', begin);
        begin = space != std::string_view::npos && space < first.start ? space + 1 : first.start;
    }
    if (end < value.size() && value[end] != ' ') {
        const std::size_t space = value.rfind(' ', end);
        end = space != std::string_view::npos && space >= first.end ? space : first.end;
    }
    // Never cut through a finding: that would show part of it unmasked.
    for (const Finding &f : findings) {
        if (f.start < begin && f.end > begin) begin = f.start;
        if (f.start < end && f.end > end) end = std::min(value.size(), f.end);
    }
    while (begin > 0 && begin < value.size() && isContinuation(value[begin]))
        ++begin;
    while (end < value.size() && end > begin && isContinuation(value[end]))
        --end;
    std::vector<Finding> inside;
    for (const Finding &f : findings) {
        if (f.start >= begin && f.end <= end) {
            Finding g = f;
            g.start -= begin;
            g.end -= begin;
            inside.push_back(g);
        }
    }
    std::string out;
    if (begin > 0) out += "…";
    out += maskExample(value.substr(begin, end - begin), inside);
    if (end < value.size()) out += "…";
    return out;
}

ScannedValue scanText(std::string_view value, const DetectOptions &options)
{
    if (value.empty()) return {};
    return fromFindings(value, detect(value, options));
}

ScannedValue scanNamedValue(std::string_view name, std::string_view value, const DetectOptions &options)
{
    if (value.empty()) return {};
    std::string prefix;
    prefix.reserve(name.size() + 2);
    prefix += '?';
    prefix += name;
    prefix += '=';
    return fromFindings(value, detectAfter(prefix, value, options));
}

ScannedValue scanPath(std::string_view path, const DetectOptions &options)
{
    ScannedValue out;
    std::vector<std::pair<std::string_view, std::string>> segments; // raw, masked ("" = unchanged)
    std::size_t pos = 0;
    while (pos <= path.size()) {
        const std::size_t slash = std::min(path.find('/', pos), path.size());
        const std::string_view raw = path.substr(pos, slash - pos);
        std::string masked;
        if (!raw.empty()) {
            const std::string decoded = percentDecode(raw, false);
            const std::vector<Finding> found = detect(decoded, options);
            if (!found.empty()) {
                out.types |= typeBits(found);
                masked = maskWindow(decoded, found);
            }
        }
        segments.emplace_back(raw, std::move(masked));
        pos = slash + 1;
    }
    if (!out.types) return out;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        if (i) out.masked += '/';
        out.masked += segments[i].second.empty() ? std::string(segments[i].first) : segments[i].second;
    }
    return out;
}

ScannedValue scanHash(std::string_view hash, const DetectOptions &options)
{
    if (hash.empty()) return {};
    return fromFindings(hash, detectAfter("#", hash, options));
}

ScannedValue scanUrl(std::string_view url, bool includeQuery, const DetectOptions &options)
{
    const model::UrlParts parts = model::splitUrl(url);
    const ScannedValue host = scanText(parts.host, options);
    const ScannedValue path = scanPath(parts.path, options);
    std::vector<std::pair<std::string, ScannedValue>> params;
    std::vector<std::pair<std::string, std::string>> query;
    if (includeQuery) {
        query = splitQuery(parts.query);
        for (const auto &[name, value] : query)
            params.emplace_back(name, scanNamedValue(name, value, options));
    }
    const ScannedValue hash = scanHash(parts.hash, options);

    ScannedValue out;
    out.types = host.types | path.types | hash.types;
    for (const auto &p : params)
        out.types |= p.second.types;
    if (!out.types) return out;
    if (!parts.scheme.empty()) out.masked += parts.scheme + "://";
    out.masked += host.any() ? host.masked : parts.host;
    out.masked += path.any() ? path.masked : parts.path;
    if (includeQuery && !parts.query.empty()) {
        out.masked += '?';
        for (std::size_t i = 0; i < query.size(); ++i) {
            if (i) out.masked += '&';
            out.masked += safeFieldName(query[i].first);
            out.masked += '=';
            out.masked += params[i].second.any() ? params[i].second.masked : query[i].second;
        }
    }
    if (!parts.hash.empty()) {
        out.masked += '#';
        out.masked += hash.any() ? hash.masked : parts.hash;
    }
    return out;
}

std::string percentDecode(std::string_view text, bool plusIsSpace)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '%' && i + 2 < text.size()) {
            const int hi = hexValue(text[i + 1]);
            const int lo = hexValue(text[i + 2]);
            if (hi >= 0 && lo >= 0) {
                out += static_cast<char>(hi * 16 + lo);
                i += 2;
                continue;
            }
        }
        out += (plusIsSpace && c == '+') ? ' ' : c;
    }
    return out;
}

std::vector<std::pair<std::string, std::string>> splitQuery(std::string_view query)
{
    std::vector<std::pair<std::string, std::string>> out;
    std::size_t pos = 0;
    while (pos < query.size()) {
        std::size_t end = query.find_first_of("&;", pos);
        if (end == std::string_view::npos) end = query.size();
        const std::string_view piece = query.substr(pos, end - pos);
        if (!piece.empty()) {
            const std::size_t eq = piece.find('=');
            if (eq == std::string_view::npos)
                out.emplace_back(percentDecode(piece, true), std::string());
            else
                out.emplace_back(percentDecode(piece.substr(0, eq), true),
                                 percentDecode(piece.substr(eq + 1), true));
        }
        pos = end + 1;
    }
    return out;
}

std::string safeFieldName(std::string_view name)
{
    const std::vector<Finding> found = detect(name);
    std::string out = found.empty() ? std::string(name) : maskExample(name, found);
    if (out.size() > kMaxFieldName) {
        std::size_t cut = kMaxFieldName;
        while (cut > 0 && isContinuation(out[cut]))
            --cut;
        out.resize(cut);
        out += "…";
    }
    return out;
}

} // namespace hindsight::privacy
