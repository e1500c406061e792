// A plan's `configuration`: the references of every resource's expressions, which are the only
// dependencies a plan of resources to be created has. A reference names a whole resource; with
// `count.index` (or `each.key`) beside it, instance i of the referrer refers to instance i of
// the other. References through a module's input variables and outputs are followed to the
// resources they name.
#include "model/io/terraform/tfaddress.h"
#include "model/io/terraform/tfreader.h"

#include <QJsonArray>
#include <QSet>

namespace faultline::terraform {

namespace {

struct ModuleCall
{
    QJsonObject inputs; // the call's expressions, evaluated in the caller
    QJsonObject outputs; // the module's outputs, evaluated in the module
};

struct ResourceConfig
{
    QJsonObject expressions;
    QJsonArray dependsOn;
    QString providerConfigKey;
};

struct Configuration
{
    QSet<QString> declared; // config addresses (module path without keys), data sources too
    QHash<QString, ResourceConfig> resources;
    QHash<QString, ModuleCall> calls; // by the called module's config path
};

void collect(const QJsonObject &module, const QString &path, Configuration &config)
{
    for (const QJsonValue &v : module.value(QLatin1String("resources")).toArray()) {
        const QJsonObject r = v.toObject();
        QString local = r.value(QLatin1String("type")).toString() + u'.'
            + r.value(QLatin1String("name")).toString();
        if (r.value(QLatin1String("mode")).toString() == QLatin1String("data"))
            local.prepend(QStringLiteral("data."));
        const QString address = inModule(path, local);
        config.declared.insert(address);
        config.resources.insert(address,
            {r.value(QLatin1String("expressions")).toObject(),
                r.value(QLatin1String("depends_on")).toArray(),
                r.value(QLatin1String("provider_config_key")).toString()});
    }
    const QJsonObject calls = module.value(QLatin1String("module_calls")).toObject();
    for (auto c = calls.begin(); c != calls.end(); ++c) {
        const QJsonObject call = c.value().toObject();
        const QString child = inModule(path, QStringLiteral("module.") + c.key());
        const QJsonObject body = call.value(QLatin1String("module")).toObject();
        config.calls.insert(child,
            {call.value(QLatin1String("expressions")).toObject(),
                body.value(QLatin1String("outputs")).toObject()});
        collect(body, child, config);
    }
}

// The module that called `modulePath` (one `.module.x[key]` less), keys kept; "" for a
// module called from the root. Dots inside quoted keys do not count.
QString parentModule(const QString &modulePath)
{
    qsizetype cut = -1;
    bool quoted = false;
    for (qsizetype i = 0; i < modulePath.size(); ++i) {
        const QChar c = modulePath[i];
        if (quoted) {
            if (c == u'\\')
                ++i;
            else if (c == u'"')
                quoted = false;
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u'.' && QStringView(modulePath).mid(i + 1).startsWith(u"module.")) {
            cut = i;
        }
    }
    return cut < 0 ? QString() : modulePath.left(cut);
}

struct Resolver
{
    const Configuration &config;
    Input &input;
    QString entry; // the referring resource, for messages

    // Adds the resources `text` names, seen from module instance `module`, to `out`.
    void resolve(const QString &text, const QString &module, const QString &attribute,
        QStringList &out, int depth)
    {
        if (depth > 32)
            return; // a module output that refers back to itself through variables
        const Address a = parseOrFail(input, entry, text);
        const QString modulePath = withoutKeys(module);
        if (!a.type.isEmpty()) {
            if (a.data)
                return; // data sources are read, not components
            const QString declared = inModule(withoutKeys(inModule(module, a.module)),
                a.type + u'.' + a.name);
            if (!config.declared.contains(declared))
                fail(input, entry,
                    QStringLiteral("\"%1\" refers to %2, which the configuration does not declare")
                        .arg(attribute.isEmpty() ? QStringLiteral("depends_on") : attribute,
                            declared));
            out.append(inModule(inModule(module, a.module), a.type + u'.' + a.name) + a.key);
            return;
        }
        const QString head = a.rest.section(u'.', 0, 0);
        if (a.module.isEmpty() && head == QLatin1String("var")) {
            const auto call = config.calls.constFind(modulePath);
            if (call == config.calls.cend())
                return; // a root variable: a value, not a resource
            const QString name = a.rest.section(u'.', 1, 1).section(u'[', 0, 0);
            const QString parent = parentModule(module);
            for (const QString &r : referencesOf(call->inputs.value(name)))
                resolve(r, parent, attribute, out, depth + 1);
            return;
        }
        if (!a.module.isEmpty() && !a.rest.isEmpty()) {
            // module.NAME.OUTPUT: what the output's expression refers to, inside the module.
            const QString child = inModule(module, a.module);
            const auto call = config.calls.constFind(withoutKeys(child));
            if (call == config.calls.cend())
                fail(input, entry,
                    QStringLiteral("\"%1\" refers to %2, which the configuration does not declare")
                        .arg(attribute, withoutKeys(child)));
            const QString output = a.rest.section(u'.', 0, 0).section(u'[', 0, 0);
            const QJsonObject o = call->outputs.value(output).toObject();
            for (const QString &r :
                referencesOf(o.value(QLatin1String("expression"))))
                resolve(r, child, attribute, out, depth + 1);
        }
        // local., path., terraform., self.: Terraform does not write what they refer to.
    }

