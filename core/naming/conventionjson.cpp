#include "core/naming/conventionjson.h"

#include "core/naming/conventionpresets.h"
#include "core/naming/namelinter.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QSaveFile>
#include <cmath>

namespace hindsight::naming {

namespace {

std::string inQuotes(std::string_view s)
{
    return "“" + std::string(s) + "”";
}

std::string typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return "null";
    case QJsonValue::Bool:
        return "a boolean";
    case QJsonValue::Double:
        return "a number";
    case QJsonValue::String:
        return "a string";
    case QJsonValue::Array:
        return "an array";
    case QJsonValue::Object:
        return "an object";
    case QJsonValue::Undefined:
        break;
    }
    return "nothing";
}

std::string list(std::initializer_list<std::string_view> items)
{
    std::string out;
    for (std::string_view item : items)
        out += (out.empty() ? "" : ", ") + std::string(item);
    return out;
}

/// Reads one JSON document into a Convention, collecting every error with its path.
class Reader
{
  public:
    std::vector<ConventionError> errors;

    void fail(const std::string &path, std::string message) { errors.push_back({path, std::move(message)}); }

    void checkKeys(const QJsonObject &object, const std::string &path,
                   std::initializer_list<std::string_view> keys)
    {
        for (auto it = object.begin(); it != object.end(); ++it) {
            const std::string key = it.key().toStdString();
            bool known = false;
            for (std::string_view k : keys)
                known = known || k == key;
            if (!known)
                fail(path + "." + key,
                     "unknown key " + inQuotes(key) + " (expected one of " + list(keys) + ")");
        }
    }

    std::optional<std::string> string(const QJsonValue &value, const std::string &path)
    {
        if (!value.isString()) {
            fail(path, "expected a string, found " + typeName(value));
            return std::nullopt;
        }
        return value.toString().toStdString();
    }

    std::optional<bool> boolean(const QJsonValue &value, const std::string &path)
    {
        if (!value.isBool()) {
            fail(path, "expected true or false, found " + typeName(value));
            return std::nullopt;
        }
        return value.toBool();
    }

    std::optional<std::size_t> length(const QJsonValue &value, const std::string &path)
    {
        const double number = value.toDouble(-1);
        if (!value.isDouble() || number < 0 || number > 100000 || std::floor(number) != number) {
            fail(path, "expected a whole number from 0 (no limit) to 100000, found " +
                           (value.isDouble() ? std::to_string(number) : typeName(value)));
            return std::nullopt;
        }
        return static_cast<std::size_t>(number);
    }

    std::optional<std::vector<std::string>> strings(const QJsonValue &value, const std::string &path)
    {
        if (!value.isArray()) {
            fail(path, "expected an array of strings, found " + typeName(value));
            return std::nullopt;
        }
        std::vector<std::string> out;
        const QJsonArray array = value.toArray();
        bool ok = true;
        for (qsizetype i = 0; i < array.size(); ++i) {
            const std::string itemPath = path + "[" + std::to_string(i) + "]";
            if (auto item = string(array.at(i), itemPath)) {
                if (item->empty()) {
                    fail(itemPath, "must not be empty");
                    ok = false;
                } else {
                    out.push_back(*item);
                }
            } else {
                ok = false;
            }
        }
        if (!ok) return std::nullopt;
        return out;
    }

    std::optional<CharacterSet> characters(const QJsonValue &value, const std::string &path)
    {
        if (!value.isObject()) {
            fail(path, "expected an object such as {\"letters\": \"ascii\", \"digits\": true, \"extra\": "
                       "\"&\"}, found " +
                           typeName(value));
            return std::nullopt;
        }
        const QJsonObject object = value.toObject();
        checkKeys(object, path, {"letters", "digits", "extra"});
        CharacterSet set;
        if (object.contains("letters")) {
            if (auto letters = string(object.value("letters"), path + ".letters")) {
                if (*letters == "unicode")
                    set.letters = CharacterSet::Letters::Unicode;
                else if (*letters == "ascii")
                    set.letters = CharacterSet::Letters::Ascii;
                else
                    fail(path + ".letters", "expected \"unicode\" or \"ascii\", found " + inQuotes(*letters));
            }
        }
        if (object.contains("digits")) {
            if (auto digits = boolean(object.value("digits"), path + ".digits")) set.digits = *digits;
        }
        if (object.contains("extra")) {
            if (auto extra = string(object.value("extra"), path + ".extra")) set.extra = *extra;
        }
        return set;
    }

