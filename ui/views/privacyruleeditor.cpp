#include "ui/views/privacyruleeditor.h"

#include "ui/common/humanformat.h"
#include "ui/common/untrustedtext.h"
#include "ui/models/privacyfindingmodel.h"
#include "ui/models/privacyrulemodel.h"
#include "ui/store/analysisservice.h"
#include "ui/store/privacyjobs.h"

#include <QComboBox>
#include <QCompleter>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStringListModel>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace hindsight::ui {

using privacy::MaskAction;
using privacy::MaskRule;

namespace {

QString fromUtf8(const std::string &text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

QLabel *plainLabel(const char *objectName)
{
    auto *label = new QLabel;
    label->setObjectName(QString::fromLatin1(objectName));
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QString percentOf(qint64 part, qint64 whole)
{
    if (whole <= 0) return QStringLiteral("0%");
    const double p = 100.0 * static_cast<double>(part) / static_cast<double>(whole);
    if (p > 0 && p < 0.1) return QStringLiteral("<0.1%");
    return displayLocale().toString(p, 'f', p < 10 ? 1 : 0) + QLatin1Char('%');
}

} // namespace

PrivacyRuleEditor::PrivacyRuleEditor(AnalysisService *analysis, QWidget *parent)
    : QWidget(parent), m_analysis(analysis)
{
    setObjectName(QStringLiteral("privacyRuleEditor"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);

    auto *title = new QLabel(tr("New masking rule"));
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    layout->addWidget(title);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_field = new QLineEdit;
    m_field->setObjectName(QStringLiteral("privacyRuleField"));
    m_field->setAccessibleName(tr("Field pattern"));
    m_field->setPlaceholderText(tr("element.text, url.query.token, properties.*"));
    m_field->setToolTip(tr("Fields as the audit names them; * matches any characters"));
    auto *completer = new QCompleter(new QStringListModel(this), this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_field->setCompleter(completer);
    form->addRow(tr("&Field"), m_field);

    m_detector = new QComboBox;
    m_detector->setObjectName(QStringLiteral("privacyRuleDetector"));
    m_detector->setAccessibleName(tr("Detector"));
    m_detector->addItem(tr("The whole value"), QString());
    for (const auto type : privacy::kAllDetectorTypes)
        m_detector->addItem(tr("Only %1").arg(PrivacyFindingModel::detectorWord(type).toLower()),
                            QString::fromLatin1(privacy::toString(type)));
    m_detector->setToolTip(tr("Mask only the parts a detector finds, or the whole value"));
    form->addRow(tr("&What"), m_detector);

    m_action = new QComboBox;
    m_action->setObjectName(QStringLiteral("privacyRuleAction"));
    m_action->setAccessibleName(tr("Action"));
    for (const auto action : {MaskAction::Redact, MaskAction::Hash, MaskAction::Truncate,
                              MaskAction::DropField, MaskAction::DropInteraction})
        m_action->addItem(PrivacyRuleModel::actionWord(action), static_cast<int>(action));
    m_action->setItemData(0, tr("Replace with [REDACTED] (or [EMAIL], … for a detected part)"),
                          Qt::ToolTipRole);
    m_action->setItemData(1, tr("Replace with a keyed hash: equal values stay equal"), Qt::ToolTipRole);
    m_action->setItemData(2, tr("Keep the first characters only"), Qt::ToolTipRole);
    m_action->setItemData(3, tr("Remove the attribute, parameter or property"), Qt::ToolTipRole);
    m_action->setItemData(4, tr("Do not keep the interaction at all"), Qt::ToolTipRole);
    form->addRow(tr("&Action"), m_action);

    m_keep = new QSpinBox;
    m_keep->setObjectName(QStringLiteral("privacyRuleKeep"));
    m_keep->setAccessibleName(tr("Characters kept"));
    m_keep->setRange(1, 1'000'000);
    m_keep->setValue(4);
    form->addRow(tr("&Keep characters"), m_keep);

    m_selector = new QLineEdit;
    m_selector->setObjectName(QStringLiteral("privacyRuleSelector"));
    m_selector->setAccessibleName(tr("Only elements matching the CSS selector"));
    m_selector->setPlaceholderText(tr("optional CSS selector, e.g. .account__greeting"));
    form->addRow(tr("&Selector"), m_selector);

    m_url = new QLineEdit;
    m_url->setObjectName(QStringLiteral("privacyRuleUrl"));
    m_url->setAccessibleName(tr("Only on page URLs matching"));
    m_url->setPlaceholderText(tr("optional page URL pattern, e.g. */account*"));
    form->addRow(tr("On &pages"), m_url);

    m_reason = new QLineEdit;
    m_reason->setObjectName(QStringLiteral("privacyRuleReason"));
    m_reason->setAccessibleName(tr("Reason"));
    m_reason->setPlaceholderText(tr("why (kept in the rule's history)"));
    form->addRow(tr("&Reason"), m_reason);
    layout->addLayout(form);

    m_description = plainLabel("privacyRuleDescription");
    m_description->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    layout->addWidget(m_description);
    m_issues = plainLabel("privacyRuleIssues");
    layout->addWidget(m_issues);

    auto *buttons = new QHBoxLayout;
    m_dryRunButton = new QPushButton(tr("Dry &run"));
    m_dryRunButton->setObjectName(QStringLiteral("privacyRuleDryRun"));
    m_dryRunButton->setAccessibleName(tr("Dry run: what the rule would change, changing nothing"));
    m_dryRunButton->setToolTip(tr("What the rule would change in the stored data; nothing is written"));
    m_addButton = new QPushButton(tr("A&dd rule"));
    m_addButton->setObjectName(QStringLiteral("privacyRuleAdd"));
    m_addButton->setAccessibleName(tr("Add the rule"));
    m_addButton->setToolTip(
        tr("Add the rule: every later import is masked by it. Stored data changes only when "
           "you apply the rules."));
    m_clearButton = new QPushButton(tr("Clear"));
    m_clearButton->setObjectName(QStringLiteral("privacyRuleClear"));
    m_clearButton->setAccessibleName(tr("Clear the form"));
    buttons->addWidget(m_dryRunButton);
    buttons->addWidget(m_addButton);
    buttons->addStretch(1);
    buttons->addWidget(m_clearButton);
    layout->addLayout(buttons);

    auto *previewTitle = new QLabel(tr("Dry run on the stored data"));
    previewTitle->setFont(bold);
    layout->addSpacing(6);
    layout->addWidget(previewTitle);
    m_previewSummary = plainLabel("privacyRulePreviewSummary");
    layout->addWidget(m_previewSummary);
    m_examples = new QTreeWidget;
    m_examples->setObjectName(QStringLiteral("privacyRuleExamples"));
    m_examples->setAccessibleName(tr("Examples of the change (masked)"));
    m_examples->setRootIsDecorated(false);
    m_examples->setHeaderLabels({tr("Field"), tr("Before (masked)"), tr("After")});
    m_examples->setUniformRowHeights(true);
    m_examples->setWordWrap(false);
    m_examples->header()->setStretchLastSection(true);
    m_examples->setColumnWidth(0, 130);
    m_examples->setColumnWidth(1, 220);
    layout->addWidget(m_examples, 1);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(400);
    connect(m_debounce, &QTimer::timeout, this, &PrivacyRuleEditor::dryRun);

    for (auto *edit : {m_field, m_selector, m_url})
        connect(edit, &QLineEdit::textChanged, this, &PrivacyRuleEditor::onChanged);
    connect(m_detector, &QComboBox::currentIndexChanged, this, &PrivacyRuleEditor::onChanged);
    connect(m_action, &QComboBox::currentIndexChanged, this, &PrivacyRuleEditor::onChanged);
    connect(m_keep, &QSpinBox::valueChanged, this, &PrivacyRuleEditor::onChanged);
    connect(m_dryRunButton, &QPushButton::clicked, this, &PrivacyRuleEditor::dryRun);
    connect(m_addButton, &QPushButton::clicked, this, &PrivacyRuleEditor::addRule);
    connect(m_clearButton, &QPushButton::clicked, this, &PrivacyRuleEditor::clear);
    onChanged();
}

void PrivacyRuleEditor::setFieldSuggestions(const QStringList &fields)
{
    if (auto *model = qobject_cast<QStringListModel *>(m_field->completer()->model()))
        model->setStringList(fields);
}

void PrivacyRuleEditor::setRule(const MaskRule &rule)
{
    m_field->setText(fromUtf8(rule.field));
    const int detector =
        rule.detector ? m_detector->findData(QString::fromLatin1(privacy::toString(*rule.detector))) : 0;
    m_detector->setCurrentIndex(std::max(detector, 0));
    m_action->setCurrentIndex(std::max(m_action->findData(static_cast<int>(rule.action)), 0));
    if (rule.keep > 0) m_keep->setValue(rule.keep);
    m_selector->setText(fromUtf8(rule.selector));
    m_url->setText(fromUtf8(rule.url));
    onChanged();
    if (m_valid) dryRun();
}

MaskRule PrivacyRuleEditor::rule() const
{
    MaskRule r;
    r.field = m_field->text().trimmed().toStdString();
    const QString detector = m_detector->currentData().toString();
    if (!detector.isEmpty()) r.detector = privacy::detectorTypeFromString(detector.toStdString());
    r.selector = m_selector->text().trimmed().toStdString();
    r.url = m_url->text().trimmed().toStdString();
    r.action = static_cast<MaskAction>(m_action->currentData().toInt());
    r.keep = r.action == MaskAction::Truncate ? m_keep->value() : 0;
    return r;
}

void PrivacyRuleEditor::clear()
{
    m_field->clear();
    m_detector->setCurrentIndex(0);
    m_action->setCurrentIndex(0);
    m_selector->clear();
    m_url->clear();
    m_reason->clear();
    onChanged();
}

void PrivacyRuleEditor::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    updateState();
}

void PrivacyRuleEditor::onChanged()
{
    const MaskRule r = rule();
    m_keep->setEnabled(r.action == MaskAction::Truncate);
    const auto issues = privacy::validateMaskRule(r);
    m_valid = issues.empty();
    if (r.field.empty()) {
        m_issues->setText(tr("Name a field to mask (start typing: the audit's fields are offered)."));
    } else {
        QStringList lines;
        for (const auto &issue : issues)
            lines << untrusted::line(fromUtf8(issue.text()), 300);
        m_issues->setText(lines.join(QLatin1Char('\n')));
    }
    m_issues->setVisible(!m_issues->text().isEmpty());
    m_description->setText(m_valid ? untrusted::line(fromUtf8(privacy::describeMaskRule(r)), 300)
                                   : QString());
    m_description->setVisible(m_valid);
    m_impact.reset();
    m_dryRunError.clear();
    m_dryRunPending = false; // a running dry run of the old content is ignored when it arrives
    if (m_valid)
        m_debounce->start();
    else
        m_debounce->stop();
    showImpact();
    updateState();
}

void PrivacyRuleEditor::dryRun()
{
    m_debounce->stop();
    if (!m_valid || m_analysis->path().isEmpty()) return;
    const MaskRule r = rule();
    m_dryRunPending = true;
    m_impact.reset();
    m_dryRunError.clear();
    showImpact();
    updateState();
    m_analysis->run<PrivacyDryRun>(
        QStringLiteral("privacy-rule-dryrun"), this,
        [r](AnalysisContext &ctx) { return privacyjobs::dryRun(ctx, {r}); },
        [this, r](const PrivacyDryRun &result) {
            if (!rule().sameContent(r)) return; // the form changed since: a newer dry run follows
            m_dryRunPending = false;
            if (result.ok)
                m_impact = result.impact;
            else
                m_dryRunError = result.error;
            showImpact();
            updateState();
        });
}

void PrivacyRuleEditor::addRule()
{
    if (!m_valid || m_readOnly || m_adding || m_analysis->path().isEmpty()) return;
    const MaskRule r = rule();
    const QString reason = m_reason->text().trimmed();
    m_adding = true;
    updateState();
    m_analysis->run<PrivacyRuleChange>(
        QStringLiteral("privacy-rule-change"), this,
        [r, reason](AnalysisContext &ctx) { return privacyjobs::addRule(ctx, r, reason); },
        [this](const PrivacyRuleChange &result) {
            m_adding = false;
            updateState();
            if (!result.ok) {
                emit failed(tr("The rule was not added: %1").arg(result.error));
                return;
            }
            clear();
            emit ruleAdded(result.rule.id, result.impact);
        });
}

void PrivacyRuleEditor::showImpact()
{
    m_examples->clear();
    if (!m_valid) {
        m_previewSummary->setText(tr("The dry run starts when the rule is complete."));
        return;
    }
    if (!m_dryRunError.isEmpty()) {
        m_previewSummary->setText(tr("The dry run failed: %1").arg(m_dryRunError));
        return;
    }
    if (!m_impact) {
        m_previewSummary->setText(m_dryRunPending ? tr("Checking the stored data…") : QString());
        return;
    }
    const auto &impact = *m_impact;
    const privacy::RuleImpact *r = impact.rules.empty() ? nullptr : &impact.rules.front();
    if (!r || r->interactionsAffected == 0) {
        m_previewSummary->setText(tr("Nothing stored would change (%1 interactions checked). The rule would "
                                     "still mask later imports.")
                                      .arg(formatCount(impact.interactions)));
        return;
    }
    QString text = r->rule.action == MaskAction::DropInteraction
                       ? tr("Would drop %1 of %2 interactions (%3).")
                             .arg(formatCount(r->interactionsDropped), formatCount(impact.interactions),
                                  percentOf(r->interactionsDropped, impact.interactions))
                       : tr("Would rewrite %1 of %2 interactions (%3): %4 distinct stored values change.")
                             .arg(formatCount(r->interactionsAffected), formatCount(impact.interactions),
                                  percentOf(r->interactionsAffected, impact.interactions),
                                  formatCount(r->valuesChanged));
    if (impact.needsConfirmation())
        text += QLatin1Char('\n') + tr("Careful: %1.").arg(fromUtf8(impact.confirmationReason()));
    m_previewSummary->setText(text);
    for (const auto &e : r->examples) {
        auto *item = new QTreeWidgetItem(m_examples);
        item->setText(0, untrusted::line(fromUtf8(e.field), 80));
        item->setText(1, untrusted::line(fromUtf8(e.before)));
        item->setText(2, untrusted::line(fromUtf8(e.after)));
        for (int c = 0; c < 3; ++c)
            item->setToolTip(c, untrusted::toolTip(item->text(c)));
    }
}

void PrivacyRuleEditor::updateState()
{
    const bool open = !m_analysis->path().isEmpty();
    m_dryRunButton->setEnabled(open && m_valid && !m_dryRunPending);
    m_addButton->setEnabled(open && m_valid && !m_readOnly && !m_adding);
    if (m_readOnly) m_addButton->setToolTip(tr("The workspace is open read-only"));
}

} // namespace hindsight::ui
