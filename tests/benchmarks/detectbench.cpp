// Throughput of personal-data detection (core/privacy) over realistic mixed text.
#include "core/privacy/detector.h"

#include <benchmark/benchmark.h>
#include <random>
#include <string>
#include <vector>

namespace {

/// Captured-event shaped text, seeded: prose, URLs with query strings, element texts, log lines,
/// numbers of every kind (prices, dates, ids, versions, hashes), and now and then personal data.
class MixedTextGenerator
{
  public:
    explicit MixedTextGenerator(unsigned seed) : m_rng(seed) {}

    std::vector<std::string> lines(std::size_t totalBytes, int piiPercent)
    {
        std::vector<std::string> out;
        std::size_t bytes = 0;
        while (bytes < totalBytes) {
            std::string line = this->line(piiPercent);
            bytes += line.size() + 1;
            out.push_back(std::move(line));
        }
        return out;
    }

  private:
    template <std::size_t N> const char *pick(const char *const (&list)[N])
    {
        return list[std::uniform_int_distribution<std::size_t>(0, N - 1)(m_rng)];
    }
    int number(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(m_rng); }
    bool chance(int percent) { return number(1, 100) <= percent; }

    std::string word()
    {
        static const char *const kWords[] = {
            "the",    "checkout", "button", "clicked",  "page",    "user",     "session",   "product",
            "added",  "to",       "cart",   "with",     "and",     "from",     "search",    "results",
            "filter", "price",    "order",  "shipping", "account", "settings", "profile",   "dashboard",
            "report", "export",   "chart",  "Welcome",  "back",    "Sign",     "in",        "Continue",
            "Learn",  "more",     "about",  "our",      "plans",   "pricing",  "Übersicht", "Größe",
            "café",   "naïve",    "résumé", "menu",     "footer"};
        return pick(kWords);
    }

    std::string noise()
    {
        switch (number(0, 11)) {
        case 0:
            return "$" + std::to_string(number(1, 2999)) + "." + std::to_string(number(10, 99));
        case 1:
            return "2024-0" + std::to_string(number(1, 9)) + "-1" + std::to_string(number(0, 9)) +
                   "T12:" + std::to_string(number(10, 59)) + ":00Z";
        case 2:
            return "v" + std::to_string(number(1, 9)) + "." + std::to_string(number(0, 20)) + "." +
                   std::to_string(number(0, 99));
        case 3:
            return "#" + std::to_string(number(100000, 999999)) + std::to_string(number(100, 999));
        case 4:
            return "123e4567-e89b-12d3-a456-" + std::to_string(number(100000, 999999)) + "174000";
        case 5:
            return "d41d8cd98f00b204e9800998ecf" + std::to_string(number(1000, 9999));
        case 6:
            return "https://shop.example.com/products/" + std::to_string(number(1, 99999)) +
                   "?ref=nav&page=" + std::to_string(number(1, 20));
        case 7:
            return std::to_string(number(10, 23)) + ":" + std::to_string(number(10, 59)) + ":" +
                   std::to_string(number(10, 59));
        case 8:
            return "1700" + std::to_string(number(100000, 999999)) + "000";
        case 9:
            return std::to_string(number(10000, 99999));
        case 10:
            return "std::vector<int>";
        default:
            return std::to_string(number(1, 100)) + "%";
        }
    }

    std::string pii()
    {
        switch (number(0, 9)) {
        case 0:
            return "jane.doe" + std::to_string(number(1, 999)) + "@example.org";
        case 1:
            return "+44 20 7946 " + std::to_string(number(1000, 9999));
        case 2:
            return "(415) 555-" + std::to_string(number(1000, 9999));
        case 3:
            return "4111 1111 1111 1111";
        case 4:
            return "DE89 3704 0044 0532 0130 00";
        case 5:
            return "078-05-1120";
        case 6:
            return "192.168." + std::to_string(number(0, 255)) + "." + std::to_string(number(1, 254));
        case 7:
            return "2001:db8::" + std::to_string(number(1, 9999));
        case 8:
            return "https://api.example.com/v1?access_token=9f8e7d6c5b4a39281706f5e4" +
                   std::to_string(number(10, 99));
        default:
            return "sk_live_4eC39HqLyjWDarjtT1zdp7dc";
        }
    }

    std::string line(int piiPercent)
    {
        std::string s;
        const int tokens = number(8, 40);
        for (int i = 0; i < tokens; ++i) {
            if (i) s += ' ';
            if (chance(piiPercent))
                s += pii();
            else if (chance(15))
                s += noise();
            else
                s += word();
        }
        return s;
    }

    std::mt19937 m_rng;
};

const std::vector<std::string> &corpus(int piiPercent)
{
    static const std::vector<std::string> low = MixedTextGenerator(42).lines(4 << 20, 1);
    static const std::vector<std::string> high = MixedTextGenerator(43).lines(4 << 20, 10);
    return piiPercent <= 1 ? low : high;
}

std::size_t totalBytes(const std::vector<std::string> &lines)
{
    std::size_t n = 0;
    for (const auto &l : lines)
        n += l.size();
    return n;
}

/// Detection line by line, as `hindsight detect` does it.
void BM_DetectMixedTextLines(benchmark::State &state)
{
    const auto &lines = corpus(static_cast<int>(state.range(0)));
    std::size_t findings = 0;
    for (auto _ : state) {
        for (const std::string &line : lines) {
            auto found = hindsight::privacy::detect(line);
            findings += found.size();
            benchmark::DoNotOptimize(found.data());
        }
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * totalBytes(lines)));
    state.counters["findings/iter"] =
        benchmark::Counter(static_cast<double>(findings) / static_cast<double>(state.iterations()));
}
BENCHMARK(BM_DetectMixedTextLines)->Arg(1)->Arg(10)->ArgName("pii%")->Unit(benchmark::kMillisecond);

/// Detection over one large block of text (the lines joined with newlines).
void BM_DetectMixedTextBlock(benchmark::State &state)
{
    std::string block;
    for (const std::string &line : corpus(static_cast<int>(state.range(0)))) {
        block += line;
        block += '\n';
    }
    for (auto _ : state) {
        auto found = hindsight::privacy::detect(block);
        benchmark::DoNotOptimize(found.data());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * block.size()));
}
BENCHMARK(BM_DetectMixedTextBlock)->Arg(1)->Arg(10)->ArgName("pii%")->Unit(benchmark::kMillisecond);

} // namespace
