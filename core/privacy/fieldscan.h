#pragma once

#include "core/privacy/detectoptions.h"
#include "core/privacy/finding.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// Detection on the shapes captured fields come in (plain text, a named value, a URL path, a
// query string, a hash, a whole URL), each giving the detector types found and a masked example
// that is safe to show. Used by the field audit (fieldaudit.h).
namespace hindsight::privacy {

/// What the detectors found in one captured value.
struct ScannedValue
{
    std::uint32_t types = 0; ///< one bit per DetectorType (DetectOptions::bit)
    std::string masked;      ///< the value with every finding masked (see maskWindow); empty when types == 0

    bool any() const { return types != 0; }
};

/// `value` with its findings masked by maskExample(). A long value is cut to a window around
/// its first finding (the whole words within about 24 bytes either side, "…" where cut), so an
/// example shows where the value sits without repeating much of the surrounding text; the
/// window never cuts a finding. `findings` must refer to `value`, sorted by start.
std::string maskWindow(std::string_view value, const std::vector<Finding> &findings);

/// Plain text (element text, a page title, a host).
ScannedValue scanText(std::string_view value, const DetectOptions &options);

/// The value of something named `name` (a query parameter, an attribute, a property key). The
/// detectors see `?name=value`, so the name is context: `phone=4155552671` is a phone number and
/// `token=<long value>` a secret. Only findings inside the value count.
ScannedValue scanNamedValue(std::string_view name, std::string_view value, const DetectOptions &options);

/// A URL path, one '/'-separated segment at a time (percent-decoded), since a '/' glues a value
/// to its neighbours for the detectors. The masked example keeps the other segments as they are.
ScannedValue scanPath(std::string_view path, const DetectOptions &options);

/// A URL fragment (without the '#'); it is scanned as `#hash`, so `#access_token=…` is seen as
/// a credential-named parameter.
ScannedValue scanHash(std::string_view hash, const DetectOptions &options);

/// A whole URL (an href, a referrer): host, path segments, every query parameter (as named
/// values) and the hash. With `includeQuery` false the query string is left out, also from the
/// masked example.
ScannedValue scanUrl(std::string_view url, bool includeQuery, const DetectOptions &options);

/// Percent-decodes `%XX` sequences (malformed ones stay as they are); with `plusIsSpace`, '+'
/// becomes a space (query strings).
std::string percentDecode(std::string_view text, bool plusIsSpace);

/// A query string (without '?') split at '&' and ';' into percent-decoded (name, value) pairs;
/// empty pieces are skipped, a piece without '=' has an empty value.
std::vector<std::pair<std::string, std::string>> splitQuery(std::string_view query);

/// A name (query parameter, attribute, property key) as it may appear in a field name: masked
/// when the detectors find personal data in the name itself, cut to 64 bytes with "…".
std::string safeFieldName(std::string_view name);

} // namespace hindsight::privacy
