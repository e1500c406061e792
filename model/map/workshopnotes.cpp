#include "model/map/workshopnotes.h"

#include <QRegularExpression>

namespace faultline {

QString toString(ActionStatus status)
{
    switch (status) {
    case ActionStatus::InProgress:
        return QStringLiteral("in-progress");
    case ActionStatus::Done:
        return QStringLiteral("done");
    case ActionStatus::Open:
        break;
    }
    return QStringLiteral("open");
}

QString displayName(ActionStatus status)
{
    return status == ActionStatus::InProgress ? QStringLiteral("in progress") : toString(status);
}

std::optional<ActionStatus> actionStatusFrom(const QString &word)
{
    for (ActionStatus s : {ActionStatus::Open, ActionStatus::InProgress, ActionStatus::Done}) {
        if (word == toString(s))
            return s;
    }
    return std::nullopt;
}

QString toString(const QDate &due)
{
    return due.isValid() ? due.toString(Qt::ISODate) : QString();
}

std::optional<QDate> dueDateFrom(const QString &text)
{
    // Exactly four digits, two and two: Qt's ISO parser also takes "+2026-1-5" and the like.
    static const QRegularExpression shape(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    if (!shape.match(text).hasMatch())
        return std::nullopt;
    const QDate date = QDate::fromString(text, Qt::ISODate);
    return date.isValid() ? std::optional<QDate>(date) : std::nullopt;
}

} // namespace faultline
