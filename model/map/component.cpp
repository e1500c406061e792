#include "model/map/component.h"
#include "model/map/dependency.h"

namespace faultline {

const QStringList &knownKinds()
{
    static const QStringList kinds = {
        QStringLiteral("provider"),
        QStringLiteral("region"),
        QStringLiteral("zone"),
        QStringLiteral("service"),
        QStringLiteral("database"),
        QStringLiteral("queue"),
        QStringLiteral("storage"),
        QStringLiteral("cache"),
        QStringLiteral("compute"),
        QStringLiteral("network"),
        QStringLiteral("dns"),
        QStringLiteral("cdn"),
        QStringLiteral("load-balancer"),
        QStringLiteral("identity"),
        QStringLiteral("saas"),
        QStringLiteral("group"),
    };
    return kinds;
}

bool isKnownKind(const QString &kind)
{
    return knownKinds().contains(kind);
}

QString toString(DependencyType type)
{
    return type == DependencyType::Hard ? QStringLiteral("hard") : QStringLiteral("soft");
}

} // namespace faultline
