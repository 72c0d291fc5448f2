#include "core/privacy/detectortype.h"

#include "core/privacy/charclass.h"

namespace hindsight::privacy {

std::string_view toString(DetectorType type)
{
    switch (type) {
    case DetectorType::Email:
        return "EMAIL";
    case DetectorType::Phone:
        return "PHONE";
    case DetectorType::CreditCard:
        return "CREDIT_CARD";
    case DetectorType::Iban:
        return "IBAN";
    case DetectorType::UsSsn:
        return "US_SSN";
    case DetectorType::IpAddress:
        return "IP_ADDRESS";
    case DetectorType::Jwt:
        return "JWT";
    case DetectorType::Secret:
        return "SECRET";
    }
    return "UNKNOWN";
}

std::optional<DetectorType> detectorTypeFromString(std::string_view name)
{
    for (DetectorType t : kAllDetectorTypes) {
        const std::string_view canonical = toString(t);
        if (canonical.size() != name.size()) continue;
        bool same = true;
        for (std::size_t i = 0; i < name.size() && same; ++i)
            same = chars::toLower(canonical[i]) == chars::toLower(name[i]);
        if (same) return t;
    }
    return std::nullopt;
}

std::string detectorTypeNames()
{
    std::string out;
    for (DetectorType t : kAllDetectorTypes) {
        if (!out.empty()) out += ", ";
        out += toString(t);
    }
    return out;
}

} // namespace hindsight::privacy
