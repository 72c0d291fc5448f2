#pragma once

#include <string>
#include <string_view>

namespace hindsight::model {

/// A URL split into the parts Hindsight stores and filters on.
struct UrlParts
{
    std::string scheme;
    std::string host;  ///< lower-case host, with port when one was given
    std::string path;  ///< "/" when the URL has a host but no path
    std::string query; ///< without the leading '?'
    std::string hash;  ///< without the leading '#'
};

/// Splits an absolute or relative URL. Never fails: unparseable input lands in `path`.
UrlParts splitUrl(std::string_view url);

} // namespace hindsight::model
