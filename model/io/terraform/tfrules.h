#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace faultline::terraform {

// How Terraform resources become components and dependencies: the table docs/terraform-import.md
// writes out, which a rules file (`--rules FILE.json`) extends. A rule of the file is tried
// before the built-in ones; among the rules of one origin the most specific match wins (one that
// names from, attribute and to beats one that names only to).
class Rules
{
public:
    enum class Dependency { Hard, Soft, Ignore };

    // The built-in table.
    static Rules builtIn();
    // Adds a rules file's entries in front of the built-in ones. Throws FormatError naming the
    // file and the entry for a wrong shape or an unknown value.
    void addFile(const QJsonObject &rules, const QString &source);

    // The component kind of a resource type ("service" for a type the table does not know).
    QString kind(const QString &type) const;

    // Plumbing: a type that only configures another resource. nullopt: not plumbing. An empty
    // list: it configures nothing that is a component (random values, parameter groups):
    // references to it are dropped. Otherwise the attributes that name what it configures: it
    // is folded into that resource, which takes over its references.
    std::optional<QStringList> fold(const QString &type) const;
    // A subnet group (DB, cache...): whatever refers to it refers to its subnets instead.
    bool isSubnetGroup(const QString &type) const;
    // Types that place what refers to them in a zone: subnets.
    bool isSubnet(const QString &type) const;

    // What a reference from a resource of type `from`, through `attribute` ("" for a bare
    // dependency), to a resource of type `to` becomes.
    Dependency dependency(const QString &from, const QString &attribute, const QString &to) const;

    // For a resource that refers to several subnets, or to several instances of one resource:
    // how many it needs (1: any one is enough; 0: all of them). `attributes` are the referring
    // resource's, for conditions such as multi_az.
    int require(const QString &from, const QString &attribute, const QString &to,
        const QJsonObject &attributes) const;

private:
    struct DependencyRule
    {
        QString from, attribute, to;
        Dependency type;
        int origin; // 0: a rules file, 1: built in
    };
    struct RequireRule
    {
        QString from, attribute, to, when;
        int require;
        int origin;
    };

    QHash<QString, QString> m_kinds;
    QHash<QString, QStringList> m_fold;
    QStringList m_subnetGroups;
    QStringList m_subnets;
    std::vector<DependencyRule> m_dependencies;
    std::vector<RequireRule> m_requires;
};

// The built-in kind table (tfkinds.cpp): type -> kind.
const QHash<QString, QString> &builtInKinds();

} // namespace faultline::terraform
