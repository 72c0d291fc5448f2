#include "app/cli/argparser.h"

#include <charconv>

namespace hindsight::cli {

void ArgParser::value(const std::string &name, bool repeatable, int arity)
{
    m_specs[name] = Spec{true, repeatable, arity, {}};
}

void ArgParser::value(const std::string &name, bool repeatable, int maxArity,
                      std::function<bool(const std::vector<std::string> &)> complete)
{
    m_specs[name] = Spec{true, repeatable, maxArity, std::move(complete)};
}

void ArgParser::flag(const std::string &name)
{
    m_specs[name] = Spec{false, false, 0, {}};
}

bool ArgParser::parse(const std::vector<std::string> &args)
{
    bool optionsDone = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &a = args[i];
        if (optionsDone || a.size() < 2 || a[0] != '-' || a == "-") {
            m_positional.push_back(a);
            continue;
        }
        if (a == "--") {
            optionsDone = true;
            continue;
        }
        if (a == "--help" || a == "-h") {
            m_help = true;
            continue;
        }
        std::string name = a;
        std::optional<std::string> inlineValue;
        if (auto eq = a.find('='); eq != std::string::npos && a.rfind("--", 0) == 0) {
            name = a.substr(0, eq);
            inlineValue = a.substr(eq + 1);
        }
        auto it = m_specs.find(name);
        if (it == m_specs.end()) {
            m_error = "unknown option '" + name + "'";
            return false;
        }
        const Spec &spec = it->second;
        if (!spec.repeatable && m_values.count(name)) {
            m_error = "option '" + name + "' given more than once";
            return false;
        }
        std::vector<std::string> words;
        if (!spec.takesValue) {
            if (inlineValue) {
                m_error = "option '" + name + "' takes no value";
                return false;
            }
        } else if (inlineValue && spec.arity == 1 && !spec.complete) {
            words.push_back(*inlineValue);
        } else {
            if (inlineValue) {
                m_error = "option '" + name + "' takes " + std::to_string(spec.arity) + " values";
                return false;
            }
            for (int k = 0; k < spec.arity; ++k) {
                if (i + 1 >= args.size()) {
                    m_error =
                        "option '" + name + "' needs " +
                        (spec.arity == 1 ? std::string("a value") : std::to_string(spec.arity) + " values");
                    return false;
                }
                words.push_back(args[++i]);
                if (spec.complete && spec.complete(words)) break;
            }
        }
        m_values[name].push_back(std::move(words));
    }
    return true;
}

bool ArgParser::has(const std::string &name) const
{
    return m_values.count(name) > 0;
}

std::optional<std::string> ArgParser::get(const std::string &name) const
{
    auto it = m_values.find(name);
    if (it == m_values.end() || it->second.empty() || it->second.front().empty()) return std::nullopt;
    return it->second.front().front();
}

std::string ArgParser::get(const std::string &name, const std::string &fallback) const
{
    return get(name).value_or(fallback);
}

std::vector<std::vector<std::string>> ArgParser::all(const std::string &name) const
{
    auto it = m_values.find(name);
    return it == m_values.end() ? std::vector<std::vector<std::string>>{} : it->second;
}

std::optional<long long> ArgParser::integer(const std::string &name, long long fallback, long long min,
                                            long long max)
{
    auto v = get(name);
    if (!v) return fallback;
    long long out = 0;
    auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), out);
    if (ec != std::errc() || p != v->data() + v->size() || out < min || out > max) {
        m_error = "option '" + name + "' must be a whole number from " + std::to_string(min) + " to " +
                  std::to_string(max) + ", not '" + *v + "'";
        return std::nullopt;
    }
    return out;
}

} // namespace hindsight::cli
