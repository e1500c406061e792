#pragma once

#include <QDate>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace faultline {

// Where an action item agreed in a workshop stands.
enum class ActionStatus { Open, InProgress, Done };

// One action item a workshop agreed on for a scenario: what is to be done, by whom, by when.
// `what` is never empty in a valid map; `owner` and `due` may be left out (an invalid QDate).
struct ActionItem
{
    QString what;
    QString owner;
    QDate due;
    ActionStatus status = ActionStatus::Open;
    QJsonObject extra; // interchange keys this version does not know

    bool operator==(const ActionItem &) const = default;
};

// "open", "in-progress", "done": the spelling of the interchange JSON, the document and the
// CSV export.
QString toString(ActionStatus status);
// The same status for people: "open", "in progress", "done".
QString displayName(ActionStatus status);
// The status a word names (the JSON spelling); nullopt for any other word.
std::optional<ActionStatus> actionStatusFrom(const QString &word);

// A due date as the files write it (YYYY-MM-DD), empty when there is none.
QString toString(const QDate &due);
// A YYYY-MM-DD date; nullopt when `text` is not one (an empty text is not a date either).
std::optional<QDate> dueDateFrom(const QString &text);

} // namespace faultline
