#include "ui/common/definitiondescription.h"

#include "ui/common/untrustedtext.h"

#include <QCoreApplication>
#include <algorithm>

namespace hindsight::ui::definitiontext {

using definitions::Definition;
using definitions::DefinitionStatus;
using definitions::PropertyFilter;
using definitions::PropertyOp;
using definitions::Step;
using definitions::TextCriterion;
using definitions::TextMatchMode;
using definitions::UrlCriterion;
using definitions::UrlScope;

namespace {

constexpr int kValueChars = 120;

QString tr(const char *text)
{
    return QCoreApplication::translate("hindsight::ui::DefinitionText", text);
}

QString value(const std::string &text, int maxChars = kValueChars)
{
    return untrusted::line(std::string_view(text), maxChars);
}

QString quoted(const std::string &text)
{
    return QStringLiteral("\"%1\"").arg(value(text));
}

QString matchPhrase(TextMatchMode mode, bool caseSensitive)
{
    QString out;
    switch (mode) {
    case TextMatchMode::Exact:
        out = tr("is");
        break;
    case TextMatchMode::Contains:
        out = tr("contains");
        break;
    case TextMatchMode::Regex:
        out = tr("matches regex");
        break;
    case TextMatchMode::Wildcard:
        out = tr("matches");
        break;
    }
    if (!caseSensitive) out += QLatin1Char(' ') + tr("(any case)");
    return out;
}

QString textCriterion(const std::optional<TextCriterion> &c)
{
    if (!c) return {};
    return matchPhrase(c->mode, c->caseSensitive) + QLatin1Char(' ') + quoted(c->pattern);
}

QString urlCriterion(const std::optional<UrlCriterion> &c)
{
    if (!c) return {};
    return (c->scope == UrlScope::Path ? tr("path") : tr("URL")) + QLatin1Char(' ') +
           matchPhrase(c->mode, c->caseSensitive) + QLatin1Char(' ') + quoted(c->pattern);
}

QString propertyFilter(const PropertyFilter &f)
{
    const QString key = value(f.key, 80);
    switch (f.op) {
    case PropertyOp::Equals:
        return key + QStringLiteral(" = ") + quoted(f.value);
    case PropertyOp::NotEquals:
        return key + QStringLiteral(" != ") + quoted(f.value);
    case PropertyOp::Contains:
        return key + QLatin1Char(' ') + tr("contains") + QLatin1Char(' ') + quoted(f.value);
    case PropertyOp::Regex:
        return key + QLatin1Char(' ') + tr("matches regex") + QLatin1Char(' ') + quoted(f.value);
    case PropertyOp::IsSet:
        return key + QLatin1Char(' ') + tr("is set");
    case PropertyOp::IsNotSet:
        return key + QLatin1Char(' ') + tr("is not set");
    }
    return key;
}

QString joinList(const std::vector<std::string> &items, int maxChars = 80)
{
    QStringList out;
    for (const auto &i : items)
        out << value(i, maxChars);
    return out.join(QStringLiteral(", "));
}

QString orNone(const QString &text)
{
    return text.isEmpty() ? tr("(none)") : text;
}

QString eventTypes(const Step &step)
{
    return step.eventTypes.empty() ? tr("any") : joinList(step.eventTypes);
}

QString properties(const Step &step)
{
    QStringList out;
    for (const auto &f : step.properties)
        out << propertyFilter(f);
    return out.join(QStringLiteral("; "));
}

QString changeLine(const QString &field, const QString &before, const QString &after)
{
    return QStringLiteral("%1: %2 → %3").arg(field, orNone(before), orNone(after));
}

/// Field-by-field lines between two steps; `prefix` is "" or "step 2 ".
void stepChanges(QStringList &out, const QString &prefix, const Step &a, const Step &b)
{
    auto field = [&](const QString &name, const QString &before, const QString &after) {
        if (before != after) out << changeLine(prefix + name, before, after);
    };
    field(tr("event types"), eventTypes(a), eventTypes(b));
    field(tr("selector"), a.selector ? value(*a.selector) : QString(),
          b.selector ? value(*b.selector) : QString());
    field(tr("text"), textCriterion(a.text), textCriterion(b.text));
    field(tr("href"), textCriterion(a.href), textCriterion(b.href));
    field(tr("page"), urlCriterion(a.url), urlCriterion(b.url));
    field(tr("properties"), properties(a), properties(b));
}

bool hasStep(const std::vector<Step> &steps, const Step &step)
{
    return std::find(steps.begin(), steps.end(), step) != steps.end();
}

} // namespace

QString statusWord(DefinitionStatus status)
{
    switch (status) {
    case DefinitionStatus::Draft:
        return tr("Draft");
    case DefinitionStatus::Verified:
        return tr("Verified");
    case DefinitionStatus::Deprecated:
        return tr("Deprecated");
    case DefinitionStatus::Archived:
        return tr("Archived");
    }
    return {};
}

QString describeStep(const Step &step)
{
    QString out = step.eventTypes.empty() ? tr("any interaction") : QString();
    for (std::size_t i = 0; i < step.eventTypes.size(); ++i)
        out += (i == 0                            ? QString()
                : i + 1 == step.eventTypes.size() ? QLatin1Char(' ') + tr("or") + QLatin1Char(' ')
                                                  : QStringLiteral(", ")) +
               value(step.eventTypes[i], 80);
    if (step.selector || step.text || step.href) {
        out += QLatin1Char(' ') + tr("on an element");
        if (step.selector)
            out += QLatin1Char(' ') + tr("matching") + QLatin1Char(' ') + value(*step.selector);
        if (step.text)
            out += QString(step.selector ? QStringLiteral(",") : QString()) + QLatin1Char(' ') +
                   tr("whose text") + QLatin1Char(' ') + textCriterion(step.text);
        if (step.href)
            out += QString(step.selector || step.text ? QStringLiteral(",") : QString()) + QLatin1Char(' ') +
                   tr("whose href") + QLatin1Char(' ') + textCriterion(step.href);
        out += QLatin1Char(' ') + tr("(or inside one)");
    }
    if (step.url)
        out += QStringLiteral(", ") + tr("where the page") + QLatin1Char(' ') + urlCriterion(step.url);
    for (const auto &f : step.properties)
        out += QStringLiteral(", ") + tr("property") + QLatin1Char(' ') + propertyFilter(f);
    return out;
}

QStringList describeCriteria(const Definition &def)
{
    QStringList out;
    if (def.isCombo()) {
        for (const auto &member : def.combo)
            out << value(member);
        return out;
    }
    for (const auto &step : def.steps)
        out << describeStep(step);
    return out;
}

QStringList changes(const Definition &before, const Definition &after)
{
    QStringList out;
    auto field = [&](const QString &name, const QString &a, const QString &b) {
        if (a != b) out << changeLine(name, a, b);
    };
    field(tr("name"), value(before.name), value(after.name));
    field(tr("status"), statusWord(before.status), statusWord(after.status));
    field(tr("description"), value(before.description, 80), value(after.description, 80));
    field(tr("category"), value(before.category), value(after.category));
    field(tr("owner"), value(before.owner), value(after.owner));
    field(tr("tags"), joinList(before.tags), joinList(after.tags));

    if (before.isCombo() != after.isCombo()) {
        auto criteria = [](const Definition &d) {
            return d.isCombo() ? tr("any of") + QLatin1Char(' ') + joinList(d.combo)
                               : describeCriteria(d).join(QLatin1Char(' ') + tr("or") + QLatin1Char(' '));
        };
        field(tr("criteria"), criteria(before), criteria(after));
        return out;
    }
    if (before.isCombo()) {
        field(tr("members"), joinList(before.combo), joinList(after.combo));
        return out;
    }
    // Steps that are in both versions did not change; the others are paired in order (the
    // usual edit changes one field of one step) and compared field by field.
    std::vector<const Step *> removed, added;
    for (const auto &s : before.steps)
        if (!hasStep(after.steps, s)) removed.push_back(&s);
    for (const auto &s : after.steps)
        if (!hasStep(before.steps, s)) added.push_back(&s);
    const bool several = before.steps.size() > 1 || after.steps.size() > 1;
    const std::size_t paired = std::min(removed.size(), added.size());
    for (std::size_t i = 0; i < paired; ++i) {
        const auto position =
            std::find(after.steps.begin(), after.steps.end(), *added[i]) - after.steps.begin();
        stepChanges(out, several ? tr("step %1").arg(position + 1) + QLatin1Char(' ') : QString(),
                    *removed[i], *added[i]);
    }
    for (std::size_t i = paired; i < removed.size(); ++i)
        out << tr("step removed: %1").arg(describeStep(*removed[i]));
    for (std::size_t i = paired; i < added.size(); ++i)
        out << tr("step added: %1").arg(describeStep(*added[i]));
    if (removed.empty() && added.empty() && before.steps != after.steps) out << tr("steps: reordered");
    return out;
}

QStringList creation(const Definition &def)
{
    QStringList out;
    auto field = [&](const QString &name, const QString &text) {
        if (!text.isEmpty()) out << QStringLiteral("%1: %2").arg(name, text);
    };
    field(tr("name"), value(def.name));
    field(tr("status"), statusWord(def.status));
    field(tr("description"), value(def.description, 80));
    field(tr("category"), value(def.category));
    field(tr("owner"), value(def.owner));
    field(tr("tags"), joinList(def.tags));
    if (def.isCombo())
        field(tr("members"), joinList(def.combo));
    else
        for (const auto &line : describeCriteria(def))
            field(tr("criteria"), line);
    return out;
}

} // namespace hindsight::ui::definitiontext
