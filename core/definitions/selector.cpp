#include "core/definitions/selector.h"

#include "core/definitions/selectorparser.h"

#include <utility>

namespace hindsight::definitions {

Selector::Selector(std::string text, SelectorList ast)
    : m_text(std::move(text)), m_ast(std::move(ast)), m_matcher(m_ast)
{
}

std::optional<Selector> Selector::parse(std::string_view text, SelectorError *error)
{
    auto ast = SelectorParser::parse(text, error);
    if (!ast) return std::nullopt;
    return Selector(std::string(text), std::move(*ast));
}

} // namespace hindsight::definitions
