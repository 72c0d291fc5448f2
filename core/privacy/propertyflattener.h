#pragma once

#include <functional>
#include <memory>
#include <string_view>

namespace hindsight::privacy {

/// Walks a JSON object (a stored "remaining properties" object) and reports every scalar value
/// with its path: nested object keys joined with '.' (`$set.email`), array elements under their
/// array's path with "[]" appended (`items[]`, `items[].sku`). Strings are reported unescaped,
/// numbers as JSON writes them; booleans and null are skipped (they cannot hold personal data).
/// Below 32 levels of nesting, what remains is reported as one minified JSON value.
/// Reuses its parser, so one flattener per thread is cheap for many objects.
class PropertyFlattener
{
  public:
    /// path, the key the value sits under (the last object key on the path), value.
    using Visitor = std::function<void(std::string_view path, std::string_view key, std::string_view value)>;

    PropertyFlattener();
    ~PropertyFlattener();
    PropertyFlattener(const PropertyFlattener &) = delete;
    PropertyFlattener &operator=(const PropertyFlattener &) = delete;

    /// False (and nothing visited) when `json` is not a JSON object.
    bool flatten(std::string_view json, const Visitor &visit);

  private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace hindsight::privacy
