#pragma once

#include "core/naming/cataloglinter.h"

#include <QJsonObject>
#include <string>

namespace hindsight::naming {

/// The report in the shape `hindsight lint --json` prints:
/// {"violations": [{"definition", "rule", "message", "suggestion": string|null}],
///  "duplicates": [{"kind": "name", "rule", "names": [...], "reason", "overlap": null}]}.
QJsonObject lintReportToJson(const LintReport &report);
std::string lintReportToJsonText(const LintReport &report, bool indented = true);

} // namespace hindsight::naming
