#include "core/naming/violation.h"

namespace hindsight::naming {

std::string_view ruleId(Rule rule)
{
    switch (rule) {
    case Rule::Empty:
        return "empty";
    case Rule::Whitespace:
        return "whitespace";
    case Rule::Characters:
        return "characters";
    case Rule::MaxLength:
        return "max-length";
    case Rule::SegmentCount:
        return "segment-count";
    case Rule::Separator:
        return "separator";
    case Rule::Casing:
        return "casing";
    case Rule::AllowedValue:
        return "allowed-value";
    case Rule::UnknownVerb:
        return "unknown-verb";
    case Rule::VerbTense:
        return "verb-tense";
    case Rule::WordOrder:
        return "word-order";
    case Rule::BlockedWord:
        return "blocked-word";
    case Rule::MissingDescription:
        return "missing-description";
    case Rule::MissingOwner:
        return "missing-owner";
    case Rule::MissingCategory:
        return "missing-category";
    case Rule::VerifiedBreaksConvention:
        return "verified-breaks-convention";
    }
    return "unknown";
}

const std::vector<Rule> &allRules()
{
    static const std::vector<Rule> rules = {Rule::Empty,
                                            Rule::Whitespace,
                                            Rule::Characters,
                                            Rule::MaxLength,
                                            Rule::SegmentCount,
                                            Rule::Separator,
                                            Rule::Casing,
                                            Rule::AllowedValue,
                                            Rule::UnknownVerb,
                                            Rule::VerbTense,
                                            Rule::WordOrder,
                                            Rule::BlockedWord,
                                            Rule::MissingDescription,
                                            Rule::MissingOwner,
                                            Rule::MissingCategory,
                                            Rule::VerifiedBreaksConvention};
    return rules;
}

std::optional<Rule> parseRuleId(std::string_view id)
{
    for (Rule rule : allRules()) {
        if (ruleId(rule) == id) return rule;
    }
    return std::nullopt;
}

} // namespace hindsight::naming
