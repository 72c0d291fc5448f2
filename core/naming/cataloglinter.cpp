#include "core/naming/cataloglinter.h"

#include "core/naming/parallelfor.h"
#include "core/naming/unicodetext.h"

#include <unordered_map>

namespace hindsight::naming {

namespace {

bool blank(const std::string &value)
{
    std::size_t pos = 0;
    while (pos < value.size()) {
        if (!text::isSpace(text::nextCodePoint(value, pos))) return false;
    }
    return true;
}

bool reviewed(const CatalogEntry &entry)
{
    return entry.status != "deprecated" && entry.status != "archived";
}

} // namespace

CatalogLinter::CatalogLinter(const Convention &convention, CatalogRules rules)
    : m_names(convention), m_rules(rules)
{
}

LintReport CatalogLinter::lint(const std::vector<CatalogEntry> &entries) const
{
    // Each distinct name is checked once, on all cores for a large catalog.
    std::vector<std::size_t> entryOf;          // reviewed entries, in catalog order
    std::vector<std::size_t> checkOf;          // per reviewed entry: index into `checks`
    std::vector<const std::string *> distinct; // names to check
    {
        std::unordered_map<std::string_view, std::size_t> seen;
        for (std::size_t i = 0; i < entries.size(); ++i) {
            if (!reviewed(entries[i])) continue;
            entryOf.push_back(i);
            auto [it, inserted] = seen.emplace(entries[i].name, distinct.size());
            if (inserted) distinct.push_back(&entries[i].name);
            checkOf.push_back(it->second);
        }
    }
    std::vector<NameCheck> checks(distinct.size());
    parallelFor(
        distinct.size(), [&](std::size_t i) { checks[i] = m_names.check(*distinct[i]); }, 512,
        m_rules.threads);

    LintReport report;
    std::vector<std::string> names;
    std::vector<std::vector<std::string>> words;
    names.reserve(entryOf.size());
    words.reserve(entryOf.size());
    for (std::size_t k = 0; k < entryOf.size(); ++k) {
        const CatalogEntry &entry = entries[entryOf[k]];
        const NameCheck &check = checks[checkOf[k]];
        names.push_back(entry.name);
        words.push_back(check.words);
        std::vector<Violation> found = check.violations;
        if (m_rules.requireDescription && blank(entry.description))
            found.push_back({Rule::MissingDescription, "has no description", std::nullopt});
        if (m_rules.requireOwner && blank(entry.owner))
            found.push_back({Rule::MissingOwner, "has no owner", std::nullopt});
        if (m_rules.requireCategory && blank(entry.category))
            found.push_back({Rule::MissingCategory, "has no category", std::nullopt});
        if (entry.status == "verified" && !check.clean()) {
            std::string rules;
            for (const Violation &violation : check.violations)
                rules += (rules.empty() ? "" : ", ") + std::string(ruleId(violation.rule));
            found.push_back({Rule::VerifiedBreaksConvention,
                             "is verified but breaks the naming convention (" + rules +
                                 "); analysts rely on verified names, so a verifier should rename it",
                             check.suggestion});
        }
        for (Violation &violation : found)
            report.violations.push_back(LintFinding{entry.name, violation.rule, std::move(violation.message),
                                                    std::move(violation.suggestion)});
    }
    if (m_rules.findDuplicates) {
        const DuplicateFinder finder(m_names, m_rules.duplicates);
        report.duplicates = finder.find(names, words);
        for (DuplicateGroup &group : report.duplicates) {
            for (std::size_t &member : group.members)
                member = entryOf[member]; // indexes into `entries`
        }
    }
    return report;
}

} // namespace hindsight::naming
