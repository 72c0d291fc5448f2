#include "core/privacy/maskjson.h"

#include "core/capture/jsonwriter.h"

#include <cstdint>

namespace hindsight::privacy {

namespace {

constexpr int kMaxDepth = 64;

class Rewriter
{
  public:
    Rewriter(std::string_view json, JsonValueEditor &editor) : m_json(json), m_editor(editor) {}

    bool changed = false;
    bool aborted = false;

    /// Parses the value at m_pos and appends it (edited) to `out`. False on invalid JSON or abort.
    bool value(std::string &path, int depth, std::string &out)
    {
        skipSpace();
        if (m_pos >= m_json.size()) return false;
        const char c = m_json[m_pos];
        if (c == '{' || c == '[') {
            if (depth >= kMaxDepth) { // too deep to look into: copy as it is
                const std::size_t start = m_pos;
                if (!skipValue()) return false;
                out.append(m_json.substr(start, m_pos - start));
                return true;
            }
            return c == '{' ? object(path, depth, out) : array(path, depth, out);
        }
        return scalarValue(path, out);
    }

    bool object(std::string &path, int depth, std::string &out)
    {
        ++m_pos; // '{'
        out += '{';
        bool first = true;
        skipSpace();
        if (peek() == '}') {
            ++m_pos;
            out += '}';
            return true;
        }
        for (;;) {
            skipSpace();
            if (peek() != '"') return false;
            const std::size_t keyStart = m_pos;
            std::string key;
            if (!string(key)) return false;
            const std::string_view rawKey = m_json.substr(keyStart, m_pos - keyStart);
            skipSpace();
            if (peek() != ':') return false;
            ++m_pos;
            const std::size_t pathSize = path.size();
            if (!path.empty()) path += '.';
            path += key;
            const std::size_t outSize = out.size();
            if (!first) out += ',';
            out.append(rawKey);
            out += ':';
            const Member result = member(path, depth, out);
            path.resize(pathSize);
            if (result == Member::Failed) return false;
            if (result == Member::Removed)
                out.resize(outSize);
            else
                first = false;
            skipSpace();
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            if (peek() == '}') {
                ++m_pos;
                out += '}';
                return true;
            }
            return false;
        }
    }

    bool array(std::string &path, int depth, std::string &out)
    {
        ++m_pos; // '['
        out += '[';
        const std::size_t pathSize = path.size();
        path += "[]";
        bool first = true;
        skipSpace();
        if (peek() == ']') {
            ++m_pos;
            out += ']';
            path.resize(pathSize);
            return true;
        }
        for (;;) {
            const std::size_t outSize = out.size();
            if (!first) out += ',';
            const Member result = member(path, depth, out);
            if (result == Member::Failed) return false;
            if (result == Member::Removed)
                out.resize(outSize);
            else
                first = false;
            skipSpace();
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            if (peek() == ']') {
                ++m_pos;
                out += ']';
                path.resize(pathSize);
                return true;
            }
            return false;
        }
    }

  private:
    enum class Member { Written, Removed, Failed };

    /// One member's value: offers containers to the editor first.
    Member member(std::string &path, int depth, std::string &out)
    {
        skipSpace();
        const char c = peek();
        if (c == '{' || c == '[') {
            const bool empty = containerIsEmpty();
            const JsonEdit edit = m_editor.container(path, empty);
            if (edit == JsonEdit::Abort) {
                aborted = true;
                return Member::Failed;
            }
            if (edit == JsonEdit::Remove) {
                if (!skipValue()) return Member::Failed;
                changed = true;
                return Member::Removed;
            }
            return value(path, depth + 1, out) ? Member::Written : Member::Failed;
        }
        const std::size_t start = m_pos;
        if (c == '"') {
            std::string text;
            if (!string(text)) return Member::Failed;
            return edited(path, text, m_json.substr(start, m_pos - start), out);
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            if (!number()) return Member::Failed;
            const std::string_view raw = m_json.substr(start, m_pos - start);
            return edited(path, raw, raw, out);
        }
        if (!literal()) return Member::Failed;
        out.append(m_json.substr(start, m_pos - start));
        return Member::Written;
    }

    Member edited(const std::string &path, std::string_view value, std::string_view raw, std::string &out)
    {
        m_replacement.clear();
        switch (m_editor.scalar(path, value, m_replacement)) {
        case JsonEdit::Keep:
            break;
        case JsonEdit::Remove:
            changed = true;
            return Member::Removed;
        case JsonEdit::Replace:
            changed = true;
            capture::appendJsonString(out, m_replacement);
            return Member::Written;
        case JsonEdit::Abort:
            aborted = true;
            return Member::Failed;
        }
        out.append(raw);
        return Member::Written;
    }

    bool scalarValue(std::string &, std::string &out)
    {
        const std::size_t start = m_pos;
        const char c = peek();
        bool ok = false;
        if (c == '"') {
            std::string ignored;
            ok = string(ignored);
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            ok = number();
        } else {
            ok = literal();
        }
        if (ok) out.append(m_json.substr(start, m_pos - start));
        return ok;
    }

    char peek() const { return m_pos < m_json.size() ? m_json[m_pos] : '\0'; }

