#include "ui/store/interactionconverter.h"

#include "core/capture/elementchain.h"
#include "core/model/url.h"
#include "core/store/store.h"
#include "ui/common/untrustedtext.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>
#include <algorithm>

namespace hindsight::ui {

namespace {

using untrusted::kCellChars;
using untrusted::kDetailChars;

QString cell(std::string_view text)
{
    return untrusted::line(text, kCellChars);
}

QString detail(std::string_view text)
{
    return untrusted::line(text, kDetailChars);
}

/// tag#id.classes of one element, without its text.
std::string selectorOf(const model::Element &element)
{
    model::Element bare;
    bare.tag = element.tag;
    bare.id = element.id;
    bare.classes = element.classes;
    return capture::summarizeTarget({bare});
}

QString decodeQueryPart(std::string_view part)
{
    QByteArray bytes(part.data(), static_cast<qsizetype>(part.size()));
    bytes.replace('+', ' ');
    return untrusted::line(QUrl::fromPercentEncoding(bytes), kDetailChars);
}

QString consentName(model::Consent consent)
{
    switch (consent) {
    case model::Consent::Granted:
        return QCoreApplication::translate("hindsight::ui::InteractionConverter", "granted");
    case model::Consent::Denied:
        return QCoreApplication::translate("hindsight::ui::InteractionConverter", "denied");
    case model::Consent::Unknown:
        break;
    }
    return QCoreApplication::translate("hindsight::ui::InteractionConverter", "not recorded");
}

} // namespace

InteractionRow InteractionConverter::toRow(const store::InteractionRecord &record)
{
    InteractionRow row;
    row.id = record.id;
    row.uuid = QString::fromStdString(record.uuid);
    row.timestampMs = record.timestampMs;
    row.type = cell(record.type);
    const model::UrlParts url = model::splitUrl(record.url);
    row.pagePath = cell(url.path);
    row.pageUrl = detail(record.url);
    row.person = cell(record.personDistinctId);
    row.session = cell(record.sessionId);
    if (!record.chain.empty() && capture::parseElementsChain(record.chain, m_chain) && !m_chain.empty()) {
        const std::string selector = selectorOf(m_chain.front());
        const std::string summary = capture::summarizeTarget(m_chain);
        row.targetSelector = cell(selector);
        if (summary.size() > selector.size() && summary.compare(0, selector.size(), selector) == 0) {
            std::string_view text(summary);
            text.remove_prefix(selector.size());
            while (!text.empty() && text.front() == ' ')
                text.remove_prefix(1);
            row.targetText = cell(text);
        }
    }
    return row;
}

InteractionDetail InteractionConverter::toDetail(const store::InteractionRecord &record)
{
    InteractionDetail d;
    d.found = true;
    d.id = record.id;
    d.uuid = QString::fromStdString(record.uuid);
    d.timestampMs = record.timestampMs;
    d.type = detail(record.type);
    d.distinctId = detail(record.distinctId);
    d.person = detail(record.personDistinctId);
    d.session = detail(record.sessionId);
    d.title = detail(record.title);
    d.referrer = detail(record.referrer);
    d.consent = consentName(record.consent);

    d.url = detail(record.url);
    const model::UrlParts url = model::splitUrl(record.url);
    d.scheme = detail(url.scheme);
    d.host = detail(url.host);
    d.path = detail(url.path);
    d.hash = detail(url.hash);
    std::string_view query(url.query);
    while (!query.empty()) {
        const auto amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
        if (pair.empty()) continue;
        const auto eq = pair.find('=');
        d.queryParameters.emplace_back(decodeQueryPart(pair.substr(0, eq)),
                                       eq == std::string_view::npos ? QString()
                                                                    : decodeQueryPart(pair.substr(eq + 1)));
    }

    if (!record.chain.empty()) {
        capture::ChainError error;
        if (!capture::parseElementsChain(record.chain, m_chain, &error)) {
            d.chainError =
                QCoreApplication::translate("hindsight::ui::InteractionConverter",
                                            "The stored element chain cannot be read (at byte %1: %2).")
                    .arg(error.position)
                    .arg(detail(error.reason));
        } else {
            // The chain is stored target first; the pane shows it from the outside in.
            for (auto it = m_chain.rbegin(); it != m_chain.rend(); ++it) {
                InteractionDetail::Element node;
                node.selector = detail(selectorOf(*it));
                node.text = detail(it->text);
                // href is also kept among the attributes when the chain carried attr__href.
                const auto carried = [&](std::string_view name) {
                    return std::any_of(it->attributes.begin(), it->attributes.end(),
                                       [&](const auto &attribute) { return attribute.first == name; });
                };
                if (!it->href.empty() && !carried("href"))
                    node.attributes.emplace_back(QStringLiteral("href"), detail(it->href));
                if (it->nthChild > 0)
                    node.attributes.emplace_back(QStringLiteral("nth-child"), QString::number(it->nthChild));
                if (it->nthOfType > 0)
                    node.attributes.emplace_back(QStringLiteral("nth-of-type"),
                                                 QString::number(it->nthOfType));
                for (const auto &[name, value] : it->attributes)
                    node.attributes.emplace_back(detail(name), detail(value));
                d.chain.push_back(std::move(node));
            }
        }
    }

    const QJsonDocument props = QJsonDocument::fromJson(QByteArray::fromStdString(record.properties));
    if (props.isObject()) {
        const QJsonObject object = props.object();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QJsonValue value = it.value();
            QString text;
            if (value.isString())
                text = value.toString();
            else if (value.isObject())
                text = QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
            else if (value.isArray())
                text = QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
            else if (value.isBool())
                text = value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
            else if (value.isDouble())
                text = QString::number(value.toDouble(), 'g', 17);
            else
                text = QStringLiteral("null");
            d.properties.emplace_back(untrusted::line(it.key(), kCellChars),
                                      untrusted::line(text, kDetailChars));
        }
    }
    return d;
}

} // namespace hindsight::ui
