#pragma once

#include <QJsonObject>
#include <QString>

namespace faultline {

enum class DependencyType { Hard, Soft };

QString toString(DependencyType type);

// `from` needs `to`.
struct Dependency
{
    QString from;
    QString to;
    DependencyType type = DependencyType::Hard;
    QString label;
    QJsonObject extra;

    bool isHard() const { return type == DependencyType::Hard; }
    bool operator==(const Dependency &) const = default;
};

} // namespace faultline