    Segment segment(const QJsonObject &object, const std::string &path)
    {
        checkKeys(object, path,
                  {"role", "label", "separator", "casing", "optional", "allowedValues", "verbs", "tense",
                   "blockedWords", "maxLength", "characters"});
        Segment segment;
        if (object.contains("role")) {
            if (auto role = string(object.value("role"), path + ".role")) {
                if (auto parsed = parseRole(*role))
                    segment.role = *parsed;
                else
                    fail(path + ".role", "unknown role " + inQuotes(*role) +
                                             " (expected one of category, object, action, free)");
            }
        }
        if (object.contains("label")) {
            if (auto label = string(object.value("label"), path + ".label")) segment.label = *label;
        }
        if (object.contains("separator")) {
            if (auto separator = string(object.value("separator"), path + ".separator"))
                segment.separator = *separator;
        }
        if (object.contains("casing")) {
            if (auto casing = string(object.value("casing"), path + ".casing")) {
                if (auto parsed = parseCasing(*casing))
                    segment.casing = *parsed;
                else
                    fail(path + ".casing",
                         "unknown casing " + inQuotes(*casing) +
                             " (expected one of Title Case, Sentence case, lower case, UPPER CASE, "
                             "snake_case, camelCase, PascalCase, kebab-case)");
            }
        }
        if (object.contains("optional")) {
            if (auto optional = boolean(object.value("optional"), path + ".optional"))
                segment.optional = *optional;
        }
        if (object.contains("allowedValues")) {
            if (auto values = strings(object.value("allowedValues"), path + ".allowedValues"))
                segment.allowedValues = *values;
        }
        if (object.contains("verbs")) {
            if (auto verbs = strings(object.value("verbs"), path + ".verbs")) segment.verbs = *verbs;
        }
        if (object.contains("tense")) {
            if (auto tense = string(object.value("tense"), path + ".tense")) {
                if (auto parsed = parseTense(*tense))
                    segment.tense = *parsed;
                else
                    fail(path + ".tense",
                         "unknown tense " + inQuotes(*tense) + " (expected present, past or any)");
            }
        }
        if (object.contains("blockedWords")) {
            if (auto words = strings(object.value("blockedWords"), path + ".blockedWords"))
                segment.blockedWords = *words;
        }
        if (object.contains("maxLength")) {
            if (auto max = length(object.value("maxLength"), path + ".maxLength")) segment.maxLength = *max;
        }
        if (object.contains("characters"))
            segment.characters = characters(object.value("characters"), path + ".characters");
        return segment;
    }

    std::optional<Convention> convention(const QJsonObject &root)
    {
        checkKeys(root, "$",
                  {"extends", "id", "name", "description", "example", "segments", "maxLength", "blockedWords",
                   "acronyms", "characters"});
        Convention convention;
        convention.id = "custom";
        convention.acronyms = AcronymList::defaults();
        if (root.contains("extends")) {
            if (auto id = string(root.value("extends"), "$.extends")) {
                if (auto preset = conventionPreset(*id))
                    convention = *preset;
                else
                    fail("$.extends",
                         "unknown preset " + inQuotes(*id) + " (expected heap, segment or snake_case)");
            }
        } else if (!root.contains("segments")) {
            fail("$.segments", "missing: a convention needs its segments (or \"extends\": a preset id)");
        }
        const std::pair<const char *, std::string Convention::*> texts[] = {
            {"id", &Convention::id},
            {"name", &Convention::name},
            {"description", &Convention::description},
            {"example", &Convention::example}};
        for (const auto &[key, member] : texts) {
            if (!root.contains(key)) continue;
            if (auto value = string(root.value(key), std::string("$.") + key)) convention.*member = *value;
        }
        if (root.contains("segments")) {
            const QJsonValue value = root.value("segments");
            if (!value.isArray()) {
                fail("$.segments", "expected an array of segments, found " + typeName(value));
            } else {
                convention.segments.clear();
                const QJsonArray array = value.toArray();
                for (qsizetype i = 0; i < array.size(); ++i) {
                    const std::string path = "$.segments[" + std::to_string(i) + "]";
                    if (!array.at(i).isObject()) {
                        fail(path, "expected an object, found " + typeName(array.at(i)));
                        continue;
                    }
                    convention.segments.push_back(segment(array.at(i).toObject(), path));
                }
            }
        }
        if (root.contains("maxLength")) {
            if (auto max = length(root.value("maxLength"), "$.maxLength")) convention.maxLength = *max;
        }
        if (root.contains("blockedWords")) {
            if (auto words = strings(root.value("blockedWords"), "$.blockedWords"))
                convention.blockedWords = *words;
        }
        if (root.contains("acronyms")) {
            if (auto words = strings(root.value("acronyms"), "$.acronyms")) convention.acronyms = *words;
        }
        if (root.contains("characters")) {
            if (auto set = characters(root.value("characters"), "$.characters")) convention.characters = *set;
        }
        if (!errors.empty()) return std::nullopt;
        errors = convention.validate();
        if (!errors.empty()) return std::nullopt;
        if (!convention.example.empty()) {
            const NameCheck check = NameLinter(convention).check(convention.example);
            if (!check.clean()) {
                fail("$.example", inQuotes(convention.example) + " breaks the convention: " +
                                      std::string(ruleId(check.violations.front().rule)) + ": " +
                                      check.violations.front().message);
                return std::nullopt;
            }
        }
        return convention;
    }
};

