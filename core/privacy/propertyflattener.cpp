#include "core/privacy/propertyflattener.h"

#include <simdjson.h>
#include <string>

namespace hindsight::privacy {

namespace {

constexpr int kMaxDepth = 32;

} // namespace

struct PropertyFlattener::Impl
{
    simdjson::dom::parser parser;
    std::string path;
    std::string number;

    void walk(simdjson::dom::element value, std::string_view key, int depth, const Visitor &visit)
    {
        using simdjson::dom::element_type;
        switch (value.type()) {
        case element_type::OBJECT: {
            if (depth >= kMaxDepth) {
                visit(path, key, simdjson::minify(value));
                return;
            }
            const std::size_t keep = path.size();
            for (const auto field : simdjson::dom::object(value)) {
                path.resize(keep);
                if (!path.empty()) path += '.';
                path += field.key;
                walk(field.value, field.key, depth + 1, visit);
            }
            path.resize(keep);
            return;
        }
        case element_type::ARRAY: {
            if (depth >= kMaxDepth) {
                visit(path, key, simdjson::minify(value));
                return;
            }
            const std::size_t keep = path.size();
            path += "[]";
            for (const simdjson::dom::element item : simdjson::dom::array(value)) {
                path.resize(keep + 2);
                walk(item, key, depth + 1, visit);
            }
            path.resize(keep);
            return;
        }
        case element_type::STRING:
            visit(path, key, std::string_view(value.get_string().value_unsafe()));
            return;
        case element_type::INT64:
        case element_type::UINT64:
        case element_type::DOUBLE:
            number = simdjson::minify(value);
            visit(path, key, number);
            return;
        case element_type::BOOL:
        case element_type::NULL_VALUE:
            return;
        }
    }
};

PropertyFlattener::PropertyFlattener() : m_impl(std::make_unique<Impl>()) {}

PropertyFlattener::~PropertyFlattener() = default;

bool PropertyFlattener::flatten(std::string_view json, const Visitor &visit)
{
    simdjson::dom::element root;
    if (m_impl->parser.parse(json.data(), json.size()).get(root) != simdjson::SUCCESS) return false;
    if (root.type() != simdjson::dom::element_type::OBJECT) return false;
    m_impl->path.clear();
    m_impl->walk(root, {}, 0, visit);
    return true;
}

} // namespace hindsight::privacy
