#pragma once

#include "core/privacy/detector.h"

#include <string>
#include <string_view>
#include <vector>

namespace hindsight::privacy::test {

/// "TYPE:value" for every finding, in order; easy to compare and to read in a failure message.
inline std::vector<std::string> found(std::string_view text, const DetectOptions &options = {})
{
    std::vector<std::string> out;
    for (const Finding &f : detect(text, options))
        out.push_back(std::string(toString(f.type)) + ":" + std::string(text.substr(f.start, f.length())));
    return out;
}

using Found = std::vector<std::string>;

} // namespace hindsight::privacy::test