    static QStringList referencesOf(const QJsonValue &expression)
    {
        QStringList out;
        for (const QJsonValue &r :
            expression.toObject().value(QLatin1String("references")).toArray())
            out.append(r.toString());
        return out;
    }
};

bool isExpression(const QJsonObject &o)
{
    return o.contains(QLatin1String("references")) || o.contains(QLatin1String("constant_value"));
}

// Calls f(attribute, references) for every expression, nested blocks included.
template<typename F>
void forEachExpression(const QJsonObject &expressions, F f)
{
    for (auto e = expressions.begin(); e != expressions.end(); ++e) {
        const QJsonValue v = e.value();
        if (v.isObject() && isExpression(v.toObject())) {
            const QJsonArray refs = v.toObject().value(QLatin1String("references")).toArray();
            if (!refs.isEmpty())
                f(e.key(), refs);
        } else if (v.isObject()) {
            forEachExpression(v.toObject(), f);
        } else if (v.isArray()) {
            for (const QJsonValue &block : v.toArray())
                forEachExpression(block.toObject(), f);
        }
    }
}

} // namespace

void addConfigurationReferences(const QJsonObject &configuration, Input &input)
{
    const QJsonObject providers = configuration.value(QLatin1String("provider_config")).toObject();
    for (auto p = providers.begin(); p != providers.end(); ++p) {
        const QString region = p.value()
                                   .toObject()
                                   .value(QLatin1String("expressions"))
                                   .toObject()
                                   .value(QLatin1String("region"))
                                   .toObject()
                                   .value(QLatin1String("constant_value"))
                                   .toString();
        if (!region.isEmpty())
            input.providerRegions.insert(p.key(), region);
    }
    Configuration config;
    collect(configuration.value(QLatin1String("root_module")).toObject(), {}, config);

    for (Instance &instance : input.instances) {
        const QString configAddress = withoutKeys(instance.resource);
        const auto found = config.resources.constFind(configAddress);
        if (found == config.resources.cend())
            continue; // Terraform writes every configured resource; an older plan may not
        instance.providerConfigKey = found->providerConfigKey;
        Resolver resolver {config, input, instance.address};
        forEachExpression(found->expressions, [&](const QString &attribute, const QJsonArray &refs) {
            bool paired = false;
            for (const QJsonValue &r : refs) {
                const QString t = r.toString();
                paired = paired || t == QLatin1String("count.index")
                    || t.startsWith(QLatin1String("each."));
            }
            QStringList targets;
            for (const QJsonValue &r : refs)
                resolver.resolve(r.toString(), instance.module, attribute, targets, 0);
            for (const QString &target : targets) {
                Reference reference;
                reference.attribute = attribute;
                reference.target = target;
                if (paired)
                    reference.pairKey = instance.key;
                instance.references.push_back(reference);
            }
        });
        for (const QJsonValue &d : found->dependsOn) {
            QStringList targets;
            if (d.toString().startsWith(QLatin1String("module."))
                && parseOrFail(input, instance.address, d.toString()).type.isEmpty())
                continue; // a whole module: its resources are not named
            resolver.resolve(d.toString(), instance.module, {}, targets, 0);
            for (const QString &target : targets)
                instance.references.push_back({QString(), target, QString(), false});
        }
    }
}

} // namespace faultline::terraform
