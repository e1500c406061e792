#include "model/io/scenarioentry.h"

#include "model/io/entryreader.h"
#include "model/map/errors.h"

namespace faultline::interchange {

namespace {

// "decisions": ["text", ...]: each entry a string that is not blank.
QStringList readDecisions(JsonReader &json, EntryReader &r)
{
    QStringList out;
    if (!r.present())
        return out;
    if (json.peek() != JsonReader::Kind::Array)
        r.fail(QStringLiteral("\"decisions\" must be a list of strings"));
    json.readArray([&](int i) {
        r.setPart(QStringLiteral("decisions[%1]").arg(i));
        if (json.peek() != JsonReader::Kind::String)
            r.fail(QStringLiteral("must be a string"));
        const QString text = json.readString();
        if (text.trimmed().isEmpty())
            r.fail(QStringLiteral("is empty"));
        out.append(text);
    });
    r.setPart({});
    return out;
}

ActionItem readAction(EntryReader &r)
{
    ActionItem a;
    bool whatSeen = false;
    r.members(a.extra, [&](const QString &key) {
        if (key == u"what") {
            a.what = r.string(key);
            whatSeen = true;
        } else if (key == u"owner") {
            a.owner = r.string(key);
        } else if (key == u"due") {
            const QString due = r.string(key);
            if (due.isEmpty())
                return true;
            const auto date = dueDateFrom(due);
            if (!date)
                r.fail(QStringLiteral("\"due\" must be a date as YYYY-MM-DD, not \"%1\"").arg(due));
            a.due = *date;
        } else if (key == u"status") {
            const QString status = r.string(key);
            if (status.isEmpty())
                return true;
            const auto s = actionStatusFrom(status);
            if (!s)
                r.fail(QStringLiteral("\"status\" must be \"open\", \"in-progress\" or \"done\", "
                                      "not \"%1\"")
                           .arg(status));
            a.status = *s;
        } else {
            return false;
        }
        return true;
    });
    if (!whatSeen || a.what.trimmed().isEmpty())
        r.fail(whatSeen ? QStringLiteral("\"what\" is empty") : QStringLiteral("missing \"what\""));
    return a;
}

// "actions": [{"what", "owner", "due", "status"}, ...].
std::vector<ActionItem> readActions(JsonReader &json, EntryReader &r)
{
    std::vector<ActionItem> out;
    if (!r.present())
        return out;
    if (json.peek() != JsonReader::Kind::Array)
        r.fail(QStringLiteral("\"actions\" must be a list of objects"));
    json.readArray([&](int i) {
        r.setPart(QStringLiteral("actions[%1]").arg(i));
        out.push_back(readAction(r));
    });
    r.setPart({});
    return out;
}

void writeStrings(JsonWriter &w, const QStringList &list)
{
    w.beginArray();
    for (const QString &s : list)
        w.value(s);
    w.endArray();
}

void writeExtra(JsonWriter &w, const QJsonObject &extra)
{
    for (auto it = extra.begin(); it != extra.end(); ++it) {
        w.key(it.key());
        w.value(it.value());
    }
}

void writeAction(JsonWriter &w, const ActionItem &a)
{
    w.beginObject();
    w.key("what");
    w.value(a.what);
    if (!a.owner.isEmpty()) {
        w.key("owner");
        w.value(a.owner);
    }
    if (a.due.isValid()) {
        w.key("due");
        w.value(toString(a.due));
    }
    w.key("status");
    w.value(toString(a.status));
    writeExtra(w, a.extra);
    w.endObject();
}

} // namespace

Scenario readScenario(JsonReader &json, int index)
{
    EntryReader r(json, "scenarios", index);
    Scenario s;
    const qsizetype start = json.position();
    r.members(s.extra, [&](const QString &key) {
        if (key == u"name") {
            s.name = r.string(key);
            r.setId(s.name);
        } else if (key == u"fail") {
            s.fail = r.strings(key).value_or(QStringList());
        } else if (key == u"degrade") {
            s.degrade = r.strings(key).value_or(QStringList());
        } else if (key == u"description") {
            s.description = r.string(key);
        } else if (key == u"notes") {
            s.notes = r.string(key);
        } else if (key == u"decisions") {
            s.decisions = readDecisions(json, r);
        } else if (key == u"actions") {
            s.actions = readActions(json, r);
        } else {
            return false;
        }
        return true;
    });
    if (s.name.isEmpty())
        throw FormatError(QStringLiteral("%1: scenarios[%2]: missing \"name\"")
                              .arg(json.where(start), QString::number(index)));
    return s;
}

void writeScenario(JsonWriter &w, const Scenario &s)
{
    w.beginObject();
    w.key("name");
    w.value(s.name);
    if (!s.description.isEmpty()) {
        w.key("description");
        w.value(s.description);
    }
    w.key("fail");
    writeStrings(w, s.fail);
    w.key("degrade");
    writeStrings(w, s.degrade);
    if (!s.notes.isEmpty()) {
        w.key("notes");
        w.value(s.notes);
    }
    if (!s.decisions.isEmpty()) {
        w.key("decisions");
        writeStrings(w, s.decisions);
    }
    if (!s.actions.empty()) {
        w.key("actions");
        w.beginArray();
        for (const ActionItem &a : s.actions)
            writeAction(w, a);
        w.endArray();
    }
    writeExtra(w, s.extra);
    w.endObject();
}

} // namespace faultline::interchange
