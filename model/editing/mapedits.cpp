#include "model/editing/mapedits.h"

#include "model/editing/mapdocument.h"
#include "model/map/errors.h"
#include "model/recovery/policy.h"

#include <QCoreApplication>

namespace faultline::edit {

namespace {

// The map's name is not an entry of the map, so not a step of MapEditCommand: a command of its
// own, which puts back exactly the name it replaced.
class RenameMapCommand : public QUndoCommand
{
public:
    RenameMapCommand(MapDocument *doc, const QString &before, const QString &after)
        : QUndoCommand(
            QCoreApplication::translate("faultline::edit", "Rename the map to “%1”").arg(after)),
          m_doc(doc), m_before(before), m_after(after)
    { }

    void redo() override { m_doc->setMapName(m_after); }
    void undo() override { m_doc->setMapName(m_before); }

private:
    MapDocument *m_doc;
    QString m_before, m_after;
};

const QString policyKey = QStringLiteral("policy");

// Swaps the map's extra keys (where the policy lives) between two values.
class SetMapExtraCommand : public QUndoCommand
{
public:
    SetMapExtraCommand(MapDocument &doc, QJsonObject before, QJsonObject after, const QString &text)
        : m_doc(doc), m_before(std::move(before)), m_after(std::move(after))
    {
        setText(text);
    }
    void redo() override { m_doc.setMapExtra(m_after); }
    void undo() override { m_doc.setMapExtra(m_before); }

private:
    MapDocument &m_doc;
    QJsonObject m_before, m_after;
};

} // namespace

Edit renameMap(MapDocument &doc, const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return Edit {
            nullptr, QCoreApplication::translate("faultline::edit", "A map needs a name.")};
    if (trimmed == doc.map().name)
        return {};
    return Edit {std::make_unique<RenameMapCommand>(&doc, doc.map().name, trimmed), {}};
}

Edit setPolicy(MapDocument &doc, const std::optional<QJsonObject> &policy)
{
    const QJsonObject before = doc.map().extra;
    QJsonObject after = before;
    if (policy) {
        try {
            policy::fromJson(*policy, QCoreApplication::translate("faultline::edit", "The policy"));
        } catch (const Error &e) {
            return Edit {nullptr, e.message()};
        }
        after.insert(policyKey, *policy);
    } else {
        after.remove(policyKey);
    }
    if (after == before)
        return {};
    const QString text = !policy
        ? QCoreApplication::translate("faultline::edit", "Remove the policy")
        : before.contains(policyKey)
        ? QCoreApplication::translate("faultline::edit", "Edit the policy")
        : QCoreApplication::translate("faultline::edit", "Add a policy");
    return Edit {std::make_unique<SetMapExtraCommand>(doc, before, std::move(after), text), {}};
}

} // namespace faultline::edit
