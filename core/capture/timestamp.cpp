#include "core/capture/timestamp.h"

#include <cstdio>

namespace hindsight::capture {

std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d)
{
    // Howard Hinnant's days_from_civil.
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

namespace {

bool digits(std::string_view s, std::size_t pos, std::size_t n, int &out)
{
    if (pos + n > s.size()) return false;
    int v = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        v = v * 10 + (s[i] - '0');
    }
    out = v;
    return true;
}

bool isLeap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

std::optional<std::int64_t> refuse(std::string *error, const std::string &why)
{
    if (error) *error = why;
    return std::nullopt;
}

} // namespace

std::optional<std::int64_t> parseIsoTimestamp(std::string_view s, std::string *error)
{
    int year, month, day, hour, minute, second = 0;
    if (!digits(s, 0, 4, year) || s.size() < 10 || s[4] != '-' || !digits(s, 5, 2, month) || s[7] != '-' ||
        !digits(s, 8, 2, day))
        return refuse(error, "not an ISO 8601 date-time (expected YYYY-MM-DDTHH:MM:SS)");
    std::size_t p = 10;
    std::int64_t millis = 0;
    hour = minute = 0;
    if (p < s.size() && (s[p] == 'T' || s[p] == 't' || s[p] == ' ')) {
        if (!digits(s, p + 1, 2, hour) || p + 3 >= s.size() || s[p + 3] != ':' ||
            !digits(s, p + 4, 2, minute))
            return refuse(error, "not an ISO 8601 time (expected HH:MM after the date)");
        p += 6;
        if (p < s.size() && s[p] == ':') {
            if (!digits(s, p + 1, 2, second)) return refuse(error, "seconds must be two digits");
            p += 3;
            if (p < s.size() && (s[p] == '.' || s[p] == ',')) {
                ++p;
                int scale = 100, n = 0;
                while (p < s.size() && s[p] >= '0' && s[p] <= '9') {
                    if (scale > 0) {
                        millis += (s[p] - '0') * scale;
                        scale /= 10;
                    }
                    ++p;
                    ++n;
                }
                if (n == 0) return refuse(error, "a decimal point must be followed by digits");
            }
        }
    }
    if (month < 1 || month > 12) return refuse(error, "month " + std::to_string(month) + " does not exist");
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const int monthDays = kDays[month - 1] + (month == 2 && isLeap(year) ? 1 : 0);
    if (day < 1 || day > monthDays)
        return refuse(error, "day " + std::to_string(day) + " does not exist in " + std::to_string(year) +
                                 "-" + (month < 10 ? "0" : "") + std::to_string(month));
    if (hour > 23 || minute > 59 || second > 60) return refuse(error, "time of day out of range");
    if (second == 60) second = 59; // a leap second lands on the last representable instant of its minute
    int offsetMinutes = 0;
    if (p < s.size()) {
        const char c = s[p];
        if ((c == 'Z' || c == 'z') && p + 1 == s.size()) {
            p += 1;
        } else if (c == '+' || c == '-') {
            int oh = 0, om = 0;
            if (!digits(s, p + 1, 2, oh)) return refuse(error, "UTC offset must be ±HH, ±HHMM or ±HH:MM");
            std::size_t q = p + 3;
            if (q < s.size()) {
                if (s[q] == ':') ++q;
                if (!digits(s, q, 2, om)) return refuse(error, "UTC offset must be ±HH, ±HHMM or ±HH:MM");
                q += 2;
            }
            if (q != s.size()) return refuse(error, "unexpected text after the UTC offset");
            if (oh > 23 || om > 59) return refuse(error, "UTC offset out of range");
            offsetMinutes = (oh * 60 + om) * (c == '-' ? -1 : 1);
        } else {
            return refuse(error, "unexpected text after the time");
        }
    }
    const std::int64_t days = daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
    const std::int64_t secs = days * 86400 + hour * 3600 + minute * 60 + second - offsetMinutes * 60;
    return secs * 1000 + millis;
}

std::string formatIsoTimestamp(std::int64_t ms)
{
    std::int64_t secs = ms / 1000;
    std::int64_t rem = ms % 1000;
    if (rem < 0) {
        rem += 1000;
        --secs;
    }
    std::int64_t days = secs / 86400;
    std::int64_t sod = secs % 86400;
    if (sod < 0) {
        sod += 86400;
        --days;
    }
    // civil_from_days
    const std::int64_t z = days + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t y0 = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t y = y0 + (m <= 2);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02lld:%02lld:%02lld.%03lldZ", static_cast<long long>(y),
                  m, d, static_cast<long long>(sod / 3600), static_cast<long long>(sod / 60 % 60),
                  static_cast<long long>(sod % 60), static_cast<long long>(rem));
    return buf;
}

} // namespace hindsight::capture
