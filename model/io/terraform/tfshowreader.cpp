// `terraform show -json` of a state (values.root_module, child_modules) or of a plan
// (planned_values, prior_state, resource_changes, configuration): Terraform's "JSON Output
// Format".
#include "model/io/terraform/tfaddress.h"
#include "model/io/terraform/tfreader.h"

#include <QJsonArray>
#include <QSet>

namespace faultline::terraform {

namespace {

struct Values
{
    QJsonObject values;
    QJsonArray dependsOn;
};

// Calls f(fullAddress, resourceObject) for every resource of a module and its children. In
// Terraform 0.12 a child module's resources may give their address without the module's.
template<typename F>
void forEachResource(const QJsonObject &module, const QString &path, F f)
{
    const QString prefix = path.isEmpty() ? QString() : path + u'.';
    for (const QJsonValue &v : module.value(QLatin1String("resources")).toArray()) {
        const QJsonObject resource = v.toObject();
        QString address = resource.value(QLatin1String("address")).toString();
        if (!prefix.isEmpty() && !address.startsWith(prefix))
            address.prepend(prefix);
        f(address, resource);
    }
    for (const QJsonValue &v : module.value(QLatin1String("child_modules")).toArray()) {
        const QJsonObject child = v.toObject();
        forEachResource(child, child.value(QLatin1String("address")).toString(), f);
    }
}

void checkFormatVersion(const QJsonObject &top, Input &input)
{
    const QString version = top.value(QLatin1String("format_version")).toString();
    bool ok = false;
    const int major = version.section(u'.', 0, 0).toInt(&ok);
    if (!ok)
        fail(input, QStringLiteral("format_version"),
            QStringLiteral("is \"%1\", not a version such as \"1.0\"")
                .arg(top.value(QLatin1String("format_version")).toVariant().toString()));
    if (major > 1)
        fail(input, QStringLiteral("format_version"),
            QStringLiteral("is %1; Faultline knows the JSON output format 0.x and 1.x only")
                .arg(version));
}

QSet<QString> deletedAddresses(const QJsonObject &top)
{
    QSet<QString> deleted;
    for (const QJsonValue &v : top.value(QLatin1String("resource_changes")).toArray()) {
        const QJsonObject change = v.toObject();
        const QJsonArray actions =
            change.value(QLatin1String("change")).toObject().value(QLatin1String("actions")).toArray();
        if (actions.size() == 1 && actions.at(0).toString() == QLatin1String("delete"))
            deleted.insert(change.value(QLatin1String("address")).toString());
    }
    return deleted;
}

} // namespace

void readShowJson(const QJsonObject &top, bool plan, Input &input)
{
    input.format = plan ? QStringLiteral("show-json plan") : QStringLiteral("show-json state");
    checkFormatVersion(top, input);
    if (plan && !top.value(QLatin1String("configuration")).isObject())
        fail(input, {},
            QStringLiteral("a plan without \"configuration\": Faultline reads the dependencies of "
                           "a plan from it; write the plan with `terraform show -json PLAN` "
                           "(Terraform 0.12 or newer)"));

    // A plan's planned values lack what is unknown until apply and its dependencies; the prior
    // state has both for what already exists.
    QHash<QString, Values> prior;
    if (plan) {
        const QJsonObject root = top.value(QLatin1String("prior_state"))
                                     .toObject()
                                     .value(QLatin1String("values"))
                                     .toObject()
                                     .value(QLatin1String("root_module"))
                                     .toObject();
        forEachResource(root, {}, [&](const QString &address, const QJsonObject &r) {
            prior.insert(address,
                {r.value(QLatin1String("values")).toObject(),
                    r.value(QLatin1String("depends_on")).toArray()});
        });
    }
    const QSet<QString> deleted = deletedAddresses(top);
    const QJsonObject root =
        top.value(plan ? QLatin1String("planned_values") : QLatin1String("values"))
            .toObject()
            .value(QLatin1String("root_module"))
            .toObject();

    forEachResource(root, {}, [&](const QString &text, const QJsonObject &r) {
        if (r.value(QLatin1String("mode")).toString() != QLatin1String("managed"))
            return;
        if (deleted.contains(text))
            return;
        const Address address = parseOrFail(input, text, text);
        const QString type = r.value(QLatin1String("type")).toString();
        if (address.data || address.type != type || !address.rest.isEmpty())
            fail(input, text,
                QStringLiteral("the address does not name a resource of type \"%1\"").arg(type));
        Instance instance;
        instance.address = address.instance();
        instance.resource = address.resource();
        instance.module = address.module;
        instance.type = type;
        instance.key = address.key;
        instance.provider = providerName(r.value(QLatin1String("provider_name")).toString());
        if (instance.provider.isEmpty())
            instance.provider = type.section(u'_', 0, 0);
        instance.attributes = r.value(QLatin1String("values")).toObject();
        QJsonArray depends = r.value(QLatin1String("depends_on")).toArray();
        if (const auto p = prior.constFind(text); p != prior.cend()) {
            for (auto a = p->values.begin(); a != p->values.end(); ++a) {
                if (!instance.attributes.contains(a.key()))
                    instance.attributes.insert(a.key(), a.value());
            }
            for (const QJsonValue &d : p->dependsOn)
                depends.append(d);
        }
        for (const QJsonValue &d : depends) {
            const Address target = parseOrFail(input, instance.address, d.toString());
            Reference reference;
            reference.target = target.key.isEmpty() ? target.resource() : target.instance();
            reference.fromDependencies = true;
            instance.references.push_back(reference);
        }
        input.instances.push_back(std::move(instance));
    });

    if (plan)
        addConfigurationReferences(top.value(QLatin1String("configuration")).toObject(), input);
}

} // namespace faultline::terraform