    void skipSpace()
    {
        while (m_pos < m_json.size() && (m_json[m_pos] == ' ' || m_json[m_pos] == '\t' ||
                                         m_json[m_pos] == '\n' || m_json[m_pos] == '\r'))
            ++m_pos;
    }

    bool containerIsEmpty()
    {
        std::size_t p = m_pos + 1;
        while (p < m_json.size() &&
               (m_json[p] == ' ' || m_json[p] == '\t' || m_json[p] == '\n' || m_json[p] == '\r'))
            ++p;
        return p < m_json.size() && (m_json[p] == '}' || m_json[p] == ']');
    }

    static int hex(char c)
    {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    bool hex4(std::uint32_t &v)
    {
        if (m_pos + 4 > m_json.size()) return false;
        v = 0;
        for (int i = 0; i < 4; ++i) {
            const int h = hex(m_json[m_pos++]);
            if (h < 0) return false;
            v = v * 16 + static_cast<std::uint32_t>(h);
        }
        return true;
    }

    static void appendUtf8(std::string &out, std::uint32_t cp)
    {
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }

    /// A string literal at m_pos, unescaped into `text`.
    bool string(std::string &text)
    {
        ++m_pos; // '"'
        for (;;) {
            if (m_pos >= m_json.size()) return false;
            const char c = m_json[m_pos++];
            if (c == '"') return true;
            if (static_cast<unsigned char>(c) < 0x20) return false;
            if (c != '\\') {
                text += c;
                continue;
            }
            if (m_pos >= m_json.size()) return false;
            const char e = m_json[m_pos++];
            switch (e) {
            case '"':
            case '\\':
            case '/':
                text += e;
                break;
            case 'b':
                text += '\b';
                break;
            case 'f':
                text += '\f';
                break;
            case 'n':
                text += '\n';
                break;
            case 'r':
                text += '\r';
                break;
            case 't':
                text += '\t';
                break;
            case 'u': {
                std::uint32_t cp = 0;
                if (!hex4(cp)) return false;
                if (cp >= 0xD800 && cp < 0xDC00 && m_pos + 6 <= m_json.size() && m_json[m_pos] == '\\' &&
                    m_json[m_pos + 1] == 'u') {
                    m_pos += 2;
                    std::uint32_t low = 0;
                    if (!hex4(low)) return false;
                    if (low >= 0xDC00 && low < 0xE000)
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    else
                        cp = 0xFFFD;
                } else if (cp >= 0xD800 && cp < 0xE000) {
                    cp = 0xFFFD;
                }
                appendUtf8(text, cp);
                break;
            }
            default:
                return false;
            }
        }
    }

    bool number()
    {
        const std::size_t start = m_pos;
        if (peek() == '-') ++m_pos;
        while (m_pos < m_json.size()) {
            const char c = m_json[m_pos];
            if ((c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-')
                ++m_pos;
            else
                break;
        }
        return m_pos > start && m_json[m_pos - 1] != '-';
    }

    bool literal()
    {
        for (std::string_view word : {"true", "false", "null"}) {
            if (m_json.substr(m_pos, word.size()) == word) {
                m_pos += word.size();
                return true;
            }
        }
        return false;
    }

    /// Skips one value of any kind.
    bool skipValue()
    {
        skipSpace();
        const char c = peek();
        if (c == '"') {
            std::string ignored;
            return string(ignored);
        }
        if (c == '{' || c == '[') {
            const char close = c == '{' ? '}' : ']';
            ++m_pos;
            skipSpace();
            if (peek() == close) {
                ++m_pos;
                return true;
            }
            for (;;) {
                if (c == '{') {
                    skipSpace();
                    if (peek() != '"') return false;
                    std::string ignored;
                    if (!string(ignored)) return false;
                    skipSpace();
                    if (peek() != ':') return false;
                    ++m_pos;
                }
                if (!skipValue()) return false;
                skipSpace();
                if (peek() == ',') {
                    ++m_pos;
                    continue;
                }
                if (peek() == close) {
                    ++m_pos;
                    return true;
                }
                return false;
            }
        }
        if (c == '-' || (c >= '0' && c <= '9')) return number();
        return literal();
    }

    std::string_view m_json;
    JsonValueEditor &m_editor;
    std::size_t m_pos = 0;
    std::string m_replacement;

  public:
    std::size_t position() const { return m_pos; }
    void finishSpace() { skipSpace(); }
};

} // namespace

JsonRewrite rewriteJsonObject(std::string_view json, std::string_view root, JsonValueEditor &editor,
                              std::string &out)
{
    out.clear();
    Rewriter rewriter(json, editor);
    std::string path(root);
    std::size_t first = 0;
    while (first < json.size() &&
           (json[first] == ' ' || json[first] == '\t' || json[first] == '\n' || json[first] == '\r'))
        ++first;
    if (first >= json.size() || json[first] != '{') return JsonRewrite::Invalid;
    const bool ok = rewriter.value(path, 0, out);
    if (rewriter.aborted) return JsonRewrite::Aborted;
    if (!ok) return JsonRewrite::Invalid;
    rewriter.finishSpace();
    if (rewriter.position() != json.size()) return JsonRewrite::Invalid;
    return rewriter.changed ? JsonRewrite::Changed : JsonRewrite::Unchanged;
}

} // namespace hindsight::privacy
