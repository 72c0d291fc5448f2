#pragma once

#include "core/definitions/definition.h"

#include <QString>
#include <QStringList>

namespace hindsight::ui {

/// The studio's words for definitions: status names, criteria described for a person, and the
/// difference between two versions field by field. Captured values quoted in these texts
/// (selectors, texts, URLs, property values) go through untrusted::line(): one plain line.
namespace definitiontext {

/// "Draft", "Verified", "Deprecated", "Archived" (translated).
QString statusWord(definitions::DefinitionStatus status);

/// One step as a person reads it, in the CLI's wording (app/cli/definitionprint.h):
/// `click on an element matching button.buy whose text is "Buy" (or inside one), where the page
/// path is "/cart"`.
QString describeStep(const definitions::Step &step);

/// What the definition matches, one line per step (OR-ed) or per combo member.
QStringList describeCriteria(const definitions::Definition &def);

/// The difference from `before` to `after`, one line per changed field, for example
/// `selector: button.buy → #checkout-submit` or `tags: cart → cart, checkout`. For a
/// definition with several steps, lines name the step (`step 2 selector: …`); a step that is
/// new or gone is one line (`step added: click on …`). Empty when nothing a user edits changed.
QStringList changes(const definitions::Definition &before, const definitions::Definition &after);

/// The fields of a newly created definition, one line each (`criteria: click on …`).
QStringList creation(const definitions::Definition &def);

} // namespace definitiontext

} // namespace hindsight::ui