/// 1-based line and column of a byte offset.
std::string position(std::string_view json, std::size_t offset)
{
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset && i < json.size(); ++i) {
        if (json[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(json[i]) & 0xC0) != 0x80) {
            ++column;
        }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

QJsonObject charactersToJson(const CharacterSet &set)
{
    QJsonObject object;
    object.insert("letters", set.letters == CharacterSet::Letters::Ascii ? "ascii" : "unicode");
    object.insert("digits", set.digits);
    object.insert("extra", QString::fromStdString(set.extra));
    return object;
}

QJsonArray stringsToJson(const std::vector<std::string> &values)
{
    QJsonArray array;
    for (const std::string &value : values)
        array.append(QString::fromStdString(value));
    return array;
}

} // namespace

ConventionLoad conventionFromJson(std::string_view json)
{
    ConventionLoad out;
    QJsonParseError parseError;
    const QJsonDocument document =
        QJsonDocument::fromJson(QByteArray(json.data(), static_cast<qsizetype>(json.size())), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        out.errors.push_back({"$", "not valid JSON at " +
                                       position(json, static_cast<std::size_t>(parseError.offset)) + ": " +
                                       parseError.errorString().toStdString()});
        return out;
    }
    if (!document.isObject()) {
        out.errors.push_back({"$", "expected a JSON object describing a convention"});
        return out;
    }
    Reader reader;
    out.convention = reader.convention(document.object());
    out.errors = std::move(reader.errors);
    return out;
}

ConventionLoad loadConventionFile(const std::string &path)
{
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::ReadOnly)) {
        ConventionLoad out;
        out.errors.push_back({"", "cannot read " + inQuotes(path) + ": " + file.errorString().toStdString()});
        return out;
    }
    const QByteArray bytes = file.readAll();
    return conventionFromJson(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
}

std::string conventionToJson(const Convention &convention)
{
    QJsonObject root;
    root.insert("id", QString::fromStdString(convention.id));
    root.insert("name", QString::fromStdString(convention.name));
    root.insert("description", QString::fromStdString(convention.description));
    root.insert("example", QString::fromStdString(convention.example));
    root.insert("maxLength", static_cast<qint64>(convention.maxLength));
    root.insert("blockedWords", stringsToJson(convention.blockedWords));
    root.insert("acronyms", stringsToJson(convention.acronyms));
    root.insert("characters", charactersToJson(convention.characters));
    QJsonArray segments;
    for (std::size_t i = 0; i < convention.segments.size(); ++i) {
        const Segment &segment = convention.segments[i];
        QJsonObject object;
        object.insert("role", QString::fromUtf8(roleName(segment.role).data(),
                                                static_cast<qsizetype>(roleName(segment.role).size())));
        if (!segment.label.empty()) object.insert("label", QString::fromStdString(segment.label));
        if (i > 0) object.insert("separator", QString::fromStdString(segment.separator));
        const std::string_view casing = casingName(segment.casing);
        object.insert("casing", QString::fromUtf8(casing.data(), static_cast<qsizetype>(casing.size())));
        if (segment.optional) object.insert("optional", true);
        if (!segment.allowedValues.empty())
            object.insert("allowedValues", stringsToJson(segment.allowedValues));
        if (!segment.verbs.empty()) object.insert("verbs", stringsToJson(segment.verbs));
        if (segment.tense != Tense::Any) {
            const std::string_view tense = tenseName(segment.tense);
            object.insert("tense", QString::fromUtf8(tense.data(), static_cast<qsizetype>(tense.size())));
        }
        if (!segment.blockedWords.empty()) object.insert("blockedWords", stringsToJson(segment.blockedWords));
        if (segment.maxLength > 0) object.insert("maxLength", static_cast<qint64>(segment.maxLength));
        if (segment.characters) object.insert("characters", charactersToJson(*segment.characters));
        segments.append(object);
    }
    root.insert("segments", segments);
    return QJsonDocument(root).toJson(QJsonDocument::Indented).toStdString();
}

bool saveConventionFile(const Convention &convention, const std::string &path, std::string *error)
{
    QSaveFile file(QString::fromStdString(path));
    const std::string json = conventionToJson(convention);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(json.data(), static_cast<qint64>(json.size())) != static_cast<qint64>(json.size()) ||
        !file.commit()) {
        if (error) *error = "cannot write " + inQuotes(path) + ": " + file.errorString().toStdString();
        return false;
    }
    return true;
}

} // namespace hindsight::naming
