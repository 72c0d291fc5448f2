// Catalog review speed: `hindsight lint` runs in CI on every change to a definitions file, so a
// large catalog (10,000 definitions, target <= 200 ms) must lint, with duplicate detection, well
// within a build step. The names are generated (seeded) the way autocapture-era catalogs look:
// a mix of conventions and casings, wrong tenses, swapped words, stray spaces, emoji,
// typos, acronyms, numbers, non-ASCII letters and a good share of duplicates.
#include "core/naming/cataloglinter.h"
#include "core/naming/conventionpresets.h"

#include <benchmark/benchmark.h>
#include <random>
#include <string>
#include <vector>

using namespace hindsight::naming;

namespace {

constexpr std::size_t kDefinitions = 10'000;

std::vector<CatalogEntry> messyCatalog(std::size_t count)
{
    std::mt19937 rng(20240611);
    const auto below = [&rng](std::size_t n) {
        return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
    };
    const auto chance = [&rng](double p) { return std::bernoulli_distribution(p)(rng); };
    const std::vector<std::string> categories{
        "Cart",    "Checkout", "Account", "Search", "Home",    "Product", "Settings",  "Onboarding",
        "Billing", "Profile",  "Help",    "Feed",   "Pricing", "Blog",    "Dashboard", "Inbox"};
    const std::vector<std::string> objects{"Purchase Form", "Button",         "Order",
                                           "Product",       "Email",          "Password",
                                           "Coupon",        "Video",          "PDF",
                                           "URL",           "iOS App",        "Step 2",
                                           "Newsletter",    "Profile Photo",  "Search Results",
                                           "Wishlist",      "Cart Item",      "Invoice",
                                           "Plan",          "Trial",          "Notification",
                                           "Comment",       "Review",         "Photo",
                                           "API Key",       "Report",         "Filter",
                                           "Banner",        "Modal",          "Menu",
                                           "Tab",           "Link",           "Checkbox",
                                           "Dropdown",      "Survey",         "Webinar",
                                           "FAQ Item",      "Payment Method", "Shipping Address",
                                           "Gift Card",     "Café Menu",      "Step 3"};
    // base, present (Title Case), past participle (Title Case)
    const std::vector<std::vector<std::string>> verbs{{"Click", "Clicked"},
                                                      {"Submit", "Submitted"},
                                                      {"View", "Viewed"},
                                                      {"Add", "Added"},
                                                      {"Remove", "Removed"},
                                                      {"Open", "Opened"},
                                                      {"Close", "Closed"},
                                                      {"Start", "Started"},
                                                      {"Complete", "Completed"},
                                                      {"Update", "Updated"},
                                                      {"Delete", "Deleted"},
                                                      {"Send", "Sent"},
                                                      {"Buy", "Bought"},
                                                      {"Pay", "Paid"},
                                                      {"Download", "Downloaded"},
                                                      {"Share", "Shared"},
                                                      {"Apply", "Applied"},
                                                      {"Stop", "Stopped"},
                                                      {"Select", "Selected"},
                                                      {"Tap", "Tapped"},
                                                      {"Play", "Played"},
                                                      {"Pause", "Paused"},
                                                      {"Save", "Saved"},
                                                      {"Log In", "Logged In"},
                                                      {"Sign Up", "Signed Up"},
                                                      {"Hover", "Hovered"},
                                                      {"Expand", "Expanded"},
                                                      {"Copy", "Copied"},
                                                      {"Frobnicate", "Frobnicated"},
                                                      {"Write", "Written"}};
    const auto lower = [](std::string s) {
        for (char &c : s)
            c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
        return s;
    };
    const auto replaceSpaces = [](std::string s, const std::string &with) {
        std::string out;
        for (char c : s)
            out += c == ' ' ? with : std::string(1, c);
        return out;
    };
    const auto camel = [&](const std::string &s, bool pascal) {
        std::string out;
        bool upper = pascal;
        for (char c : s) {
            if (c == ' ') {
                upper = true;
                continue;
            }
            out += upper && c >= 'a' && c <= 'z'                   ? static_cast<char>(c - 32)
                   : !upper && out.empty() && c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32)
                                                                   : c;
            upper = false;
        }
        return out;
    };

