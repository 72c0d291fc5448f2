#include "core/definitions/definitionjson.h"

#include "core/capture/jsonwriter.h"
#include "core/capture/timestamp.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <algorithm>
#include <initializer_list>
#include <map>
#include <simdjson.h>

namespace hindsight::definitions {

namespace {

// ---------------------------------------------------------------------------------------------
// Writing

/// Appends JSON with either pretty layout (2-space indent, `": "`, `", "`) or compact layout.
class JsonOut
{
  public:
    explicit JsonOut(bool pretty) : m_pretty(pretty) {}

    std::string &out() { return m_out; }

    void newline(int depth)
    {
        if (!m_pretty) return;
        m_out += '\n';
        m_out.append(static_cast<std::size_t>(depth) * 2, ' ');
    }
    void colon() { m_out += m_pretty ? ": " : ":"; }
    void comma() { m_out += m_pretty ? ", " : ","; }
    void key(std::string_view k)
    {
        capture::appendJsonString(m_out, k);
        colon();
    }
    void string(std::string_view s) { capture::appendJsonString(m_out, s); }
    void boolean(bool b) { m_out += b ? "true" : "false"; }
    void number(std::int64_t n) { m_out += std::to_string(n); }
    void stringArray(const std::vector<std::string> &items)
    {
        m_out += '[';
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (i) comma();
            string(items[i]);
        }
        m_out += ']';
    }

  private:
    bool m_pretty;
    std::string m_out;
};

/// Writes the members of an object, one per line when pretty (`depth` is the members' depth).
class ObjectWriter
{
  public:
    ObjectWriter(JsonOut &out, int depth, bool inlineLayout = false)
        : m_out(out), m_depth(depth), m_inline(inlineLayout)
    {
        m_out.out() += '{';
    }
    ~ObjectWriter()
    {
        if (m_count && !m_inline) m_out.newline(m_depth - 1);
        m_out.out() += '}';
    }
    ObjectWriter(const ObjectWriter &) = delete;
    ObjectWriter &operator=(const ObjectWriter &) = delete;

    JsonOut &member(std::string_view key)
    {
        if (m_count++) {
            if (m_inline)
                m_out.comma();
            else
                m_out.out() += ',';
        }
        if (!m_inline) m_out.newline(m_depth);
        m_out.key(key);
        return m_out;
    }

