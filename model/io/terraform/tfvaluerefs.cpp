// References read from attribute values: in a state, `subnet_id = "subnet-0123"` is the only
// trace of which subnet an instance is in once `dependencies` only names whole resources.
#include "model/io/terraform/tfmapbuilder.h"

#include <QJsonArray>

namespace faultline::terraform {

namespace {

bool isSubnetAttribute(const QString &key)
{
    return key == QLatin1String("subnet_id") || key == QLatin1String("subnet_ids")
        || key == QLatin1String("subnets") || key == QLatin1String("vpc_zone_identifier");
}

// Attributes whose values may equal an id without referring to it.
bool skipped(const QString &key)
{
    return key == QLatin1String("id") || key == QLatin1String("arn")
        || key == QLatin1String("tags") || key == QLatin1String("tags_all")
        || key == QLatin1String("owner_id") || key == QLatin1String("name")
        || key == QLatin1String("description");
}

template<typename F>
void forEachString(const QString &key, const QJsonValue &value, F f)
{
    if (value.isString()) {
        f(key, value.toString());
    } else if (value.isArray()) {
        for (const QJsonValue &v : value.toArray())
            forEachString(key, v, f);
    } else if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto i = o.begin(); i != o.end(); ++i) {
            if (!skipped(i.key()))
                forEachString(i.key(), i.value(), f);
        }
    }
}

} // namespace

void addValueReferences(
    Input &input, const QHash<QString, int> &ids, QHash<QString, QString> &missingSubnets)
{
    for (int i = 0; i < int(input.instances.size()); ++i) {
        Instance &instance = input.instances[i];
        const QJsonObject &attributes = instance.attributes;
        for (auto a = attributes.begin(); a != attributes.end(); ++a) {
            if (skipped(a.key()))
                continue;
            forEachString(a.key(), a.value(), [&](const QString &key, const QString &text) {
                if (text.size() < 3)
                    return;
                const auto t = ids.constFind(text);
                if (t != ids.cend()) {
                    if (*t >= 0 && *t != i)
                        instance.references.push_back(
                            {key, input.instances[*t].address, QString(), false});
                    return;
                }
                if (isSubnetAttribute(key) && text.startsWith(QLatin1String("subnet-"))) {
                    missingSubnets.insert(text, instance.provider);
                    instance.references.push_back({key, text, QString(), false});
                }
            });
        }
    }
}

} // namespace faultline::terraform
