#include "core/model/url.h"

#include <algorithm>
#include <cctype>

namespace hindsight::model {

UrlParts splitUrl(std::string_view url)
{
    UrlParts p;
    std::string_view rest = url;
    if (auto h = rest.find('#'); h != std::string_view::npos) {
        p.hash = std::string(rest.substr(h + 1));
        rest = rest.substr(0, h);
    }
    if (auto q = rest.find('?'); q != std::string_view::npos) {
        p.query = std::string(rest.substr(q + 1));
        rest = rest.substr(0, q);
    }
    if (auto s = rest.find("://");
        s != std::string_view::npos && s > 0 &&
        std::all_of(rest.begin(), rest.begin() + static_cast<long>(s),
                    [](unsigned char c) { return std::isalnum(c) || c == '+' || c == '-' || c == '.'; })) {
        p.scheme = std::string(rest.substr(0, s));
        std::transform(p.scheme.begin(), p.scheme.end(), p.scheme.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        rest = rest.substr(s + 3);
        auto slash = rest.find('/');
        std::string_view host = rest.substr(0, slash);
        if (auto at = host.rfind('@'); at != std::string_view::npos)
            host = host.substr(at + 1); // never keep credentials in the host
        p.host.assign(host);
        std::transform(p.host.begin(), p.host.end(), p.host.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        p.path = slash == std::string_view::npos ? std::string("/") : std::string(rest.substr(slash));
    } else {
        p.path.assign(rest);
    }
    return p;
}

} // namespace hindsight::model
