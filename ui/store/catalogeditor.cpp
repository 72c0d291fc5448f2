#include "ui/store/catalogeditor.h"

#include "core/definitions/catalog.h"
#include "core/store/store.h"
#include "core/store/transaction.h"
#include "ui/store/analysiscontext.h"
#include "ui/store/analysisservice.h"

#include <QStringList>
#include <QUndoCommand>
#include <QUndoStack>

namespace hindsight::ui {

using definitions::Catalog;
using definitions::Definition;

namespace {

/// One definition before and after a change; nullopt = it did not exist.
struct Snapshot
{
    std::optional<Definition> before;
    std::optional<Definition> after;
};

/// What a catalog change did, so that it can be undone and redone.
struct Edit
{
    enum class Kind { Snapshots, Merge };
    Kind kind = Kind::Snapshots;
    std::vector<Snapshot> snapshots; ///< Snapshots: applied in order on redo, in reverse on undo
    QString mergeTarget;             ///< Merge
    QStringList mergeSources;        ///< Merge: the sources' names when merged
};

/// The outcome of one job.
struct Outcome
{
    bool ok = false;
    bool changed = false;
    QString error;
    QStringList names;
    Edit edit;
};

QString toQ(const std::string &s)
{
    return QString::fromStdString(s);
}

std::string fromQ(const QString &s)
{
    return s.toStdString();
}

definitions::Change changeFor(AnalysisContext &ctx, const QString &reason)
{
    return {ctx.actor(), fromQ(reason), std::nullopt};
}

/// Brings one definition from `from` to `to` (create, update or remove). False + error when the
/// catalog refuses.
bool applySnapshot(Catalog &catalog, const std::optional<Definition> &from,
                   const std::optional<Definition> &to, const definitions::Change &change, QString *error,
                   QStringList *names)
{
    if (!from && !to) return true;
    definitions::CatalogResult result;
    if (!from) {
        result = catalog.create(*to, change);
    } else if (!to) {
        result = catalog.remove(from->name, change);
    } else {
        result = catalog.update(from->name, *to, change);
    }
    if (!result.ok) {
        *error = toQ(result.error);
        return false;
    }
    if (to) names->append(toQ(result.definition.name));
    return true;
}

/// Redo (forward) or undo (backward) of `edit`, in one transaction.
Outcome replay(AnalysisContext &ctx, const Edit &edit, bool forward, const QString &reason)
{
    Outcome out;
    if (!ctx.isOpen()) {
        out.error = ctx.openError();
        return out;
    }
    Catalog &catalog = ctx.catalog();
    const auto change = changeFor(ctx, reason);
    store::Transaction transaction(ctx.store().db());
    if (edit.kind == Edit::Kind::Merge) {
        if (forward) {
            std::vector<std::string> sources;
            for (const QString &s : edit.mergeSources)
                sources.push_back(fromQ(s));
            auto r =
                catalog.merge(fromQ(edit.mergeTarget), sources, definitions::MergeMode::IntoTarget, change);
            if (!r.ok) {
                out.error = toQ(r.error);
                return out;
            }
            out.names << toQ(r.target.name);
        } else {
            for (const QString &source : edit.mergeSources) {
                auto r = catalog.unmerge(fromQ(source), change);
                if (!r.ok) {
                    out.error = toQ(r.error);
                    return out;
                }
                for (const Definition &d : r.sources)
                    out.names << toQ(d.name);
            }
        }
    } else if (forward) {
        for (const Snapshot &s : edit.snapshots)
            if (!applySnapshot(catalog, s.before, s.after, change, &out.error, &out.names)) return out;
    } else {
        // Renames within one edit never swap names (renameMany refuses that), so undoing the
        // snapshots one by one, newest first, always succeeds when the redo did.
        for (auto it = edit.snapshots.rbegin(); it != edit.snapshots.rend(); ++it)
            if (!applySnapshot(catalog, it->after, it->before, change, &out.error, &out.names)) return out;
    }
    if (!transaction.commit()) {
        out.error = QObject::tr("The change could not be written to the workspace.");
        return out;
    }
    ctx.markCatalogChanged();
    out.ok = true;
    out.changed = true;
    return out;
}

} // namespace

/// A catalog change on the undo stack. The change itself has already been made when the
/// command is pushed, so its first redo does nothing.
class CatalogCommand : public QUndoCommand
{
  public:
    CatalogCommand(CatalogEditor *editor, const QString &text, Edit edit)
        : QUndoCommand(text), m_editor(editor), m_edit(std::move(edit))
    {
    }

