#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace hindsight::privacy {

/// The kinds of personal data and credentials the detectors report.
enum class DetectorType {
    Email,
    Phone,
    CreditCard,
    Iban,
    UsSsn,
    IpAddress,
    Jwt,
    Secret,
};

inline constexpr std::array<DetectorType, 8> kAllDetectorTypes = {
    DetectorType::Email, DetectorType::Phone,     DetectorType::CreditCard, DetectorType::Iban,
    DetectorType::UsSsn, DetectorType::IpAddress, DetectorType::Jwt,        DetectorType::Secret,
};

/// "EMAIL", "PHONE", "CREDIT_CARD", "IBAN", "US_SSN", "IP_ADDRESS", "JWT", "SECRET".
std::string_view toString(DetectorType type);
/// The inverse of toString(); case-insensitive. nullopt for an unknown name.
std::optional<DetectorType> detectorTypeFromString(std::string_view name);
/// All names joined with ", " (for error messages and help texts).
std::string detectorTypeNames();

} // namespace hindsight::privacy
