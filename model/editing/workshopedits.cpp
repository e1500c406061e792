#include "model/editing/workshopedits.h"

#include "model/editing/editplan.h"
#include "model/editing/mapdocument.h"
#include "model/map/validation.h"

#include <QCoreApplication>

#include <functional>

namespace faultline::edit {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("faultline::edit", text);
}

QString quoted(const QString &s)
{
    return QStringLiteral("“%1”").arg(s);
}

Edit refuse(const QString &message)
{
    return Edit {nullptr, message};
}

// Plans `change` on a copy of the scenario: refused when the scenario is not there or the
// change says why not (a non-empty message); nothing when the scenario comes out the same.
Edit changeScenario(MapDocument &doc, const QString &name, const QString &text,
    const std::function<QString(Scenario &)> &change)
{
    const Map &map = doc.map();
    const auto i = map.findScenario(name);
    if (!i)
        return refuse(tr("There is no scenario %1.").arg(quoted(name)));
    Scenario s = map.scenario(*i);
    if (const QString why = change(s); !why.isEmpty())
        return refuse(why);
    if (s == map.scenario(*i))
        return {};
    EditPlan plan(map);
    plan.setScenario(*i, std::move(s));
    if (auto why = validationError(plan.map()))
        return refuse(*why);
    return Edit {std::make_unique<MapEditCommand>(&doc, text, plan.takeSteps()), {}};
}

QString noEntry(const char *what, int index)
{
    return tr("There is no %1 number %2.").arg(QLatin1String(what)).arg(index + 1);
}

QString checkDecision(const QString &text)
{
    return text.trimmed().isEmpty() ? tr("A decision needs some text.") : QString();
}

QString checkAction(const ActionItem &item)
{
    return item.what.trimmed().isEmpty() ? tr("An action item needs to say what is to be done.")
                                         : QString();
}

} // namespace

Edit setScenarioNotes(MapDocument &doc, const QString &scenario, const QString &notes)
{
    return changeScenario(
        doc, scenario, tr("Edit the notes of %1").arg(quoted(scenario)), [&](Scenario &s) {
            s.notes = notes;
            return QString();
        });
}

Edit addDecision(MapDocument &doc, const QString &scenario, const QString &text)
{
    return changeScenario(
        doc, scenario, tr("Add a decision to %1").arg(quoted(scenario)), [&](Scenario &s) {
            if (QString why = checkDecision(text); !why.isEmpty())
                return why;
            s.decisions.append(text);
            return QString();
        });
}

Edit editDecision(MapDocument &doc, const QString &scenario, int index, const QString &text)
{
    return changeScenario(
        doc, scenario, tr("Edit a decision of %1").arg(quoted(scenario)), [&](Scenario &s) {
            if (index < 0 || index >= s.decisions.size())
                return noEntry("decision", index);
            if (QString why = checkDecision(text); !why.isEmpty())
                return why;
            s.decisions[index] = text;
            return QString();
        });
}

Edit removeDecision(MapDocument &doc, const QString &scenario, int index)
{
    return changeScenario(
        doc, scenario, tr("Remove a decision of %1").arg(quoted(scenario)), [&](Scenario &s) {
            if (index < 0 || index >= s.decisions.size())
                return noEntry("decision", index);
            s.decisions.removeAt(index);
            return QString();
        });
}

Edit addAction(MapDocument &doc, const QString &scenario, ActionItem item)
{
    return changeScenario(
        doc, scenario, tr("Add an action item to %1").arg(quoted(scenario)), [&](Scenario &s) {
            if (QString why = checkAction(item); !why.isEmpty())
                return why;
            s.actions.push_back(std::move(item));
            return QString();
        });
}

Edit editAction(MapDocument &doc, const QString &scenario, int index, ActionItem item)
{
    return changeScenario(
        doc, scenario, tr("Edit an action item of %1").arg(quoted(scenario)), [&](Scenario &s) {
            if (index < 0 || index >= int(s.actions.size()))
                return noEntry("action item", index);
            if (QString why = checkAction(item); !why.isEmpty())
                return why;
            s.actions[index] = std::move(item);
            return QString();
        });
}

Edit removeAction(MapDocument &doc, const QString &scenario, int index)
{
    return changeScenario(
        doc, scenario, tr("Remove an action item of %1").arg(quoted(scenario)), [&](Scenario &s) {
            if (index < 0 || index >= int(s.actions.size()))
                return noEntry("action item", index);
            s.actions.erase(s.actions.begin() + index);
            return QString();
        });
}

} // namespace faultline::edit
