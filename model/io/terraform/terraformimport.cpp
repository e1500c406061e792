#include "model/io/terraform/terraformimport.h"

#include "model/io/fileio.h"
#include "model/io/terraform/tfmapbuilder.h"
#include "model/io/terraform/tfreader.h"
#include "model/map/errors.h"
#include "model/map/validation.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonParseError>

namespace faultline::terraformimport {

namespace {

QJsonObject parseJson(const QByteArray &bytes, const QString &source)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError) {
        const QByteArray before = bytes.left(error.offset);
        const qsizetype line = before.count('\n') + 1;
        const qsizetype column = error.offset - (before.lastIndexOf('\n') + 1) + 1;
        throw FormatError(QStringLiteral("%1:%2:%3: not valid JSON: %4")
                              .arg(source)
                              .arg(line)
                              .arg(column)
                              .arg(error.errorString()));
    }
    if (!document.isObject())
        throw FormatError(QStringLiteral("%1: not a Terraform state or plan (no JSON object)")
                              .arg(source));
    return document.object();
}

} // namespace

bool isTerraform(const QJsonObject &top)
{
    return terraform::detect(top) != terraform::FileKind::NotTerraform;
}

QString sourceMark(const QString &path)
{
    Q_UNUSED(path); // one Terraform stack per map by default: a newer state replaces the older
    return QStringLiteral("terraform");
}

Result read(const QByteArray &json, const QString &source, const Options &options)
{
    const QJsonObject top = parseJson(json, source);
    const terraform::FileKind kind = terraform::detect(top);
    if (kind == terraform::FileKind::NotTerraform)
        throw FormatError(QStringLiteral("%1: not a Terraform state or plan (no \"version\" with "
                                         "\"resources\", nor \"format_version\" with \"values\" "
                                         "or \"planned_values\")")
                              .arg(source));
    terraform::Rules rules = terraform::Rules::builtIn();
    if (!options.rulesFile.isEmpty())
        rules.addFile(parseJson(readWholeFile(options.rulesFile), options.rulesFile),
            options.rulesFile);
    terraform::Input input = terraform::read(top, kind, source);
    terraform::BuildOptions build;
    build.allResources = options.allResources;
    build.source = options.source.isEmpty() ? sourceMark(source) : options.source;
    Result result;
    result.map = terraform::buildMap(input, rules, build);
    if (const auto error = validationError(result.map))
        throw ValidationError(QStringLiteral("%1: %2").arg(source, *error));
    result.warnings = input.warnings;
    return result;
}

Result readFile(const QString &path, const Options &options)
{
    return read(readWholeFile(path), path, options);
}

} // namespace faultline::terraformimport
