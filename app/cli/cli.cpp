#include "app/cli/cli.h"

#include "app/cli/commands.h"
#include "model/map/errors.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>

#include <cstdio>

namespace faultline::cli {

namespace {

struct Command
{
    const char *name;
    const char *arguments; // after the name, for the usage line
    const char *summary;
    std::vector<OptionSpec> (*options)();
    int (*run)(const Arguments &);
    const char *details;
};

const Command commands[] = {
    {"impact", "MAP [--fail ID]... [--degrade ID]... [--scenario NAME] [--format FORMAT]",
        "what a scenario takes down, degrades and puts at risk, and why", impactOptions, runImpact,
        "MAP is a .faultline document or an interchange .json file. Give at least one --fail,\n"
        "--degrade or --scenario. The output lists every component that is not up, in map order,\n"
        "with the chain of causes that explains its state.\n"},
    {"import", "FILE -o MAP.faultline", "make a Faultline document from an interchange .json file",
        importOptions, runImport,
        "Import is all or nothing: when FILE has an error, nothing is written. An existing file\n"
        "that is not a Faultline document is never overwritten. (.csv and .dot come later.)\n"},
    {"export", "MAP -o FILE [--fail ID]... [--degrade ID]... [--scenario NAME]",
        "write the map as interchange .json, or a scenario's impact table as .csv", exportOptions,
        runExport,
        "The format follows FILE's extension: .json writes the whole map in the interchange\n"
        "format; .csv the impact table of the scenario given by --fail, --degrade and --scenario.\n"
        "(.svg, .png, .pdf and .dot diagrams come later.)\n"},
};

// Commands DESIGN.md names that this version does not have yet.
const char *const plannedCommands[] = {
    "blast-radius", "spof", "cut-sets", "availability", "report"};

const Command *findCommand(const QString &name)
{
    for (const Command &c : commands) {
        if (name == QLatin1String(c.name))
            return &c;
    }
    return nullptr;
}

bool isPlanned(const QString &name)
{
    for (const char *planned : plannedCommands) {
        if (name == QLatin1String(planned))
            return true;
    }
    return false;
}

void printError(const QString &message)
{
    std::fputs(QStringLiteral("faultline: %1\n").arg(message).toUtf8().constData(), stderr);
}

QString version()
{
    return QStringLiteral("faultline %1\n").arg(QLatin1String(FAULTLINE_VERSION));
}

QString mainHelp()
{
    QString out = QStringLiteral(
        "Usage: faultline [MAP]\n"
        "       faultline COMMAND ARGUMENTS [OPTIONS]\n"
        "\n"
        "Faultline maps cloud service dependencies and computes what a failure takes down.\n"
        "Without a command it opens the desktop app on MAP, or on the bundled example.\n"
        "\n"
        "Commands:\n");
    for (const Command &c : commands)
        out += QStringLiteral("  %1%2\n")
                   .arg(QString(QLatin1String(c.name)).leftJustified(10), QLatin1String(c.summary));
    out +=
        QStringLiteral("\n"
                       "Later versions add: blast-radius, spof, cut-sets, availability, report.\n"
                       "\n"
                       "Options:\n"
                       "  -h, --help  show this help; 'faultline COMMAND --help' for a command\n"
                       "  --version   show the version\n"
                       "\n"
                       "Exit codes: 0 success, 1 bad input, 2 usage error.\n");
    return out;
}

QString commandHelp(const Command &c)
{
    QString summary = QLatin1String(c.summary);
    summary[0] = summary[0].toUpper();
    return QStringLiteral("Usage: faultline %1 %2\n\n%3.\n\n%4\nOptions:\n%5")
        .arg(QLatin1String(c.name), QLatin1String(c.arguments), summary, QLatin1String(c.details),
            describeOptions(c.options()));
}

int runCommand(const Command &command, const QStringList &args)
{
    try {
        const Arguments parsed = parseArguments(args, command.options());
        if (parsed.help) {
            writeResult(commandHelp(command).toUtf8());
            return 0;
        }
        return command.run(parsed);
    } catch (const UsageError &e) {
        printError(QStringLiteral("%1: %2\nRun 'faultline %1 --help' for usage.")
                       .arg(QLatin1String(command.name), e.message));
        return 2;
    } catch (const Error &e) {
        printError(e.message());
        return 1;
    } catch (const std::exception &e) {
        printError(QStringLiteral("%1: %2").arg(
            QLatin1String(command.name), QString::fromLocal8Bit(e.what())));
        return 1;
    }
}

} // namespace

QString onePositional(const Arguments &args, const QString &what)
{
    if (args.positional.isEmpty())
        throw UsageError {QStringLiteral("missing %1").arg(what)};
    if (args.positional.size() > 1)
        throw UsageError {
            QStringLiteral("one %1 only; unexpected \"%2\"").arg(what, args.positional.at(1))};
    return args.positional.front();
}

void writeResult(const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

bool isCommand(int argc, char *argv[])
{
    if (argc < 2)
        return false;
    const QString first = QString::fromLocal8Bit(argv[1]);
    if (first == QLatin1String("-h") || first == QLatin1String("--help")
        || first == QLatin1String("--version") || findCommand(first) || isPlanned(first))
        return true;
    static const QRegularExpression word(QStringLiteral("^[a-z][a-z0-9-]*$"));
    return word.match(first).hasMatch() && !QFileInfo::exists(first);
}

int run(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("faultline"));
    QCoreApplication::setApplicationVersion(QLatin1String(FAULTLINE_VERSION));
    QStringList args = QCoreApplication::arguments().mid(1);
    const QString name = args.isEmpty() ? QString() : args.takeFirst();

    if (name == QLatin1String("-h") || name == QLatin1String("--help")) {
        writeResult(mainHelp().toUtf8());
        return 0;
    }
    if (name == QLatin1String("--version")) {
        writeResult(version().toUtf8());
        return 0;
    }
    if (const Command *command = findCommand(name))
        return runCommand(*command, args);
    if (isPlanned(name))
        printError(QStringLiteral("'%1' is not available in this version yet").arg(name));
    else
        printError(QStringLiteral("unknown command '%1'\nRun 'faultline --help' for the commands.")
                       .arg(name));
    return 2;
}

} // namespace faultline::cli