  private:
    JsonOut &m_out;
    int m_depth;
    bool m_inline;
    int m_count = 0;
};

void writeTextCriterion(JsonOut &out, const TextCriterion &t)
{
    ObjectWriter o(out, 0, true);
    o.member("value").string(t.pattern);
    o.member("match").string(TextMatcher::modeName(t.mode));
    o.member("case_sensitive").boolean(t.caseSensitive);
}

void writeUrlCriterion(JsonOut &out, const UrlCriterion &u)
{
    ObjectWriter o(out, 0, true);
    o.member("value").string(u.pattern);
    o.member("match").string(TextMatcher::modeName(u.mode));
    o.member("scope").string(urlScopeName(u.scope));
    o.member("case_sensitive").boolean(u.caseSensitive);
}

void writeProperty(JsonOut &out, const PropertyFilter &p)
{
    ObjectWriter o(out, 0, true);
    o.member("key").string(p.key);
    o.member("op").string(propertyOpName(p.op));
    if (p.op != PropertyOp::IsSet && p.op != PropertyOp::IsNotSet) o.member("value").string(p.value);
}

void writeStep(JsonOut &out, const Step &step, int depth)
{
    ObjectWriter o(out, depth);
    if (!step.eventTypes.empty()) o.member("events").stringArray(step.eventTypes);
    if (step.selector) o.member("selector").string(*step.selector);
    if (step.text) writeTextCriterion(o.member("text"), *step.text);
    if (step.href) writeTextCriterion(o.member("href"), *step.href);
    if (step.url) writeUrlCriterion(o.member("url"), *step.url);
    if (!step.properties.empty()) {
        JsonOut &j = o.member("properties");
        j.out() += '[';
        for (std::size_t i = 0; i < step.properties.size(); ++i) {
            if (i) j.out() += ',';
            j.newline(depth + 1);
            writeProperty(j, step.properties[i]);
        }
        j.newline(depth);
        j.out() += ']';
    }
}

void writeDefinition(JsonOut &out, const Definition &def, int depth, bool audit)
{
    ObjectWriter o(out, depth);
    o.member("name").string(def.name);
    o.member("description").string(def.description);
    o.member("category").string(def.category);
    o.member("owner").string(def.owner);
    std::vector<std::string> tags = def.tags;
    std::sort(tags.begin(), tags.end());
    tags.erase(std::unique(tags.begin(), tags.end()), tags.end());
    o.member("tags").stringArray(tags);
    o.member("status").string(statusName(def.status));
    if (!def.combo.empty()) {
        o.member("combo").stringArray(def.combo);
    } else {
        JsonOut &j = o.member("steps");
        j.out() += '[';
        for (std::size_t i = 0; i < def.steps.size(); ++i) {
            if (i) j.out() += ',';
            j.newline(depth + 1);
            writeStep(j, def.steps[i], depth + 2);
        }
        if (!def.steps.empty()) j.newline(depth);
        j.out() += ']';
    }
    if (audit) {
        ObjectWriter a(o.member("audit"), depth + 1);
        a.member("id").number(def.id);
        a.member("version").number(def.version);
        a.member("created_by").string(def.createdBy);
        a.member("created_at").string(capture::formatIsoTimestamp(def.createdMs));
        a.member("changed_by").string(def.changedBy);
        a.member("changed_at").string(capture::formatIsoTimestamp(def.changedMs));
        if (def.verifiedMs) {
            a.member("verified_by").string(def.verifiedBy);
            a.member("verified_at").string(capture::formatIsoTimestamp(*def.verifiedMs));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Reading

using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::element_type;
using simdjson::dom::object;

const char *typeName(element_type t)
{
    switch (t) {
    case element_type::ARRAY:
        return "an array";
    case element_type::OBJECT:
        return "an object";
    case element_type::INT64:
    case element_type::UINT64:
    case element_type::DOUBLE:
        return "a number";
    case element_type::STRING:
        return "a string";
    case element_type::BOOL:
        return "true/false";
    case element_type::NULL_VALUE:
        return "null";
    }
    return "a value";
}

std::string join(std::initializer_list<std::string_view> items)
{
    std::string out;
    for (auto item : items) {
        if (!out.empty()) out += ", ";
        out += item;
    }
    return out;
}

std::string childPath(const std::string &parent, std::string_view key)
{
    return parent.empty() ? std::string(key) : parent + "." + std::string(key);
}

std::string indexPath(const std::string &parent, std::size_t index)
{
    return parent + "[" + std::to_string(index) + "]";
}

/// Thrown inside the reader only, to stop at the first structural problem of a definition.
struct Stop
{
};

class Reader
{
  public:
    std::vector<DefinitionIssue> issues;

    [[noreturn]] void fail(std::string path, std::string reason)
    {
        issues.push_back({std::move(path), std::move(reason), std::nullopt});
        throw Stop{};
    }

    /// The members of `value` (which must be an object), refusing unknown and repeated keys.
    std::map<std::string_view, element> fields(element value, const std::string &path,
                                               std::initializer_list<std::string_view> allowed)
    {
        object obj;
        if (value.get_object().get(obj))
            fail(path.empty() ? "(document)" : path,
                 std::string("expected an object, found ") + typeName(value.type()));
        std::map<std::string_view, element> out;
        for (auto field : obj) {
            if (std::find(allowed.begin(), allowed.end(), field.key) == allowed.end())
                fail(childPath(path, field.key),
                     "unknown field '" + std::string(field.key) + "'; expected one of " + join(allowed));
            if (!out.emplace(field.key, field.value).second)
                fail(childPath(path, field.key), "appears more than once");
        }
        return out;
    }

    std::string string(element value, const std::string &path)
    {
        std::string_view s;
        if (value.get_string().get(s))
            fail(path, std::string("expected a string, found ") + typeName(value.type()));
        return std::string(s);
    }

    bool boolean(element value, const std::string &path)
    {
        bool b = false;
        if (value.get_bool().get(b))
            fail(path, std::string("expected true or false, found ") + typeName(value.type()));
        return b;
    }

    array arrayOf(element value, const std::string &path)
    {
        array a;
        if (value.get_array().get(a))
            fail(path, std::string("expected an array, found ") + typeName(value.type()));
        return a;
    }

    std::vector<std::string> strings(element value, const std::string &path)
    {
        std::vector<std::string> out;
        std::size_t i = 0;
        for (element item : arrayOf(value, path))
            out.push_back(string(item, indexPath(path, i++)));
        return out;
    }

    TextMatchMode mode(element value, const std::string &path, bool url)
    {
        const std::string name = string(value, path);
        const auto m = TextMatcher::modeFromName(name);
        if (!m || (!url && *m == TextMatchMode::Wildcard))
            fail(path, std::string("expected one of exact, contains, regex") + (url ? ", wildcard" : "") +
                           " (found \"" + name + "\")" + (m ? "; wildcard matching is only for URLs" : ""));
        return *m;
    }

    TextCriterion text(element value, const std::string &path)
    {
        auto f = fields(value, path, {"value", "match", "case_sensitive"});
        TextCriterion t;
        if (!f.count("value")) fail(childPath(path, "value"), "missing; give the text to match");
        t.pattern = string(f["value"], childPath(path, "value"));
        if (f.count("match")) t.mode = mode(f["match"], childPath(path, "match"), false);
        if (f.count("case_sensitive"))
            t.caseSensitive = boolean(f["case_sensitive"], childPath(path, "case_sensitive"));
        return t;
    }

    UrlCriterion url(element value, const std::string &path)
    {
        auto f = fields(value, path, {"value", "match", "scope", "case_sensitive"});
        UrlCriterion u;
        if (!f.count("value")) fail(childPath(path, "value"), "missing; give the URL pattern to match");
        u.pattern = string(f["value"], childPath(path, "value"));
        if (f.count("match")) u.mode = mode(f["match"], childPath(path, "match"), true);
        if (f.count("scope")) {
            const std::string name = string(f["scope"], childPath(path, "scope"));
            const auto scope = urlScopeFromName(name);
            if (!scope) fail(childPath(path, "scope"), "expected one of full, path (found \"" + name + "\")");
            u.scope = *scope;
        }
        if (f.count("case_sensitive"))
            u.caseSensitive = boolean(f["case_sensitive"], childPath(path, "case_sensitive"));
        return u;
    }

    PropertyFilter property(element value, const std::string &path)
    {
        auto f = fields(value, path, {"key", "op", "value"});
        PropertyFilter p;
        if (!f.count("key")) fail(childPath(path, "key"), "missing; name the property");
        p.key = string(f["key"], childPath(path, "key"));
        if (!f.count("op"))
            fail(childPath(path, "op"),
                 "missing; expected one of equals, not_equals, contains, regex, is_set, is_not_set");
        const std::string opName = string(f["op"], childPath(path, "op"));
        const auto op = propertyOpFromName(opName);
        if (!op)
            fail(childPath(path, "op"),
                 "expected one of equals, not_equals, contains, regex, is_set, is_not_set (found \"" +
                     opName + "\")");
        p.op = *op;
        const bool takesValue = p.op != PropertyOp::IsSet && p.op != PropertyOp::IsNotSet;
        if (f.count("value")) {
            if (!takesValue) fail(childPath(path, "value"), opName + " takes no value");
            p.value = string(f["value"], childPath(path, "value"));
        } else if (takesValue) {
            fail(childPath(path, "value"), "missing; " + opName + " compares with a value");
        }
        return p;
    }

    Step step(element value, const std::string &path)
    {
        auto f = fields(value, path, {"events", "selector", "text", "href", "url", "properties"});
        Step s;
        if (f.count("events")) s.eventTypes = strings(f["events"], childPath(path, "events"));
        if (f.count("selector")) s.selector = string(f["selector"], childPath(path, "selector"));
        if (f.count("text")) s.text = text(f["text"], childPath(path, "text"));
        if (f.count("href")) s.href = text(f["href"], childPath(path, "href"));
        if (f.count("url")) s.url = url(f["url"], childPath(path, "url"));
        if (f.count("properties")) {
            const std::string at = childPath(path, "properties");
            std::size_t i = 0;
            for (element item : arrayOf(f["properties"], at))
                s.properties.push_back(property(item, indexPath(at, i++)));
        }
        return s;
    }

    Definition definition(element value, const std::string &path)
    {
        auto f =
            fields(value, path,
                   {"name", "description", "category", "owner", "tags", "status", "steps", "combo", "audit"});
        Definition d;
        if (!f.count("name")) fail(childPath(path, "name"), "missing; every definition needs a name");
        d.name = string(f["name"], childPath(path, "name"));
        if (f.count("description")) d.description = string(f["description"], childPath(path, "description"));
        if (f.count("category")) d.category = string(f["category"], childPath(path, "category"));
        if (f.count("owner")) d.owner = string(f["owner"], childPath(path, "owner"));
        if (f.count("tags")) {
            d.tags = strings(f["tags"], childPath(path, "tags"));
            std::sort(d.tags.begin(), d.tags.end());
            d.tags.erase(std::unique(d.tags.begin(), d.tags.end()), d.tags.end());
        }
        if (f.count("status")) {
            const std::string name = string(f["status"], childPath(path, "status"));
            const auto status = statusFromName(name);
            if (!status)
                fail(childPath(path, "status"),
                     "expected one of draft, verified, deprecated, archived (found \"" + name + "\")");
            d.status = *status;
        }
        if (f.count("steps")) {
            const std::string at = childPath(path, "steps");
            std::size_t i = 0;
            for (element item : arrayOf(f["steps"], at))
                d.steps.push_back(step(item, indexPath(at, i++)));
        }
        if (f.count("combo")) d.combo = strings(f["combo"], childPath(path, "combo"));
        if (f.count("audit")) {
            // Bookkeeping written by export; the catalog keeps its own, so it is only checked
            // to be an object.
            object ignored;
            if (f["audit"].get_object().get(ignored))
                fail(childPath(path, "audit"),
                     std::string("expected an object, found ") + typeName(f["audit"].type()));
        }
        return d;
    }
};

/// "line L, column C" of a byte offset (columns count bytes, from 1).
std::string lineColumn(std::string_view text, std::size_t offset)
{
    offset = std::min(offset, text.size());
    std::size_t line = 1, lineStart = 0;
    for (std::size_t i = 0; i < offset; ++i)
        if (text[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    return "line " + std::to_string(line) + ", column " + std::to_string(offset - lineStart + 1);
}

/// Why simdjson refused the text, located with Qt's parser (which reports an offset) when it can.
std::string syntaxError(std::string_view json, simdjson::error_code code)
{
    QJsonParseError qtError;
    const QJsonDocument doc =
        QJsonDocument::fromJson(QByteArray(json.data(), static_cast<qsizetype>(json.size())), &qtError);
    if (qtError.error != QJsonParseError::NoError)
        return "not valid JSON: " + qtError.errorString().toStdString() + " at " +
               lineColumn(json, static_cast<std::size_t>(qtError.offset));
    return std::string("not valid JSON: ") + simdjson::error_message(code);
}

enum class Expect { File, Object, Either };

DefinitionParseResult parse(std::string_view json, Expect expect, const DefinitionParseOptions &options)
{
    DefinitionParseResult result;
    simdjson::dom::parser parser;
    const simdjson::padded_string padded(json);
    element root;
    if (const auto code = parser.parse(padded).get(root)) {
        result.issues.push_back({"", syntaxError(json, code), std::nullopt});
        return result;
    }

    Reader reader;
    bool isFile = expect == Expect::File;
    if (expect == Expect::Either) {
        object obj;
        element marker;
        isFile = !root.get_object().get(obj) && !obj["hindsight_definitions"].get(marker);
    }

    std::vector<std::string> paths; // of each definition, for validation issues
    if (isFile) {
        try {
            auto f = reader.fields(root, "", {"hindsight_definitions", "definitions"});
            if (!f.count("hindsight_definitions"))
                reader.fail("hindsight_definitions",
                            "missing; a definitions file starts with {\"hindsight_definitions\": 1, "
                            "\"definitions\": [...]}");
            std::int64_t version = 0;
            if (f["hindsight_definitions"].get_int64().get(version) || version != kDefinitionFileVersion)
                reader.fail("hindsight_definitions", "unsupported format version (this build reads " +
                                                         std::to_string(kDefinitionFileVersion) + ")");
            if (!f.count("definitions"))
                reader.fail("definitions", "missing; expected an array of definitions");
            array list = reader.arrayOf(f["definitions"], "definitions");
            std::size_t i = 0;
            for (element item : list) {
                const std::string path = indexPath("definitions", i++);
                try {
                    result.definitions.push_back(reader.definition(item, path));
                    paths.push_back(path);
                } catch (const Stop &) {
                    // Reported; go on with the next definition so that one run shows more problems.
                }
            }
        } catch (const Stop &) {
        }
    } else {
        try {
            result.definitions.push_back(reader.definition(root, ""));
            paths.push_back("");
        } catch (const Stop &) {
        }
    }
    result.issues = std::move(reader.issues);

    if (options.validate) {
        for (std::size_t i = 0; i < result.definitions.size(); ++i)
            for (auto &issue : validateDefinition(result.definitions[i])) {
                issue.path = childPath(paths[i], issue.path);
                result.issues.push_back(std::move(issue));
            }
    }
    if (isFile) {
        std::map<std::string, std::size_t> seen;
        for (std::size_t i = 0; i < result.definitions.size(); ++i) {
            const auto [it, inserted] = seen.emplace(definitionNameKey(result.definitions[i].name), i);
            if (!inserted)
                result.issues.push_back({childPath(paths[i], "name"),
                                         "'" + result.definitions[i].name + "' is already the name of " +
                                             paths[it->second] + " (names are compared ignoring case)",
                                         std::nullopt});
        }
    }
    if (!result.issues.empty()) result.definitions.clear();
    return result;
}

} // namespace

std::string definitionToJson(const Definition &def, const DefinitionJsonOptions &options)
{
    JsonOut out(true);
    writeDefinition(out, def, 1, options.audit);
    return std::move(out.out());
}

std::string definitionToCompactJson(const Definition &def)
{
    JsonOut out(false);
    writeDefinition(out, def, 1, false);
    return std::move(out.out());
}

std::string definitionsToJsonFile(std::vector<Definition> defs, const DefinitionJsonOptions &options)
{
    std::vector<std::pair<std::string, const Definition *>> order;
    order.reserve(defs.size());
    for (const auto &d : defs)
        order.emplace_back(definitionNameKey(d.name), &d);
    std::sort(order.begin(), order.end(), [](const auto &a, const auto &b) {
        return a.first != b.first ? a.first < b.first : a.second->name < b.second->name;
    });
    JsonOut out(true);
    {
        ObjectWriter file(out, 1);
        file.member("hindsight_definitions").number(kDefinitionFileVersion);
        JsonOut &j = file.member("definitions");
        j.out() += '[';
        for (std::size_t i = 0; i < order.size(); ++i) {
            if (i) j.out() += ',';
            j.newline(2);
            writeDefinition(j, *order[i].second, 3, options.audit);
        }
        if (!order.empty()) j.newline(1);
        j.out() += ']';
    }
    out.out() += '\n';
    return std::move(out.out());
}

std::string DefinitionParseResult::message() const
{
    std::string out;
    for (const auto &issue : issues) {
        if (!out.empty()) out += '\n';
        out += issue.message();
    }
    return out;
}

DefinitionParseResult parseDefinitionFile(std::string_view json, const DefinitionParseOptions &options)
{
    return parse(json, Expect::File, options);
}

DefinitionParseResult parseDefinitionObject(std::string_view json, const DefinitionParseOptions &options)
{
    return parse(json, Expect::Object, options);
}

DefinitionParseResult parseDefinitionJson(std::string_view json, const DefinitionParseOptions &options)
{
    return parse(json, Expect::Either, options);
}

} // namespace hindsight::definitions
