#include "model/io/terraform/tfreader.h"

#include "model/io/terraform/tfaddress.h"
#include "model/map/errors.h"

namespace faultline::terraform {

FileKind detect(const QJsonObject &top)
{
    if (top.contains(QLatin1String("format_version"))
        && (top.contains(QLatin1String("planned_values"))
            || top.contains(QLatin1String("resource_changes"))))
        return FileKind::ShowPlan;
    if (top.contains(QLatin1String("format_version"))
        && (top.contains(QLatin1String("values"))
            || top.contains(QLatin1String("terraform_version"))))
        return FileKind::ShowState;
    if (top.value(QLatin1String("version")).isDouble()
        && (top.contains(QLatin1String("resources")) || top.contains(QLatin1String("modules"))
            || top.contains(QLatin1String("lineage"))))
        return FileKind::RawState;
    return FileKind::NotTerraform;
}

Input read(const QJsonObject &top, FileKind kind, const QString &source)
{
    Input input;
    input.source = source;
    switch (kind) {
    case FileKind::RawState:
        readRawState(top, input);
        break;
    case FileKind::ShowState:
    case FileKind::ShowPlan:
        readShowJson(top, kind == FileKind::ShowPlan, input);
        break;
    case FileKind::NotTerraform:
        throw FormatError(QStringLiteral("%1: not a Terraform state or plan").arg(source));
    }
    return input;
}

void fail(const Input &input, const QString &entry, const QString &message)
{
    if (entry.isEmpty())
        throw FormatError(QStringLiteral("%1: %2").arg(input.source, message));
    throw FormatError(QStringLiteral("%1: %2: %3").arg(input.source, entry, message));
}

QString providerName(const QString &text)
{
    QString t = text;
    // provider["registry.terraform.io/hashicorp/aws"].alias, module.x.provider.aws
    const qsizetype quote = t.indexOf(u'"');
    if (quote >= 0) {
        const qsizetype end = t.indexOf(u'"', quote + 1);
        t = t.mid(quote + 1, end < 0 ? -1 : end - quote - 1);
        return t.section(u'/', -1);
    }
    const qsizetype at = t.lastIndexOf(QLatin1String("provider."));
    if (at >= 0)
        return t.mid(at + 9).section(u'.', 0, 0);
    return t.section(u'/', -1);
}

Address parseOrFail(const Input &input, const QString &entry, const QString &text)
{
    QString why;
    const auto address = parseAddress(text, &why);
    if (!address)
        fail(input, entry, QStringLiteral("malformed address \"%1\": %2").arg(text, why));
    return *address;
}

} // namespace faultline::terraform
