#include "core/naming/casing.h"

#include <string>

namespace hindsight::naming {

std::string_view casingName(Casing casing)
{
    switch (casing) {
    case Casing::Title:
        return "Title Case";
    case Casing::Sentence:
        return "Sentence case";
    case Casing::Lower:
        return "lower case";
    case Casing::Upper:
        return "UPPER CASE";
    case Casing::Snake:
        return "snake_case";
    case Casing::Camel:
        return "camelCase";
    case Casing::Pascal:
        return "PascalCase";
    case Casing::Kebab:
        return "kebab-case";
    }
    return "Title Case";
}

std::optional<Casing> parseCasing(std::string_view text)
{
    std::string key;
    for (char c : text) {
        if (c == ' ' || c == '-' || c == '_') continue;
        key.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c);
    }
    if (key == "title" || key == "titlecase") return Casing::Title;
    if (key == "sentence" || key == "sentencecase") return Casing::Sentence;
    if (key == "lower" || key == "lowercase") return Casing::Lower;
    if (key == "upper" || key == "uppercase") return Casing::Upper;
    if (key == "snake" || key == "snakecase") return Casing::Snake;
    if (key == "camel" || key == "camelcase" || key == "lowercamelcase") return Casing::Camel;
    if (key == "pascal" || key == "pascalcase" || key == "uppercamelcase") return Casing::Pascal;
    if (key == "kebab" || key == "kebabcase") return Casing::Kebab;
    return std::nullopt;
}

std::string_view casingJoiner(Casing casing)
{
    switch (casing) {
    case Casing::Snake:
        return "_";
    case Casing::Kebab:
        return "-";
    case Casing::Camel:
    case Casing::Pascal:
        return "";
    default:
        return " ";
    }
}

const std::vector<Casing> &allCasings()
{
    static const std::vector<Casing> all = {Casing::Title, Casing::Sentence, Casing::Lower,  Casing::Upper,
                                            Casing::Snake, Casing::Camel,    Casing::Pascal, Casing::Kebab};
    return all;
}

} // namespace hindsight::naming
