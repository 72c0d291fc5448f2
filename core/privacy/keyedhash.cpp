#include "core/privacy/keyedhash.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace hindsight::privacy {

std::string hmacSha256Hex(std::string_view key, std::string_view data, std::size_t hexDigits)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
         reinterpret_cast<const unsigned char *>(data.data()), data.size(), digest, &length);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(hexDigits);
    for (std::size_t i = 0; i < length && out.size() + 2 <= hexDigits; ++i) {
        out += kHex[digest[i] >> 4];
        out += kHex[digest[i] & 15];
    }
    return out;
}

} // namespace hindsight::privacy