    void redo() override
    {
        if (m_first) {
            m_first = false;
            return;
        }
        run(true);
    }
    void undo() override { run(false); }

  private:
    void run(bool forward)
    {
        CatalogEditor *editor = m_editor;
        const QString label = (forward ? QObject::tr("Redo %1") : QObject::tr("Undo %1")).arg(text());
        editor->setBusy(true);
        editor->m_service->run<Outcome>(
            QString(), editor,
            [edit = m_edit, forward, label](AnalysisContext &ctx) {
                return replay(ctx, edit, forward, label);
            },
            [editor, label](const Outcome &out) {
                editor->setBusy(false);
                if (out.ok)
                    emit editor->succeeded(label, out.names);
                else
                    emit editor->failed(label, out.error);
            });
    }

    CatalogEditor *m_editor;
    Edit m_edit;
    bool m_first = true;
};

CatalogEditor::CatalogEditor(AnalysisService *service, QObject *parent)
    : QObject(parent), m_service(service), m_stack(new QUndoStack(this))
{
}

CatalogEditor::~CatalogEditor() = default;

void CatalogEditor::setBusy(bool busy)
{
    const bool was = m_busy > 0;
    m_busy += busy ? 1 : -1;
    if (was != (m_busy > 0)) emit busyChanged(m_busy > 0);
}

namespace {

/// Runs `change` (which makes the first version of the edit) and pushes the command when it
/// changed something.
template <typename Change>
void runChange(CatalogEditor *editor, AnalysisService *service, QUndoStack *stack, const QString &text,
               Change change, const std::function<void(bool)> &busy)
{
    busy(true);
    service->run<Outcome>(
        QString(), editor,
        [change](AnalysisContext &ctx) {
            if (!ctx.isOpen()) {
                Outcome out;
                out.error = ctx.openError();
                return out;
            }
            if (ctx.isReadOnly()) {
                Outcome out;
                out.error = QObject::tr("The workspace is read-only: its file or folder cannot be written.");
                return out;
            }
            Outcome out = change(ctx);
            if (out.ok && out.changed) ctx.markCatalogChanged();
            return out;
        },
        [editor, stack, text, busy](const Outcome &out) {
            busy(false);
            if (!out.ok) {
                emit editor->failed(text, out.error);
                return;
            }
            if (out.changed) stack->push(new CatalogCommand(editor, text, out.edit));
            emit editor->succeeded(text, out.names);
        });
}

Outcome snapshotOutcome(const definitions::CatalogResult &result, std::optional<Definition> before)
{
    Outcome out;
    out.ok = result.ok;
    out.changed = result.ok && result.changed;
    out.error = toQ(result.error);
    if (result.ok) {
        out.names << toQ(result.definition.name);
        out.edit.snapshots.push_back({std::move(before), result.definition});
    }
    return out;
}

} // namespace

void CatalogEditor::create(const Definition &def, const QString &reason)
{
    const QString text = tr("Create “%1”").arg(toQ(def.name));
    runChange(
        this, m_service, m_stack, text,
        [def, reason](AnalysisContext &ctx) {
            return snapshotOutcome(ctx.catalog().create(def, changeFor(ctx, reason)), std::nullopt);
        },
        [this](bool b) { setBusy(b); });
}

void CatalogEditor::update(const QString &currentName, const Definition &def, const QString &reason)
{
    const QString text = tr("Edit “%1”").arg(currentName);
    runChange(
        this, m_service, m_stack, text,
        [name = fromQ(currentName), def, reason](AnalysisContext &ctx) {
            auto before = ctx.catalog().find(name);
            return snapshotOutcome(ctx.catalog().update(name, def, changeFor(ctx, reason)), before);
        },
        [this](bool b) { setBusy(b); });
}

void CatalogEditor::setStatus(const QString &name, definitions::DefinitionStatus status,
                              const QString &reason)
{
    const QString text = tr("Mark “%1” %2").arg(name, toQ(std::string(definitions::statusName(status))));
    runChange(
        this, m_service, m_stack, text,
        [n = fromQ(name), status, reason](AnalysisContext &ctx) {
            auto before = ctx.catalog().find(n);
            return snapshotOutcome(ctx.catalog().setStatus(n, status, changeFor(ctx, reason)), before);
        },
        [this](bool b) { setBusy(b); });
}

void CatalogEditor::restoreVersion(const QString &name, int version)
{
    const QString text = tr("Restore version %1 of “%2”").arg(version).arg(name);
    runChange(
        this, m_service, m_stack, text,
        [n = fromQ(name), version](AnalysisContext &ctx) {
            auto before = ctx.catalog().find(n);
            return snapshotOutcome(ctx.catalog().restore(n, version, changeFor(ctx, {})), before);
        },
        [this](bool b) { setBusy(b); });
}

void CatalogEditor::renameMany(const std::vector<std::pair<QString, QString>> &renames, const QString &reason)
{
    const QString text = renames.size() == 1
                             ? tr("Rename “%1” to “%2”").arg(renames.front().first, renames.front().second)
                             : tr("Rename %n definitions", nullptr, static_cast<int>(renames.size()));
    std::vector<std::pair<std::string, std::string>> pairs;
    for (const auto &[from, to] : renames)
        pairs.emplace_back(fromQ(from), fromQ(to));
    runChange(
        this, m_service, m_stack, text,
        [pairs, reason](AnalysisContext &ctx) {
            Outcome out;
            std::vector<std::optional<Definition>> before;
            for (const auto &pair : pairs)
                before.push_back(ctx.catalog().find(pair.first));
            auto result = ctx.catalog().renameMany(pairs, changeFor(ctx, reason));
            out.ok = result.ok;
            out.error = toQ(result.error);
            if (!result.ok) return out;
            for (std::size_t i = 0; i < result.definitions.size(); ++i) {
                out.names << toQ(result.definitions[i].name);
                if (i < result.changed.size() && result.changed[i]) {
                    out.changed = true;
                    out.edit.snapshots.push_back({before[i], result.definitions[i]});
                }
            }
            return out;
        },
        [this](bool b) { setBusy(b); });
}

void CatalogEditor::merge(const QString &target, const QStringList &sources, const QString &reason)
{
    const QString text = tr("Merge %1 into “%2”").arg(sources.join(QStringLiteral(", ")), target);
    runChange(
        this, m_service, m_stack, text,
        [target, sources, reason](AnalysisContext &ctx) {
            Outcome out;
            std::vector<std::string> names;
            for (const QString &s : sources)
                names.push_back(fromQ(s));
            auto result = ctx.catalog().merge(fromQ(target), names, definitions::MergeMode::IntoTarget,
                                              changeFor(ctx, reason));
            out.ok = result.ok;
            out.changed = result.ok && result.changed;
            out.error = toQ(result.error);
            if (!result.ok) return out;
            out.names << toQ(result.target.name);
            out.edit.kind = Edit::Kind::Merge;
            out.edit.mergeTarget = toQ(result.target.name);
            out.edit.mergeSources = sources;
            return out;
        },
        [this](bool b) { setBusy(b); });
}

} // namespace hindsight::ui
