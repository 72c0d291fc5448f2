#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace hindsight::cli {

/// A small, strict option parser for one command's arguments.
/// Declare the options, then parse(); unknown options and missing values are usage errors
/// reported by name. `--opt=value` and `--opt value` are both accepted; `--` ends options.
class ArgParser
{
  public:
    /// An option that takes a value. `repeatable` allows it more than once.
    /// `arity` > 1 takes that many following words (for `--property KEY OP VALUE`).
    void value(const std::string &name, bool repeatable = false, int arity = 1);
    /// Like value() with up to `maxArity` words; after each word `complete(words)` may end the
    /// option early (`--property KEY is_set` takes two words, `--property KEY equals V` three).
    void value(const std::string &name, bool repeatable, int maxArity,
               std::function<bool(const std::vector<std::string> &)> complete);
    /// An option without a value.
    void flag(const std::string &name);

    /// Returns false and sets error() on a usage error. `--help`/`-h` sets helpRequested().
    bool parse(const std::vector<std::string> &args);

    bool helpRequested() const { return m_help; }
    const std::string &error() const { return m_error; }
    bool has(const std::string &name) const;
    std::optional<std::string> get(const std::string &name) const;
    std::string get(const std::string &name, const std::string &fallback) const;
    /// All values of a repeatable option (for arity > 1, the words of each occurrence in order).
    std::vector<std::vector<std::string>> all(const std::string &name) const;
    const std::vector<std::string> &positional() const { return m_positional; }

    /// Parses an integer option; on a bad value sets error() and returns nullopt.
    std::optional<long long> integer(const std::string &name, long long fallback, long long min,
                                     long long max);

  private:
    struct Spec
    {
        bool takesValue = false;
        bool repeatable = false;
        int arity = 1;
        std::function<bool(const std::vector<std::string> &)> complete;
    };
    std::map<std::string, Spec> m_specs;
    std::map<std::string, std::vector<std::vector<std::string>>> m_values;
    std::vector<std::string> m_positional;
    std::string m_error;
    bool m_help = false;
};

} // namespace hindsight::cli