    std::vector<CatalogEntry> out;
    out.reserve(count);
    while (out.size() < count) {
        CatalogEntry entry;
        entry.description = chance(0.8) ? "What this event means" : "";
        entry.owner = chance(0.85) ? "growth@example.com" : "";
        entry.category = chance(0.9) ? "Web" : "";
        entry.status = chance(0.2) ? "verified" : chance(0.05) ? "deprecated" : "draft";
        if (!out.empty() && chance(0.15)) {
            // A duplicate of an earlier definition, written another way.
            const std::string &earlier = out[below(out.size())].name;
            switch (below(4)) {
            case 0:
                entry.name = lower(replaceSpaces(earlier, "_"));
                break;
            case 1:
                entry.name = camel(earlier, false);
                break;
            case 2:
                entry.name = earlier;
                break;
            default: {
                std::string typo = earlier;
                const std::size_t at = 1 + below(typo.size() > 3 ? typo.size() - 3 : 1);
                std::swap(typo[at], typo[at + 1]);
                entry.name = typo;
            }
            }
            out.push_back(std::move(entry));
            continue;
        }
        const std::string &category = categories[below(categories.size())];
        const std::string &object = objects[below(objects.size())];
        const std::vector<std::string> &verb = verbs[below(verbs.size())];
        std::string name;
        switch (below(12)) {
        case 0:
        case 1:
        case 2:
            name = category + " - " + verb[0] + " " + object;
            break; // follows heap
        case 3:
            name = category + " - " + verb[1] + " " + object;
            break; // wrong tense
        case 4:
            name = category + " - " + object + " " + verb[0];
            break; // swapped
        case 5:
            name = object + " " + verb[1];
            break; // Segment style
        case 6:
            name = lower(replaceSpaces(object + " " + verb[1], "_"));
            break;
        case 7:
            name = camel(verb[0] + " " + object, false);
            break;
        case 8:
            name = "  " + category + " -  " + verb[0] + " " + object + " ";
            break; // stray spaces
        case 9:
            name = category + ": " + verb[0] + " " + lower(object) + (chance(0.5) ? " 🎉" : "");
            break;
        case 10:
            name = category + " " + verb[0] + " " + object + (chance(0.5) ? " (old)" : "");
            break;
        default:
            name = category + " – " + verb[0] + " " + object + " v" + std::to_string(below(4));
            break;
        }
        entry.name = std::move(name);
        out.push_back(std::move(entry));
    }
    return out;
}

// Arg: threads (0 = one per core, as `hindsight lint` runs). Time is wall-clock time; CPU is
// the time of all threads together.
void BM_LintCatalog(benchmark::State &state)
{
    const std::vector<CatalogEntry> catalog = messyCatalog(kDefinitions);
    CatalogRules rules;
    rules.threads = static_cast<std::size_t>(state.range(0));
    rules.duplicates.threads = rules.threads;
    const CatalogLinter linter(*conventionPreset("heap"), rules);
    std::size_t violations = 0, duplicates = 0;
    for (auto _ : state) {
        const LintReport report = linter.lint(catalog);
        violations = report.violations.size();
        duplicates = report.duplicates.size();
        benchmark::DoNotOptimize(report);
    }
    state.counters["violations"] = static_cast<double>(violations);
    state.counters["duplicate_groups"] = static_cast<double>(duplicates);
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(kDefinitions));
}
BENCHMARK(BM_LintCatalog)
    ->Arg(0)
    ->Arg(1)
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime()
    ->UseRealTime();

void BM_LintNamesOnly(benchmark::State &state)
{
    const std::vector<CatalogEntry> catalog = messyCatalog(kDefinitions);
    CatalogRules rules;
    rules.findDuplicates = false;
    rules.threads = 1;
    const CatalogLinter linter(*conventionPreset(state.range(0) == 0 ? "heap" : "segment"), rules);
    for (auto _ : state)
        benchmark::DoNotOptimize(linter.lint(catalog));
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(kDefinitions));
}
// Single-threaded parts: Arg 0 = heap, 1 = segment.
BENCHMARK(BM_LintNamesOnly)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_FindDuplicates(benchmark::State &state)
{
    const std::vector<CatalogEntry> catalog = messyCatalog(kDefinitions);
    std::vector<std::string> names;
    for (const CatalogEntry &entry : catalog)
        names.push_back(entry.name);
    const CatalogLinter linter(*conventionPreset("heap"));
    DuplicateOptions options;
    options.threads = 1;
    const DuplicateFinder finder(linter.names(), options);
    for (auto _ : state)
        benchmark::DoNotOptimize(finder.find(names));
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(kDefinitions));
}
BENCHMARK(BM_FindDuplicates)->Unit(benchmark::kMillisecond);

} // namespace
