#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace hindsight::naming {

/// Which form(s) of a verb a word is. A word may be several ("set" is all three).
enum VerbFormFlag : unsigned {
    BaseForm = 1,         ///< "submit", "log in" (present tense)
    PastForm = 2,         ///< "submitted", "wrote"
    ParticipleForm = 4,   ///< "submitted", "written" (what "Order Completed" uses)
    GerundForm = 8,       ///< "submitting"
    ThirdPersonForm = 16, ///< "submits" (present tense, but not the form conventions use)
};

/// One verb with its forms, all lower case. Phrasal verbs have a particle: "log in".
struct Verb
{
    std::string base;
    std::string past;
    std::string participle;
    std::string gerund;
    /// Base form of the verb this one means the same as ("click" for "tap"); empty for none.
    std::string synonymOf;
    /// Often used as a noun ("order", "search", "view"): when a name has a verb at both ends,
    /// a noun-like one is the weaker candidate for the action.
    bool nounish = false;
};

/// Where a verb sits in a list of lower-case words.
struct VerbMatch
{
    /// Index into the table, or VerbTable::npos for an unknown word that looks like a
    /// regular past participle ("frobnicated").
    std::size_t verb;
    unsigned forms;       ///< VerbFormFlag bits of the matched words
    std::size_t words;    ///< 1, or 2 for a phrasal verb
    bool nounish = false; ///< the matched spelling is also a common noun
};

/// Verbs with their tenses. The built-in table knows about 250 verbs used in product
/// analytics, irregular ones included (send -> sent, buy -> bought, pay -> paid,
/// write -> wrote/written), phrasal verbs (log in -> logged in, sign up -> signed up) and
/// run-together spellings ("login", "signup"). Regular verbs conjugate by rule
/// (stop -> stopped, apply -> applied, submit -> submitted).
class VerbTable
{
  public:
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    VerbTable() = default;
    static const VerbTable &builtin();

    /// Adds a verb, or replaces the forms of one with the same base. Empty forms are filled
    /// in: the head word of a phrasal verb is looked up first ("set up" -> "set up"), then
    /// regular rules apply. Returns its index.
    std::size_t add(Verb verb);
    /// Another spelling for a form of verb `index` ("cancelled", "login").
    void addSpelling(std::string_view spelling, std::size_t index, unsigned forms, bool nounish = false);

    std::optional<std::size_t> find(std::string_view base) const;
    const Verb &verb(std::size_t index) const { return m_verbs[index]; }
    std::size_t size() const { return m_verbs.size(); }

    /// The longest verb form starting at words[pos] (two-word phrasal forms first).
    /// Unknown words ending in "ed" (at least five letters, not "-eed") count as past
    /// participles of a verb the table does not know.
    std::optional<VerbMatch> matchAt(std::span<const std::string> lowered, std::size_t pos) const;
    /// The longest verb form that ends just before words[end].
    std::optional<VerbMatch> matchEndingAt(std::span<const std::string> lowered, std::size_t end) const;

    /// Base form of the synonym group of verb `index` ("click" for "tap", itself otherwise).
    const std::string &synonymHead(std::size_t index) const;

    /// Regular conjugation: "stop" -> "stopped", "apply" -> "applied", "save" -> "saved".
    static std::string regularPast(std::string_view base);
    /// "stop" -> "stopping", "save" -> "saving", "tie" -> "tying".
    static std::string regularGerund(std::string_view base);
    /// "click" -> "clicks", "search" -> "searches", "apply" -> "applies", "log in" -> "logs in".
    static std::string thirdPerson(std::string_view base);

  private:
    struct Spelling
    {
        std::size_t verb;
        unsigned forms;
        bool nounish;
    };
    struct Hash
    {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    const Spelling *lookup(std::string_view spelling) const;
    std::optional<VerbMatch> matchWord(const std::string &word) const;
    void index(std::size_t verb);

    std::vector<Verb> m_verbs;
    std::unordered_map<std::string, Spelling, Hash, std::equal_to<>> m_spellings;
    std::unordered_map<std::string, std::size_t, Hash, std::equal_to<>> m_byBase;
};

} // namespace hindsight::naming
