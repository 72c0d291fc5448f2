#include "ui/views/namefeedback.h"

#include "core/naming/conventionpresets.h"
#include "core/naming/namelinter.h"
#include "ui/common/untrustedtext.h"
#include "ui/store/analysiscontext.h"
#include "ui/store/analysisservice.h"
#include "ui/store/definitionjobs.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <exception>

namespace hindsight::ui {

namespace {

struct ConventionForNames
{
    std::shared_ptr<const naming::NameLinter> linter;
    QString pattern;
    QString example;
    QString note; ///< why the default is used, when the stored convention does not read
};

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

} // namespace

NameFeedback::NameFeedback(AnalysisService *analysis, QWidget *parent) : QWidget(parent), m_analysis(analysis)
{
    setObjectName(QStringLiteral("nameFeedback"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    m_icon = new QLabel;
    m_icon->setObjectName(QStringLiteral("nameFeedbackIcon"));
    m_icon->setAlignment(Qt::AlignTop | Qt::AlignHCenter);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setFixedSize(iconSize, iconSize);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    m_text = new QLabel;
    m_text->setObjectName(QStringLiteral("nameFeedbackText"));
    m_text->setTextFormat(Qt::PlainText);
    m_text->setWordWrap(true);
    m_text->setAccessibleName(tr("Naming convention"));
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_text, 1);
    m_button = new QPushButton;
    m_button->setObjectName(QStringLiteral("nameSuggestionButton"));
    m_button->setAccessibleName(tr("Use the suggested name"));
    m_button->setAutoDefault(false);
    m_button->hide();
    layout->addWidget(m_button, 0, Qt::AlignTop);
    connect(m_button, &QPushButton::clicked, this, [this] {
        if (!m_suggestion.isEmpty()) emit suggestionChosen(m_suggestion);
    });
    show(State::Waiting, tr("Reading the workspace's naming convention…"), {});
}

NameFeedback::~NameFeedback() = default;

void NameFeedback::reloadConvention()
{
    if (!m_analysis) return;
    m_analysis->run<ConventionForNames>(
        QStringLiteral("naming-convention"), this,
        [](AnalysisContext &ctx) {
            ConventionForNames out;
            naming::Convention convention = *naming::conventionPreset("heap");
            if (ctx.isOpen()) {
                WorkspaceConventionResult read = loadWorkspaceConvention(ctx.store());
                convention = std::move(read.convention);
                out.note = read.error;
            }
            try {
                out.linter = std::make_shared<const naming::NameLinter>(convention);
            } catch (const std::exception &) {
                return out;
            }
            out.pattern = QString::fromStdString(convention.pattern());
            out.example = QString::fromStdString(convention.example);
            return out;
        },
        [this](const ConventionForNames &result) {
            m_linter = result.linter;
            m_pattern = result.pattern;
            m_example = result.example;
            m_conventionNote = result.note;
            refresh();
            emit conventionLoaded();
        });
}

void NameFeedback::setName(const QString &name)
{
    m_name = name;
    refresh();
}

void NameFeedback::setHints(const std::optional<NameHints> &hints)
{
    const bool same =
        hints.has_value() == m_hints.has_value() &&
        (!hints || (hints->eventType == m_hints->eventType && hints->objectText == m_hints->objectText &&
                    hints->pagePath == m_hints->pagePath));
    if (same) return;
    m_hints = hints;
    if (m_state == State::Violations) refresh();
}

QString NameFeedback::message() const
{
    return m_text->text();
}

void NameFeedback::refresh()
{
    m_suggestion.clear();
    if (!m_linter) {
        show(State::Waiting, tr("Reading the workspace's naming convention…"), {});
        return;
    }
    const QString name = m_name.trimmed();
    if (name.isEmpty()) {
        QString text = tr("Names follow “%1”").arg(m_pattern);
        if (!m_example.isEmpty()) text += tr(", for example “%1”").arg(m_example);
        show(State::Empty, text + QLatin1Char('.'), m_conventionNote);
        return;
    }
    const naming::NameCheck check = m_linter->check(m_name.toStdString());
    if (check.clean()) {
        show(State::Clean, tr("Follows the naming convention (%1).").arg(m_pattern), m_conventionNote);
        return;
    }
    QStringList all;
    for (const naming::Violation &v : check.violations)
        all << QString::fromStdString(v.message);
    QString text = all.front();
    if (all.size() > 1)
        text += QLatin1Char(' ') + tr("(+%n more)", nullptr, static_cast<int>(all.size() - 1));
    if (check.suggestion && QString::fromStdString(*check.suggestion) != m_name) {
        m_suggestion = QString::fromStdString(*check.suggestion);
    } else if (m_hints) {
        // Nothing to mend mechanically (a missing part): a name made from the criteria.
        const std::string made = suggestDefinitionName(*m_linter, *m_hints);
        if (QString::fromStdString(made) != m_name && m_linter->check(made).clean())
            m_suggestion = QString::fromStdString(made);
    }
    QString tip = tr("Convention: %1").arg(m_pattern) + QStringLiteral("\n\n") + all.join(QLatin1Char('\n'));
    if (!m_conventionNote.isEmpty()) tip += QStringLiteral("\n\n") + m_conventionNote;
    show(State::Violations, text, tip);
}

void NameFeedback::show(State state, const QString &text, const QString &toolTip)
{
    m_state = state;
    m_text->setText(text);
    m_text->setToolTip(toolTip.isEmpty() ? QString() : untrusted::toolTip(toolTip, 4000));
    const bool dark = isDark(palette());
    QPalette textPalette = palette();
    QIcon icon;
    switch (state) {
    case State::Waiting:
    case State::Empty:
        textPalette.setColor(QPalette::WindowText, palette().color(QPalette::PlaceholderText));
        break;
    case State::Clean:
        textPalette.setColor(QPalette::WindowText,
                             dark ? QColor(0x3f, 0xb9, 0x50) : QColor(0x1a, 0x7f, 0x37));
        icon = style()->standardIcon(QStyle::SP_DialogApplyButton, nullptr, this);
        break;
    case State::Violations:
        textPalette.setColor(QPalette::WindowText,
                             dark ? QColor(0xd2, 0x99, 0x22) : QColor(0x9a, 0x67, 0x00));
        icon = style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this);
        break;
    }
    m_text->setPalette(textPalette);
    m_icon->setPixmap(icon.isNull() ? QPixmap() : icon.pixmap(m_icon->size()));
    m_icon->setAccessibleName(state == State::Clean        ? tr("Follows the convention")
                              : state == State::Violations ? tr("Does not follow the convention")
                                                           : QString());
    if (m_suggestion.isEmpty()) {
        m_button->hide();
    } else {
        m_button->setText(tr("Use “%1”").arg(untrusted::line(m_suggestion, 60)));
        m_button->setToolTip(untrusted::toolTip(tr("Rename to “%1”").arg(m_suggestion)));
        m_button->show();
    }
}

void NameFeedback::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) {
        // Keep the colours in step with a light/dark switch (show() reads the palette).
        if (m_text) refresh();
    }
}

} // namespace hindsight::ui
