#include "core/naming/lintreportjson.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace hindsight::naming {

namespace {

QString qstring(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

} // namespace

QJsonObject lintReportToJson(const LintReport &report)
{
    QJsonArray violations;
    for (const LintFinding &finding : report.violations) {
        QJsonObject object;
        object.insert("definition", qstring(finding.definition));
        object.insert("rule", qstring(ruleId(finding.rule)));
        object.insert("message", qstring(finding.message));
        object.insert("suggestion",
                      finding.suggestion ? QJsonValue(qstring(*finding.suggestion)) : QJsonValue());
        violations.append(object);
    }
    QJsonArray duplicates;
    for (const DuplicateGroup &group : report.duplicates) {
        QJsonObject object;
        object.insert("kind", "name");
        object.insert("rule", qstring(duplicateRuleId(group.rule)));
        QJsonArray names;
        for (const std::string &name : group.names)
            names.append(qstring(name));
        object.insert("names", names);
        object.insert("reason", qstring(group.reason));
        object.insert("overlap", QJsonValue());
        duplicates.append(object);
    }
    QJsonObject root;
    root.insert("violations", violations);
    root.insert("duplicates", duplicates);
    return root;
}

std::string lintReportToJsonText(const LintReport &report, bool indented)
{
    return QJsonDocument(lintReportToJson(report))
        .toJson(indented ? QJsonDocument::Indented : QJsonDocument::Compact)
        .toStdString();
}

} // namespace hindsight::naming
