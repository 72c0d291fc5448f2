#include "core/model/element.h"

namespace hindsight::model {

const std::string *Element::attribute(std::string_view name) const
{
    for (const auto &kv : attributes)
        if (kv.first == name) return &kv.second;
    if (name == "id" && !id.empty()) return &id;
    if (name == "href" && !href.empty()) return &href;
    return nullptr;
}

} // namespace hindsight::model
