// The raw state, format version 4 (`terraform state pull`, `.tfstate`): resources[] with
// module, mode, type, name, provider and instances[] (index_key, attributes, dependencies).
#include "model/io/terraform/tfaddress.h"
#include "model/io/terraform/tfreader.h"

#include <QJsonArray>

namespace faultline::terraform {

namespace {

constexpr int knownStateVersion = 4;

QString entryOf(const QJsonObject &resource, int index)
{
    const QString module = resource.value(QLatin1String("module")).toString();
    const QString type = resource.value(QLatin1String("type")).toString();
    const QString name = resource.value(QLatin1String("name")).toString();
    if (type.isEmpty() || name.isEmpty())
        return QStringLiteral("resources[%1]").arg(index);
    return inModule(module, type + u'.' + name);
}

} // namespace

void readRawState(const QJsonObject &top, Input &input)
{
    input.format = QStringLiteral("state v4");
    const int version = top.value(QLatin1String("version")).toInt();
    if (version < knownStateVersion)
        fail(input, {},
            QStringLiteral("a state of format version %1 (Terraform 0.11 or older), which Faultline "
                           "does not read; run `terraform state pull > FILE.tfstate` with "
                           "Terraform 0.12 or newer to upgrade it, then import that file")
                .arg(version));
    if (version > knownStateVersion)
        fail(input, {},
            QStringLiteral("a state of format version %1; Faultline knows version %2 only")
                .arg(version)
                .arg(knownStateVersion));
    const QJsonValue resources = top.value(QLatin1String("resources"));
    if (!resources.isArray() && !resources.isUndefined())
        fail(input, QStringLiteral("resources"), QStringLiteral("is not an array"));

    const QJsonArray list = resources.toArray();
    for (int r = 0; r < list.size(); ++r) {
        if (!list.at(r).isObject())
            fail(input, QStringLiteral("resources[%1]").arg(r), QStringLiteral("is not an object"));
        const QJsonObject resource = list.at(r).toObject();
        const QString entry = entryOf(resource, r);
        const QString mode = resource.value(QLatin1String("mode")).toString();
        if (mode == QLatin1String("data"))
            continue; // data sources read, they are not components
        if (mode != QLatin1String("managed"))
            fail(input, entry, QStringLiteral("unknown mode \"%1\"").arg(mode));
        const QString type = resource.value(QLatin1String("type")).toString();
        const QString name = resource.value(QLatin1String("name")).toString();
        if (type.isEmpty() || name.isEmpty())
            fail(input, entry, QStringLiteral("has no type or no name"));
        const QString module = resource.value(QLatin1String("module")).toString();
        const QString provider =
            providerName(resource.value(QLatin1String("provider")).toString());
        // Terraform 0.12 wrote depends_on on the resource; later versions on each instance.
        const QJsonArray resourceDepends = resource.value(QLatin1String("depends_on")).toArray();

        const QJsonValue instances = resource.value(QLatin1String("instances"));
        if (!instances.isArray())
            fail(input, entry, QStringLiteral("has no instances array"));
        for (const QJsonValue &v : instances.toArray()) {
            const QJsonObject object = v.toObject();
            const QString text = inModule(module, type + u'.' + name)
                + keyText(object.value(QLatin1String("index_key")));
            const Address address = parseOrFail(input, entry, text);
            if (address.type != type || !address.rest.isEmpty())
                fail(input, entry, QStringLiteral("malformed address \"%1\"").arg(text));
            Instance instance;
            instance.address = address.instance();
            instance.resource = address.resource();
            instance.module = address.module;
            instance.type = type;
            instance.key = address.key;
            instance.provider = provider.isEmpty() ? type.section(u'_', 0, 0) : provider;
            instance.attributes = object.value(QLatin1String("attributes")).toObject();
            QJsonArray depends = object.value(QLatin1String("dependencies")).toArray();
            for (const QJsonValue &d : resourceDepends)
                depends.append(d);
            for (const QJsonValue &d : depends) {
                const Address target = parseOrFail(input, instance.address, d.toString());
                Reference reference;
                reference.target = target.key.isEmpty() ? target.resource() : target.instance();
                reference.fromDependencies = true;
                instance.references.push_back(reference);
            }
            input.instances.push_back(std::move(instance));
        }
    }
}

} // namespace faultline::terraform
