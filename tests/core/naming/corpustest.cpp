// The naming corpus (tests/core/naming/corpus.tsv): over 200 names a real catalog holds, good,
// bad and tricky, each with the verdict, suggestion and rules expected under every preset.
#include "core/naming/conventionpresets.h"
#include "core/naming/namelinter.h"
#include "tests/support/tempdir.h"
#include "tests/support/testpaths.h"

#include <gtest/gtest.h>
#include <map>
#include <set>
#include <sstream>

using namespace hindsight::naming;

namespace {

struct CorpusRow
{
    int line;
    std::string preset;
    std::string name;
    bool clean;
    std::optional<std::string> suggestion;
    std::vector<std::string> rules;
};

void appendUtf8(std::string &out, unsigned cp)
{
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

/// \t, \\, \uXXXX and \e (the empty string), as the corpus header describes.
std::string unescape(const std::string &field)
{
    if (field == "\\e") return "";
    std::string out;
    for (std::size_t i = 0; i < field.size(); ++i) {
        if (field[i] != '\\' || i + 1 >= field.size()) {
            out += field[i];
            continue;
        }
        const char kind = field[++i];
        if (kind == 't') {
            out += '\t';
        } else if (kind == '\\') {
            out += '\\';
        } else if (kind == 'u' && i + 4 < field.size()) {
            appendUtf8(out, static_cast<unsigned>(std::stoul(field.substr(i + 1, 4), nullptr, 16)));
            i += 4;
        } else {
            ADD_FAILURE() << "unknown escape \\" << kind << " in " << field;
        }
    }
    return out;
}

std::vector<std::string> splitOn(const std::string &line, char separator)
{
    std::vector<std::string> out;
    std::string field;
    std::istringstream in(line);
    while (std::getline(in, field, separator))
        out.push_back(field);
    if (!line.empty() && line.back() == separator) out.emplace_back();
    return out;
}

std::vector<CorpusRow> readCorpus()
{
    const std::string path = std::string(hindsight::test::kSourceDir) + "/tests/core/naming/corpus.tsv";
    const std::string content = hindsight::test::readFile(path);
    EXPECT_FALSE(content.empty()) << "cannot read " << path;
    std::vector<CorpusRow> rows;
    std::istringstream in(content);
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (line.empty() || line[0] == '#') continue;
        const std::vector<std::string> fields = splitOn(line, '\t');
        if (fields.size() != 5) {
            ADD_FAILURE() << "corpus.tsv:" << number << ": expected 5 tab-separated fields, found "
                          << fields.size();
            continue;
        }
        CorpusRow row{number, fields[0], unescape(fields[1]), fields[2] == "clean", std::nullopt, {}};
        EXPECT_TRUE(fields[2] == "clean" || fields[2] == "violations") << "corpus.tsv:" << number;
        if (fields[3] != "-") row.suggestion = unescape(fields[3]);
        if (fields[4] != "-") row.rules = splitOn(fields[4], ',');
        rows.push_back(std::move(row));
    }
    return rows;
}

const NameLinter &linterFor(const std::string &id)
{
    static std::map<std::string, NameLinter> linters = [] {
        std::map<std::string, NameLinter> out;
        for (const std::string &preset : conventionPresetIds())
            out.emplace(preset, NameLinter(*conventionPreset(preset)));
        return out;
    }();
    return linters.at(id);
}

} // namespace

TEST(NamingCorpus, HasTwoHundredNamesUnderEveryPreset)
{
    const std::vector<CorpusRow> rows = readCorpus();
    std::map<std::string, std::set<std::string>> presetsByName;
    for (const CorpusRow &row : rows) {
        const auto ids = conventionPresetIds();
        EXPECT_NE(std::find(ids.begin(), ids.end(), row.preset), ids.end()) << "line " << row.line;
        EXPECT_TRUE(presetsByName[row.name].insert(row.preset).second)
            << "line " << row.line << ": “" << row.name << "” twice under " << row.preset;
    }
    EXPECT_GE(presetsByName.size(), 200u);
    for (const auto &[name, presets] : presetsByName)
        EXPECT_EQ(presets.size(), conventionPresetIds().size())
            << "“" << name << "” is not under every preset";

    // The corpus covers what is hard: every rule, clean names under each preset, acronyms,
    // numbers, other scripts, emoji and stray spaces.
    std::set<std::string> rules;
    std::map<std::string, int> cleanPerPreset;
    bool emoji = false, nonAscii = false, straySpaces = false;
    for (const CorpusRow &row : rows) {
        rules.insert(row.rules.begin(), row.rules.end());
        cleanPerPreset[row.preset] += row.clean ? 1 : 0;
        emoji = emoji || row.name.find("\xF0\x9F") != std::string::npos;
        nonAscii = nonAscii || row.name.find("\xC3") != std::string::npos;
        straySpaces = straySpaces || row.name.find("  ") != std::string::npos;
    }
    for (const char *rule : {"empty", "whitespace", "characters", "max-length", "segment-count", "separator",
                             "casing", "unknown-verb", "verb-tense", "word-order", "blocked-word"})
        EXPECT_TRUE(rules.count(rule)) << rule;
    for (const std::string &preset : conventionPresetIds())
        EXPECT_GE(cleanPerPreset[preset], 15) << preset;
    EXPECT_TRUE(emoji && nonAscii && straySpaces);
}

TEST(NamingCorpus, EveryVerdictSuggestionAndRule)
{
    int checkedRows = 0;
    for (const CorpusRow &row : readCorpus()) {
        const NameCheck check = linterFor(row.preset).check(row.name);
        std::vector<std::string> rules;
        for (const Violation &violation : check.violations)
            rules.emplace_back(ruleId(violation.rule));
        const std::string where =
            "corpus.tsv:" + std::to_string(row.line) + " " + row.preset + " “" + row.name + "”";
        EXPECT_EQ(check.clean(), row.clean) << where;
        EXPECT_EQ(check.suggestion, row.suggestion) << where;
        EXPECT_EQ(rules, row.rules) << where;
        if (check.suggestion) {
            const NameCheck again = linterFor(row.preset).check(*check.suggestion);
            EXPECT_TRUE(again.clean())
                << where << ": the suggestion “" << *check.suggestion << "” is not clean";
        }
        ++checkedRows;
    }
    EXPECT_GE(checkedRows, 600);
}
