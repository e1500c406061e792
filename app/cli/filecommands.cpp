// `faultline import FILE -o MAP.faultline` and `faultline export MAP -o FILE`.
#include "app/cli/commands.h"

#include "model/io/actionscsv.h"
#include "model/io/fileio.h"
#include "model/io/impactformat.h"
#include "model/io/importfile.h"
#include "model/io/importmerge.h"
#include "model/io/interchange.h"
#include "model/io/mapfile.h"
#include "model/map/errors.h"
#include "model/storage/faultlinefile.h"

#include <QFileInfo>

#include <cstdio>

namespace faultline::cli {

namespace {

const QString documentSuffix = QLatin1String(faultlinefile::fileSuffix);

OptionSpec outputOption(const QString &help)
{
    return {QStringLiteral("output"), u'o', QStringLiteral("FILE"), false, help};
}

QString requiredOutput(const Arguments &args)
{
    const QString path = args.value(QStringLiteral("output"));
    if (path.isEmpty())
        throw UsageError {QStringLiteral("say where to write: -o FILE")};
    return path;
}

// Something an import left out, on stderr; the import itself succeeded. Names in it are shown
// with their control characters escaped, as in every message.
void printWarning(const QString &message)
{
    const QByteArray line =
        terminalSafe(QStringLiteral("faultline: warning: %1").arg(message).toUtf8()) + '\n';
    std::fwrite(line.constData(), 1, std::size_t(line.size()), stderr);
}

// An existing document (or empty file) is saved over in one transaction, which leaves the
// previous content intact if it fails. A new one is built in memory and written in one piece
// through a temporary file the system removes by itself (writeWholeFile), so that a failure or
// a kill leaves nothing behind: neither a half-made file under the target's name nor a stray
// temporary file and journal beside it.
void saveDocument(const Map &map, const QString &path)
{
    const QFileInfo info(path);
    if (info.exists()) {
        if (!info.isFile() || (info.size() > 0 && !faultlinefile::isDocument(path)))
            throw FormatError(
                QStringLiteral("%1: exists and is not a Faultline document; not overwriting it")
                    .arg(path));
        faultlinefile::save(map, path);
        return;
    }
    QByteArray bytes;
    try {
        bytes = faultlinefile::serialized(map);
    } catch (const StorageError &e) {
        throw StorageError(QStringLiteral("%1: cannot save: %2").arg(path, e.message()));
    }
    writeWholeFile(path, bytes);
}

} // namespace

std::vector<OptionSpec> importOptions()
{
    return {outputOption(QStringLiteral("the .faultline document to write (a new one; "
                                        "--force replaces an existing map)")),
        {QStringLiteral("force"), {}, {}, false,
            QStringLiteral("with -o: replace the map if the file exists"), true},
        {QStringLiteral("all-resources"), {}, {}, false,
            QStringLiteral("Terraform: keep plumbing (security group rules, attachments, "
                           "parameter groups...) as components instead of folding it"),
            true},
        {QStringLiteral("rules"), {}, QStringLiteral("FILE.json"), false,
            QStringLiteral("Terraform: rules tried before the built-in table "
                           "(docs/terraform-import.md)")},
        {QStringLiteral("into"), {}, QStringLiteral("MAP.faultline"), false,
            QStringLiteral("update this document from a newer Terraform state or plan, or "
                           "Backstage catalog, instead of writing a new one (-o)")},
        {QStringLiteral("dry-run"), {}, {}, false,
            QStringLiteral("with --into: print the difference, write nothing"), true},
        {QStringLiteral("source"), {}, QStringLiteral("NAME"), false,
            QStringLiteral("what marks the components of this import (default: terraform or "
                           "backstage); give one per stack when a map holds several")}};
}

int runImport(const Arguments &args)
{
    const QString input = onePositional(args, QStringLiteral("FILE"));
    const bool into = args.isSet(QStringLiteral("into"));
    if (into && args.isSet(QStringLiteral("output")))
        throw UsageError {QStringLiteral("give -o FILE (a new document) or --into MAP (update "
                                         "one), not both")};
    if (args.isSet(QStringLiteral("dry-run")) && !into)
        throw UsageError {QStringLiteral("--dry-run goes with --into")};
    if (args.isSet(QStringLiteral("force")) && into)
        throw UsageError {QStringLiteral("--force goes with -o")};
    const QString output = into ? args.value(QStringLiteral("into")) : requiredOutput(args);
    if (QFileInfo(output).suffix().toLower() != documentSuffix)
        throw UsageError {
            QStringLiteral("import writes a .%1 document, so %2 must end in .%1 "
                           "(to write .json, use export)")
                .arg(documentSuffix, into ? QStringLiteral("--into") : QStringLiteral("-o"))};

    // Read and validate everything before the output is touched: import is all or nothing.
    ImportOptions options;
    options.allResources = args.isSet(QStringLiteral("all-resources"));
    options.rulesFile = args.value(QStringLiteral("rules"));
    options.source = args.value(QStringLiteral("source"));
    Map target;
    if (into) {
        if (!QFileInfo::exists(output))
            throw FormatError(QStringLiteral("%1: no such file (--into updates an existing map; "
                                             "use -o to make one)")
                                  .arg(output));
        target = loadMap(output);
        options.existing = &target;
    }
    const ImportResult imported = importFile(input, options);
    for (const QString &warning : imported.warnings)
        printWarning(warning);
    if (into && imported.source.isEmpty())
        throw UsageError {QStringLiteral("--into updates a map from a Terraform state or plan or "
                                         "a Backstage catalog; %1 is neither")
                              .arg(input)};
    if (!into) {
        // A map someone made is not replaced by mistake (an empty file holds nothing to lose;
        // a file that is not a map is never replaced: saveDocument says so).
        const QFileInfo existing(output);
        if (existing.isFile() && existing.size() > 0 && faultlinefile::isDocument(output)
            && !args.isSet(QStringLiteral("force")))
            throw UsageError {QStringLiteral("%1 exists; add --force to replace it, or "
                                             "--into %1 to update it")
                                  .arg(output)};
        saveDocument(newMapFrom(imported), output);
        return 0;
    }
    const MergeReport report = mergeImport(target, imported.map, imported.source);
    writeResult(report.text(input).toUtf8());
    if (!args.isSet(QStringLiteral("dry-run")))
        saveDocument(target, output);
    return 0;
}

std::vector<OptionSpec> exportOptions()
{
    std::vector<OptionSpec> options {
        outputOption(QStringLiteral("the file to write (required): .svg, .png, .pdf, .dot, "
                                    ".json or .csv")),
        {QStringLiteral("actions"), {}, {}, false,
            QStringLiteral(".csv of every scenario's action items instead of the impact table"),
            true}};
    for (OptionSpec &o : scenarioOptions())
        options.push_back(std::move(o));
    for (OptionSpec &o : diagramOptions())
        options.push_back(std::move(o));
    return options;
}

int runExport(const Arguments &args)
{
    const QString input = onePositional(args, QStringLiteral("MAP"));
    const QString output = requiredOutput(args);
    const QString suffix = QFileInfo(output).suffix().toLower();

    if (args.isSet(QStringLiteral("actions"))) {
        if (suffix != QLatin1String("csv"))
            throw UsageError {
                QStringLiteral("--actions writes a .csv file, not \"%1\"").arg(output)};
        for (const char *name : {"fail", "degrade", "scenario"}) {
            if (args.isSet(QLatin1String(name)))
                throw UsageError {QStringLiteral("--%1 does not go with --actions, which writes "
                                                 "the action items of every scenario")
                                      .arg(QLatin1String(name))};
        }
        writeWholeFile(output, actionscsv::write(loadMap(input)));
        return 0;
    }
    if (suffix == QLatin1String("json")) {
        for (const char *name : {"fail", "degrade", "scenario"}) {
            if (args.isSet(QLatin1String(name)))
                throw UsageError {QStringLiteral("--%1 does not apply to a .json export, which "
                                                 "writes the whole map")
                                      .arg(QLatin1String(name))};
        }
        interchange::writeFile(loadMap(input), output);
        return 0;
    }
    if (suffix == QLatin1String("csv")) {
        requireScenario(args);
        const Map map = loadMap(input);
        const Evaluated e = evaluate(map, input, args);
        writeWholeFile(output, impactformat::csv(map, e.result));
        return 0;
    }
    for (const char *diagram : {"svg", "png", "pdf", "dot", "gv"}) {
        if (suffix == QLatin1String(diagram))
            return exportDiagram(args, input, output);
    }
    throw UsageError {QStringLiteral("cannot tell what to write from \"%1\": -o must end in "
                                     ".svg, .png, .pdf, .dot, .json or .csv")
                          .arg(output)};
}

} // namespace faultline::cli
