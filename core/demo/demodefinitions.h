#pragma once

#include "core/definitions/definition.h"

#include <vector>

namespace hindsight::demo {

/// The definitions catalog the demo workspace starts with: what a real team's catalog looks
/// like after a year of autocapture — deliberately messy. Good definitions next to duplicates
/// under other names ("Cart - Add Item" and "clicked_add_to_cart" match the same button),
/// names in three conventions, missing descriptions and owners, a verified definition that
/// breaks the naming convention, a definition whose element no longer exists (it matches
/// nothing: health flags it), a deprecated copy and a combo. Every selector and pattern is
/// valid; the mess is in naming, duplication and upkeep, which the studio's review tools find.
std::vector<definitions::Definition> demoDefinitions();

} // namespace hindsight::demo
