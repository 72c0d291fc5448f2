// Precision and recall of every detector over the labelled corpus in corpus.tsv.
#include "core/privacy/detector.h"
#include "tests/support/testpaths.h"

#include <array>
#include <cstdio>
#include <fstream>
#include <gtest/gtest.h>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

using namespace hindsight::privacy;

namespace {

struct Label
{
    DetectorType type;
    std::size_t start;
    std::size_t end;
};

struct Sample
{
    int lineNo = 0;
    std::string text;
    std::vector<Label> labels;
};

std::vector<std::string> splitTabs(const std::string &line)
{
    std::vector<std::string> parts;
    std::size_t pos = 0;
    while (true) {
        const std::size_t tab = line.find('\t', pos);
        parts.push_back(line.substr(pos, tab == std::string::npos ? std::string::npos : tab - pos));
        if (tab == std::string::npos) return parts;
        pos = tab + 1;
    }
}

/// Reads the corpus; every problem with the file is a test failure, reported by line.
std::vector<Sample> loadCorpus(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    EXPECT_TRUE(in.good()) << "cannot open " << path;
    std::vector<Sample> samples;
    std::string line;
    int lineNo = 0;
    while (std::getline(in, line)) {
        ++lineNo;
        if (line.empty() || line[0] == '#') continue;
        const std::vector<std::string> parts = splitTabs(line);
        Sample s;
        s.lineNo = lineNo;
        s.text = parts[0];
        std::vector<std::size_t> searchFrom;
        for (std::size_t i = 1; i < parts.size(); ++i) {
            const std::size_t eq = parts[i].find('=');
            const auto type =
                eq == std::string::npos ? std::nullopt : detectorTypeFromString(parts[i].substr(0, eq));
            if (!type) {
                ADD_FAILURE() << path << ":" << lineNo << ": bad label '" << parts[i] << "'";
                continue;
            }
            const std::string value = parts[i].substr(eq + 1);
            // A value that occurs twice in the text is labelled twice: take the next occurrence.
            std::size_t from = 0;
            for (const Label &l : s.labels)
                if (s.text.compare(l.start, l.end - l.start, value) == 0) from = std::max(from, l.end);
            const std::size_t at = s.text.find(value, from);
            if (value.empty() || at == std::string::npos) {
                ADD_FAILURE() << path << ":" << lineNo << ": value '" << value << "' is not in the text";
                continue;
            }
            s.labels.push_back(Label{*type, at, at + value.size()});
        }
        samples.push_back(std::move(s));
    }
    return samples;
}

struct Counts
{
    int labels = 0;
    int tp = 0;
    int fp = 0;
    int fn = 0;
    double precision() const { return tp + fp == 0 ? 1.0 : double(tp) / (tp + fp); }
    double recall() const { return tp + fn == 0 ? 1.0 : double(tp) / (tp + fn); }
};

} // namespace

TEST(PrivacyCorpus, EveryDetectorReachesPrecisionAndRecallOf97Percent)
{
    const std::string path = std::string(hindsight::test::kSourceDir) + "/tests/core/privacy/corpus.tsv";
    const std::vector<Sample> samples = loadCorpus(path);
    ASSERT_GE(samples.size(), 300u) << "the corpus must hold at least 300 strings";

    std::array<Counts, kAllDetectorTypes.size()> counts{};
    int negatives = 0;
    std::ostringstream mistakes;
    for (const Sample &s : samples) {
        if (s.labels.empty()) ++negatives;
        for (const Label &l : s.labels)
            ++counts[static_cast<std::size_t>(l.type)].labels;
        std::vector<bool> matched(s.labels.size(), false);
        for (const Finding &f : detect(s.text)) {
            bool hit = false;
            for (std::size_t i = 0; i < s.labels.size() && !hit; ++i) {
                const Label &l = s.labels[i];
                if (!matched[i] && l.type == f.type && l.start == f.start && l.end == f.end)
                    matched[i] = hit = true;
            }
            auto &c = counts[static_cast<std::size_t>(f.type)];
            if (hit) {
                ++c.tp;
            } else {
                ++c.fp;
                mistakes << "  false positive " << toString(f.type) << " '"
                         << s.text.substr(f.start, f.length()) << "' in line " << s.lineNo << ": " << s.text
                         << "\n";
            }
        }
        for (std::size_t i = 0; i < s.labels.size(); ++i) {
            if (matched[i]) continue;
            const Label &l = s.labels[i];
            ++counts[static_cast<std::size_t>(l.type)].fn;
            mistakes << "  missed " << toString(l.type) << " '" << s.text.substr(l.start, l.end - l.start)
                     << "' in line " << s.lineNo << ": " << s.text << "\n";
        }
    }

    std::cout << "Corpus: " << samples.size() << " strings, " << negatives << " without personal data\n\n";
    std::cout << "| type | labels | TP | FP | FN | precision | recall |\n";
    std::cout << "|---|---:|---:|---:|---:|---:|---:|\n";
    char row[160];
    for (DetectorType t : kAllDetectorTypes) {
        const Counts &c = counts[static_cast<std::size_t>(t)];
        std::snprintf(row, sizeof row, "| %s | %d | %d | %d | %d | %.3f | %.3f |\n",
                      std::string(toString(t)).c_str(), c.labels, c.tp, c.fp, c.fn, c.precision(),
                      c.recall());
        std::cout << row;
    }
    if (!mistakes.str().empty()) std::cout << "\nMistakes:\n" << mistakes.str();
    std::cout.flush();

    for (DetectorType t : kAllDetectorTypes) {
        const Counts &c = counts[static_cast<std::size_t>(t)];
        EXPECT_GE(c.labels, 10) << toString(t) << " needs at least ten labelled examples";
        EXPECT_GE(c.precision(), 0.97) << toString(t);
        EXPECT_GE(c.recall(), 0.97) << toString(t);
    }
    EXPECT_GE(negatives, 100) << "the corpus needs hard negatives";
}
