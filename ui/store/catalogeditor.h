#pragma once

#include "core/definitions/definition.h"

#include <QObject>
#include <QString>
#include <optional>
#include <utility>
#include <vector>

class QUndoStack;

namespace hindsight::ui {

class AnalysisService;

/// Every change the studio makes to the definitions catalog, made undoable. Each call runs on
/// the analysis thread (AnalysisService); once it has succeeded a command is pushed onto
/// undoStack(), whose undo and redo run on that thread too. A change that fails is not pushed:
/// failed() says why (naming the field). The catalog's history records every change, undo and
/// redo included (action and reason), with currentActor() as the actor.
///
/// Undo of a create removes the definition again (Catalog::remove); undo of an update, rename,
/// status change or restore puts the earlier content back as a new version.
class CatalogEditor : public QObject
{
    Q_OBJECT

  public:
    explicit CatalogEditor(AnalysisService *service, QObject *parent = nullptr);
    ~CatalogEditor() override;

    QUndoStack *undoStack() const { return m_stack; }

    /// Adds `def` (a new name).
    void create(const definitions::Definition &def, const QString &reason = {});
    /// Replaces the definition now named `currentName` with `def` (content, metadata, status; a
    /// different def.name renames it).
    void update(const QString &currentName, const definitions::Definition &def, const QString &reason = {});
    void setStatus(const QString &name, definitions::DefinitionStatus status, const QString &reason = {});
    /// Brings back version `version`'s content as a new version.
    void restoreVersion(const QString &name, int version);
    /// Renames several definitions as one step (all or nothing). Pairs are (current, new).
    void renameMany(const std::vector<std::pair<QString, QString>> &renames, const QString &reason);
    /// Merges `sources` into `target` (definitions::MergeMode::IntoTarget); undo unmerges.
    void merge(const QString &target, const QStringList &sources, const QString &reason = {});

    /// True while a change, undo or redo is running (the undo actions are disabled meanwhile).
    bool isBusy() const { return m_busy > 0; }

  signals:
    /// A change, undo or redo succeeded. `text` is the undo text ("Create “Signup”"); `names`
    /// are the definitions now holding the change (empty after undoing a create).
    void succeeded(const QString &text, const QStringList &names);
    void failed(const QString &text, const QString &error);
    void busyChanged(bool busy);

  private:
    friend class CatalogCommand;
    void setBusy(bool busy);

    AnalysisService *m_service;
    QUndoStack *m_stack;
    int m_busy = 0;
};

} // namespace hindsight::ui
