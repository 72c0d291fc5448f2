#include "core/naming/verbtable.h"

#include <algorithm>
#include <array>

namespace hindsight::naming {

namespace {

bool isVowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/// Two-syllable verbs stressed on the last syllable double their final consonant.
bool doublesByList(std::string_view base)
{
    static constexpr std::array<std::string_view, 30> list = {
        "submit", "admit",    "commit", "permit", "omit",    "emit",   "transmit", "refer",
        "prefer", "transfer", "occur",  "recur",  "control", "patrol", "compel",   "expel",
        "propel", "regret",   "equip",  "unzip",  "unpin",   "unplug", "unwrap",   "unsnap",
        "unstar", "unflag",   "unclip", "defer",  "incur",   "format"};
    return std::find(list.begin(), list.end(), base) != list.end();
}

/// One-syllable verbs ending consonant-vowel-consonant double it: stop -> stopped, tap -> tapped.
bool doublesFinalConsonant(std::string_view base)
{
    if (doublesByList(base)) return true;
    const std::size_t n = base.size();
    if (n < 3) return false;
    const char last = base[n - 1];
    if (isVowel(last) || last == 'w' || last == 'x' || last == 'y' || !(last >= 'a' && last <= 'z'))
        return false;
    if (!isVowel(base[n - 2]) || isVowel(base[n - 3])) return false;
    int groups = 0;
    bool inGroup = false;
    for (std::size_t i = 0; i < n; ++i) {
        const char c = base[i];
        const bool vowel = isVowel(c) || (c == 'y' && i > 0);
        if (vowel && !inGroup) ++groups;
        inGroup = vowel;
    }
    return groups == 1;
}

struct Irregular
{
    const char *base;
    const char *past;
    const char *participle;
};

// Irregular verbs that turn up in product analytics names.
constexpr Irregular kIrregular[] = {
    {"begin", "began", "begun"},
    {"bid", "bid", "bid"},
    {"break", "broke", "broken"},
    {"bring", "brought", "brought"},
    {"broadcast", "broadcast", "broadcast"},
    {"build", "built", "built"},
    {"buy", "bought", "bought"},
    {"catch", "caught", "caught"},
    {"choose", "chose", "chosen"},
    {"come", "came", "come"},
    {"cut", "cut", "cut"},
    {"do", "did", "done"},
    {"draw", "drew", "drawn"},
    {"drive", "drove", "driven"},
    {"eat", "ate", "eaten"},
    {"fall", "fell", "fallen"},
    {"feed", "fed", "fed"},
    {"find", "found", "found"},
    {"fly", "flew", "flown"},
    {"forecast", "forecast", "forecast"},
    {"forget", "forgot", "forgotten"},
    {"forgive", "forgave", "forgiven"},
    {"freeze", "froze", "frozen"},
    {"get", "got", "got"},
    {"give", "gave", "given"},
    {"go", "went", "gone"},
    {"grow", "grew", "grown"},
    {"hang", "hung", "hung"},
    {"hear", "heard", "heard"},
    {"hide", "hid", "hidden"},
    {"hit", "hit", "hit"},
    {"hold", "held", "held"},
    {"keep", "kept", "kept"},
    {"know", "knew", "known"},
    {"lead", "led", "led"},
    {"leave", "left", "left"},
    {"lend", "lent", "lent"},
    {"let", "let", "let"},
    {"lose", "lost", "lost"},
    {"make", "made", "made"},
    {"meet", "met", "met"},
    {"override", "overrode", "overridden"},
    {"overwrite", "overwrote", "overwritten"},
    {"pay", "paid", "paid"},
    {"prepay", "prepaid", "prepaid"},
    {"put", "put", "put"},
    {"quit", "quit", "quit"},
    {"read", "read", "read"},
    {"rebuild", "rebuilt", "rebuilt"},
    {"redo", "redid", "redone"},
    {"rerun", "reran", "rerun"},
    {"resell", "resold", "resold"},
    {"resend", "resent", "resent"},
    {"reset", "reset", "reset"},
    {"rewrite", "rewrote", "rewritten"},
    {"ride", "rode", "ridden"},
    {"ring", "rang", "rung"},
    {"run", "ran", "run"},
    {"say", "said", "said"},
    {"see", "saw", "seen"},
    {"seek", "sought", "sought"},
    {"sell", "sold", "sold"},
    {"send", "sent", "sent"},
    {"set", "set", "set"},
    {"shake", "shook", "shaken"},
    {"shoot", "shot", "shot"},
    {"show", "showed", "shown"},
    {"shut", "shut", "shut"},
    {"sit", "sat", "sat"},
    {"sleep", "slept", "slept"},
    {"speak", "spoke", "spoken"},
    {"spend", "spent", "spent"},
    {"spin", "spun", "spun"},
    {"split", "split", "split"},
    {"stand", "stood", "stood"},
    {"steal", "stole", "stolen"},
    {"stick", "stuck", "stuck"},
    {"take", "took", "taken"},
    {"teach", "taught", "taught"},
    {"tell", "told", "told"},
    {"think", "thought", "thought"},
    {"throw", "threw", "thrown"},
    {"understand", "understood", "understood"},
    {"undo", "undid", "undone"},
    {"unfreeze", "unfroze", "unfrozen"},
    {"unhide", "unhid", "unhidden"},
    {"wake", "woke", "woken"},
    {"wear", "wore", "worn"},
    {"win", "won", "won"},
    {"withdraw", "withdrew", "withdrawn"},
    {"write", "wrote", "written"},
};

// Regular verbs (conjugated by rule).
constexpr const char *kRegular[] = {
    "accept",       "access",    "activate",   "add",         "adjust",     "allow",       "answer",
    "apply",        "approve",   "archive",    "arrive",      "ask",        "assign",      "attach",
    "authenticate", "authorize", "background", "block",       "book",       "bookmark",    "bounce",
    "browse",       "calculate", "call",       "cancel",      "capture",    "change",      "charge",
    "chat",         "check",     "claim",      "clear",       "click",      "clone",       "close",
    "collapse",     "collect",   "comment",    "commit",      "compare",    "complete",    "compose",
    "configure",    "confirm",   "connect",    "contact",     "continue",   "convert",     "copy",
    "crash",        "create",    "crop",       "customize",   "deactivate", "decline",     "decrypt",
    "delete",       "deny",      "deploy",     "deposit",     "deselect",   "dial",        "disable",
    "disconnect",   "dismiss",   "display",    "donate",      "download",   "downgrade",   "drag",
    "drop",         "duplicate", "earn",       "edit",        "email",      "enable",      "encrypt",
    "end",          "enroll",    "enter",      "erase",       "exit",       "expand",      "expire",
    "explore",      "export",    "fail",       "favorite",    "fetch",      "fill",        "filter",
    "finish",       "fix",       "flag",       "focus",       "follow",     "foreground",  "fork",
    "format",       "generate",  "hover",      "ignore",      "import",     "install",     "invest",
    "invite",       "join",      "jump",       "launch",      "like",       "link",        "load",
    "lock",         "log",       "mark",       "maximize",    "merge",      "migrate",     "minimize",
    "modify",       "move",      "mute",       "navigate",    "notify",     "open",        "order",
    "pass",         "paste",     "pause",      "pin",         "place",      "play",        "post",
    "press",        "preview",   "print",      "proceed",     "process",    "publish",     "purchase",
    "rate",         "react",     "receive",    "record",      "redeem",     "redirect",    "refresh",
    "refund",       "register",  "reject",     "release",     "reload",     "remove",      "rename",
    "renew",        "rent",      "reorder",    "repeat",      "reply",      "report",      "request",
    "reschedule",   "reserve",   "resize",     "resolve",     "restart",    "restore",     "resume",
    "retry",        "return",    "reveal",     "review",      "revoke",     "rotate",      "save",
    "scan",         "schedule",  "scroll",     "search",      "select",     "share",       "ship",
    "shop",         "sign",      "skip",       "snooze",      "sort",       "star",        "start",
    "stop",         "stream",    "submit",     "subscribe",   "suggest",    "swipe",       "switch",
    "sync",         "tag",       "tap",        "tip",         "toggle",     "track",       "transfer",
    "trigger",      "type",      "unarchive",  "unblock",     "uncheck",    "unfollow",    "uninstall",
    "unlock",       "unmute",    "unpin",      "unsubscribe", "update",     "upgrade",     "upload",
    "use",          "validate",  "verify",     "view",        "visit",      "vote",        "watch",
    "zoom",         "label",     "bet",        "unstar",      "unlike",     "refer",       "translate",
    "accept",       "dislike",   "drop",       "expire",      "favourite",  "personalize", "apply",
    "unsave",       "unselect",  "highlight",  "present",     "attempt",    "block",       "bounce",
};

// Phrasal verbs: the head word conjugates, the particle stays.
constexpr const char *kPhrasal[] = {
    "log in",    "log out", "sign in", "sign out", "sign up",  "opt in",  "opt out",   "check in",
    "check out", "set up",  "top up",  "zoom in",  "zoom out", "back up", "roll back", "follow up",
};

// Words that are as often nouns as verbs in event names.
constexpr const char *kNounish[] = {
    "order",  "view",     "search",    "share",   "like",    "comment",  "review",   "return",    "request",
    "reply",  "report",   "purchase",  "email",   "call",    "post",     "chat",     "filter",    "link",
    "sort",   "tag",      "type",      "vote",    "book",    "star",     "flag",     "lock",      "pin",
    "fork",   "check",    "tip",       "rent",    "deposit", "transfer", "favorite", "favourite", "bookmark",
    "export", "import",   "download",  "upload",  "play",    "stream",   "display",  "refund",    "release",
    "pass",   "schedule", "record",    "answer",  "access",  "crash",    "switch",   "label",     "preview",
    "format", "print",    "highlight", "present", "attempt", "bet",      "log",      "sign",      "scan",
    "mark",   "drop",     "place",     "notify",  "trigger", "reserve",  "dial",     "exit",      "end",
    "bid",    "cut",      "split",     "set",     "run",     "show",     "forecast", "feed",      "hit",
    "shot",   "break",    "ring",      "lead",    "call",
};

struct Alternative
{
    const char *spelling;
    const char *base;
    unsigned forms;
    bool nounish;
};

// Other spellings of forms: British doubling, run-together phrasal verbs used as verbs.
constexpr Alternative kAlternatives[] = {
    {"canceled", "cancel", PastForm | ParticipleForm, false},
    {"canceling", "cancel", GerundForm, false},
    {"labelled", "label", PastForm | ParticipleForm, false},
    {"labelling", "label", GerundForm, false},
    {"gotten", "get", ParticipleForm, false},
    {"login", "log in", BaseForm, true},
    {"logout", "log out", BaseForm, true},
    {"signin", "sign in", BaseForm, true},
    {"signout", "sign out", BaseForm, true},
    {"signup", "sign up", BaseForm, true},
    {"setup", "set up", BaseForm, true},
    {"backup", "back up", BaseForm, true},
    {"rollback", "roll back", BaseForm, true},
    {"topup", "top up", BaseForm, true},
    {"optin", "opt in", BaseForm, true},
    {"optout", "opt out", BaseForm, true},
};

struct Synonym
{
    const char *verb;
    const char *head;
};

// Verbs that name the same interaction (used to find duplicate names; documented in
// docs/naming.md).
constexpr Synonym kSynonyms[] = {
    {"tap", "click"},          {"press", "click"},      {"hit", "click"},    {"send", "submit"},
    {"see", "view"},           {"visit", "view"},       {"launch", "open"},  {"dismiss", "close"},
    {"delete", "remove"},      {"make", "create"},      {"begin", "start"},  {"finish", "complete"},
    {"update", "edit"},        {"change", "edit"},      {"modify", "edit"},  {"sign in", "log in"},
    {"sign out", "log out"},   {"register", "sign up"}, {"purchase", "buy"}, {"choose", "select"},
    {"favourite", "favorite"},
};

VerbTable makeBuiltin()
{
    VerbTable table;
    for (const Irregular &verb : kIrregular)
        table.add(Verb{verb.base, verb.past, verb.participle, {}, {}, false});
    for (const char *base : kRegular) {
        if (table.find(base)) continue;
        Verb verb{base, {}, {}, {}, {}, false};
        if (std::string_view(base) == "cancel") {
            verb.past = verb.participle = "cancelled"; // as in Segment's "Order Cancelled"
            verb.gerund = "cancelling";
        } else if (std::string_view(base) == "label") {
            verb.past = verb.participle = "labeled";
            verb.gerund = "labeling";
        } else if (std::string_view(base) == "bet") {
            verb.past = verb.participle = "bet";
        }
        table.add(std::move(verb));
    }
    for (const char *base : kPhrasal)
        table.add(Verb{base, {}, {}, {}, {}, false});
    for (const char *noun : kNounish) {
        if (auto index = table.find(noun)) {
            Verb verb = table.verb(*index);
            verb.nounish = true;
            table.add(std::move(verb));
        }
    }
    for (const Synonym &synonym : kSynonyms) {
        if (auto index = table.find(synonym.verb)) {
            Verb verb = table.verb(*index);
            verb.synonymOf = synonym.head;
            table.add(std::move(verb));
        }
    }
    for (const Alternative &alternative : kAlternatives) {
        if (auto index = table.find(alternative.base))
            table.addSpelling(alternative.spelling, *index, alternative.forms, alternative.nounish);
    }
    return table;
}

} // namespace

const VerbTable &VerbTable::builtin()
{
    static const VerbTable table = makeBuiltin();
    return table;
}

std::string VerbTable::regularPast(std::string_view base)
{
    std::string out(base);
    if (base.empty()) return out;
    const char last = base.back();
    if (last == 'e') return out + "d";
    if (last == 'y' && base.size() > 1 && !isVowel(base[base.size() - 2])) {
        out.pop_back();
        return out + "ied";
    }
    if (doublesFinalConsonant(base)) return out + last + "ed";
    return out + "ed";
}

std::string VerbTable::regularGerund(std::string_view base)
{
    std::string out(base);
    const std::size_t n = base.size();
    if (n >= 2 && base.substr(n - 2) == "ie") {
        out.resize(n - 2);
        return out + "ying";
    }
    if (n > 2 && base.back() == 'e' && base[n - 2] != 'e' && base[n - 2] != 'y' && base[n - 2] != 'o') {
        out.pop_back();
        return out + "ing";
    }
    if (doublesFinalConsonant(base)) return out + base.back() + "ing";
    return out + "ing";
}

std::string VerbTable::thirdPerson(std::string_view base)
{
    const std::size_t space = base.find(' ');
    if (space != std::string_view::npos)
        return thirdPerson(base.substr(0, space)) + std::string(base.substr(space));
    std::string out(base);
    const std::size_t n = base.size();
    if (n == 0) return out;
    const auto endsWith = [&](std::string_view tail) {
        return n >= tail.size() && base.substr(n - tail.size()) == tail;
    };
    if (base.back() == 'y' && n > 1 && !isVowel(base[n - 2])) {
        out.pop_back();
        return out + "ies";
    }
    if (endsWith("s") || endsWith("x") || endsWith("z") || endsWith("ch") || endsWith("sh") || endsWith("o"))
        return out + "es";
    return out + "s";
}

std::size_t VerbTable::add(Verb verb)
{
    if (verb.base.empty()) return npos;
    const std::size_t space = verb.base.find(' ');
    if (space != std::string::npos && (verb.past.empty() || verb.participle.empty() || verb.gerund.empty())) {
        // Phrasal verb: conjugate the head word and keep the particle.
        const std::string head = verb.base.substr(0, space);
        const std::string particle = verb.base.substr(space);
        Verb headForms;
        if (auto known = find(head)) {
            headForms = m_verbs[*known];
        } else {
            headForms.past = headForms.participle = regularPast(head);
            headForms.gerund = regularGerund(head);
        }
        if (verb.past.empty()) verb.past = headForms.past + particle;
        if (verb.participle.empty()) verb.participle = headForms.participle + particle;
        if (verb.gerund.empty()) verb.gerund = headForms.gerund + particle;
    }
    if (verb.past.empty()) verb.past = regularPast(verb.base);
    if (verb.participle.empty()) verb.participle = verb.past;
    if (verb.gerund.empty()) verb.gerund = regularGerund(verb.base);

    std::size_t index;
    if (auto existing = m_byBase.find(verb.base); existing != m_byBase.end()) {
        index = existing->second;
        m_verbs[index] = std::move(verb);
        for (auto it = m_spellings.begin(); it != m_spellings.end();) {
            if (it->second.verb == index)
                it = m_spellings.erase(it);
            else
                ++it;
        }
    } else {
        index = m_verbs.size();
        m_byBase.emplace(verb.base, index);
        m_verbs.push_back(std::move(verb));
    }
    this->index(index);
    return index;
}

void VerbTable::index(std::size_t verb)
{
    const Verb &v = m_verbs[verb];
    addSpelling(v.base, verb, BaseForm, v.nounish);
    addSpelling(v.past, verb, PastForm);
    addSpelling(v.participle, verb, ParticipleForm);
    addSpelling(v.gerund, verb, GerundForm);
    addSpelling(thirdPerson(v.base), verb, ThirdPersonForm, v.nounish);
}

void VerbTable::addSpelling(std::string_view spelling, std::size_t index, unsigned forms, bool nounish)
{
    if (spelling.empty() || index >= m_verbs.size()) return;
    auto it = m_spellings.find(spelling);
    if (it == m_spellings.end()) {
        m_spellings.emplace(std::string(spelling), Spelling{index, forms, nounish});
        return;
    }
    if (it->second.verb == index) {
        it->second.forms |= forms;
        it->second.nounish = it->second.nounish || nounish;
    }
    // A spelling already taken by another verb keeps its first meaning.
}

std::optional<std::size_t> VerbTable::find(std::string_view base) const
{
    if (auto it = m_byBase.find(base); it != m_byBase.end()) return it->second;
    return std::nullopt;
}

const VerbTable::Spelling *VerbTable::lookup(std::string_view spelling) const
{
    auto it = m_spellings.find(spelling);
    return it == m_spellings.end() ? nullptr : &it->second;
}

std::optional<VerbMatch> VerbTable::matchAt(std::span<const std::string> lowered, std::size_t pos) const
{
    if (pos >= lowered.size()) return std::nullopt;
    if (pos + 1 < lowered.size()) {
        std::string pair;
        pair.reserve(lowered[pos].size() + lowered[pos + 1].size() + 1);
        pair += lowered[pos];
        pair += ' ';
        pair += lowered[pos + 1];
        if (const Spelling *spelling = lookup(pair))
            return VerbMatch{spelling->verb, spelling->forms, 2, spelling->nounish};
    }
    return matchWord(lowered[pos]);
}

std::optional<VerbMatch> VerbTable::matchWord(const std::string &word) const
{
    if (const Spelling *spelling = lookup(word))
        return VerbMatch{spelling->verb, spelling->forms, 1, spelling->nounish};
    // An unknown regular past participle: "frobnicated", but not "speed" or "red".
    const std::size_t n = word.size();
    if (n >= 5 && word.compare(n - 2, 2, "ed") == 0 && word[n - 3] != 'e' &&
        std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
        return VerbMatch{npos, PastForm | ParticipleForm, 1, false};
    return std::nullopt;
}

std::optional<VerbMatch> VerbTable::matchEndingAt(std::span<const std::string> lowered, std::size_t end) const
{
    if (end == 0 || end > lowered.size()) return std::nullopt;
    if (end >= 2) {
        auto match = matchAt(lowered, end - 2);
        if (match && match->words == 2) return match;
    }
    return matchWord(lowered[end - 1]);
}

const std::string &VerbTable::synonymHead(std::size_t index) const
{
    const Verb &v = m_verbs[index];
    if (!v.synonymOf.empty()) {
        if (auto head = find(v.synonymOf)) return m_verbs[*head].base;
    }
    return v.base;
}

} // namespace hindsight::naming
