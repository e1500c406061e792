#include "app/cli/cli.h"

#include "app/about.h"

#include "app/cli/commands.h"
#include "model/map/errors.h"

#include <QApplication>
#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

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
    {"impact",
        "MAP [--fail ID]... [--degrade ID]... [--scenario NAME] [--format FORMAT]\n"
        "       [--rounds]",
        "what a scenario takes down, degrades and puts at risk, and why", impactOptions, runImpact,
        "MAP is a .faultline document or an interchange .json file. Give at least one --fail,\n"
        "--degrade or --scenario. The output lists every component that is not up, in map order,\n"
        "with the chain of causes that explains its state, and the business services that are\n"
        "exposed (up, but with an at-risk component among what they need). --rounds lists the\n"
        "cascade round by round instead: round 0 is what the scenario fails and impairs.\n"},
    {"compare",
        "MAP [--scenario A] [--scenario B] [--a-fail ID]... [--b-fail ID]... [--format FORMAT]\n"
        "       faultline compare OLD_MAP NEW_MAP [--scenario NAME] [--fail ID]... [--format "
        "FORMAT]",
        "compare two scenarios, or one scenario on two versions of a map", compareOptions,
        runCompare,
        "With one MAP, side A is the first --scenario and side B the second (given once, both\n"
        "start from it); --a-fail, --a-degrade, --b-fail and --b-degrade add to one side,\n"
        "--fail and --degrade to both. With OLD_MAP and NEW_MAP, the same scenario runs on both\n"
        "(A = OLD_MAP, B = NEW_MAP). The output gives, for every component in both maps whose\n"
        "state differs, both states; the change in counts, exposed business services and cost\n"
        "per hour; and, for two maps, the components added, removed and changed.\n"},
    {"import",
        "FILE -o MAP.faultline [--all-resources] [--rules FILE.json] [--source NAME]\n"
        "       FILE --into MAP.faultline [--dry-run] [--source NAME]",
        "make a Faultline document from a Terraform state or plan, a Backstage catalog, an "
        "interchange .json, a .csv or a Graphviz .dot file, or update one",
        importOptions, runImport,
        "Import is all or nothing: when FILE has an error, nothing is written. An existing file\n"
        "that is not a Faultline document is never overwritten. FILE.csv is a components file\n"
        "(id, name, kind, parent, ...) and its companion dependencies file (from, to, type,\n"
        "label), found by swapping \"components\" and \"dependencies\" in the name; FILE.dot\n"
        "maps nodes to components, edges to dependencies and clusters to parents. Errors name\n"
        "the file and line. A Terraform state (terraform state pull, format 4) or the JSON of\n"
        "terraform show -json (of a state or a plan) is recognised by its content: each managed\n"
        "resource becomes a component placed in provider, region and zone, its references hard\n"
        "or soft dependencies (docs/terraform-import.md). Dependencies on resources the file\n"
        "does not have are left out with a warning on stderr. A Backstage catalog\n"
        "(catalog-info.yaml; Locations followed) gives Components, Resources, Systems, APIs\n"
        "and Domains. With --into, what came from the same source (--source, default terraform\n"
        "or backstage) is added, changed or removed in MAP, and what was added or changed by\n"
        "hand stays; the difference is printed on stdout (--dry-run: only printed).\n"},
    {"export",
        "MAP -o FILE [--fail ID]... [--degrade ID]... [--scenario NAME]\n"
        "       [--dpi N | --width PIXELS] [--page SIZE] [--landscape | --portrait]\n"
        "       faultline export MAP -o FILE.csv --actions",
        "write the diagram (.svg, .png, .pdf, .dot), the map (.json), the impact table or the "
        "action items (.csv)",
        exportOptions, runExport,
        "The format follows FILE's extension: .svg, .png and .pdf draw the map as the canvas\n"
        "does, with the scenario given by --fail, --degrade and --scenario, a title and a\n"
        "legend; .dot writes Graphviz source that dot renders as it is; .json writes the whole\n"
        "map in the interchange format; .csv the impact table of the scenario. Components\n"
        "without a stored position are laid out first. No display is needed. With --actions,\n"
        "FILE.csv gets every action item of every saved scenario (scenario, what, owner, due,\n"
        "status), for a tracker.\n"},
    {"report",
        "MAP -o FILE.html|FILE.pdf [--fail ID]... [--degrade ID]... [--scenario NAME]\n"
        "       [--hours H] [--page SIZE] [--landscape | --portrait]\n"
        "       faultline report MAP --all-scenarios -o FILE.html|FILE.pdf [--page SIZE] "
        "[--landscape]",
        "write the workshop report on a scenario, or the pack of all of them, as HTML or PDF",
        reportOptions, runReport,
        "Give at least one --fail, --degrade or --scenario, as for impact. The report holds the\n"
        "summary (what is down, degraded, at risk, the business services hit, the cost per\n"
        "hour and the loss over --hours, default 4), the diagram, the affected components with\n"
        "their chains of causes, and all saved scenarios side by side. The HTML is one\n"
        "self-contained file; the PDF prints the same HTML on numbered pages.\n"
        "--all-scenarios writes the workshop pack instead: the business services by scenario\n"
        "(down, degraded, at risk, exposed, up) with the cost per hour of each, then each\n"
        "saved scenario with its diagram, its cascade round by round, its affected components,\n"
        "notes, decisions and action items, and last every action item.\n"},
    {"blast-radius", "MAP [--kind KIND] [--format FORMAT]",
        "rank components by what their failure alone takes down", blastRadiusOptions,
        runBlastRadius,
        "Fails every component alone and ranks them by components down (not counting the\n"
        "failed one), then cost per hour, then map order. With --kind provider, region or zone\n"
        "it answers the concentration question: the share of the business cost on each.\n"},
    {"spof", "MAP --target ID [--format FORMAT]",
        "list the single points of failure of a component", spofOptions, runSpof,
        "The components other than the target whose failure alone takes it down, in map\n"
        "order.\n"},
    {"cut-sets", "MAP --target ID [--max-order K] [--only-with-availability] [--format FORMAT]",
        "list the minimal sets of components whose joint failure takes a component down",
        cutSetsOptions, runCutSets,
        "Every set of at most K components (default 3), not containing the target, that takes\n"
        "it down while none of its proper subsets does; by size, then map order. By default\n"
        "any component may fail. --only-with-availability lets only components with an\n"
        "availability fail (the fault-tree view, where gates are not failures themselves).\n"},
    {"availability", "MAP --target ID [--format FORMAT]",
        "compute the exact availability of a component", availabilityOptions, runAvailability,
        "Each component with an availability fails independently with probability\n"
        "1 - availability (components without one never fail); the result is the probability\n"
        "that the target is not down, exact to 1e-12, with its downtime per year and the\n"
        "components that contribute most.\n"},
    {"recovery", "MAP [--fail ID]... [--degrade ID]... [--scenario NAME] [--format FORMAT]",
        "the recovery plan of a scenario: what to restart first, when each service is back",
        recoveryOptions, runRecovery,
        "Give at least one --fail, --degrade or --scenario, as for impact. Every component the\n"
        "scenario takes down starts once its parent and enough of its hard dependencies are\n"
        "back, and is back rto_minutes later (none counts as 0). The plan lists the steps in\n"
        "waves that can run in parallel, each business service against its target_rto_minutes,\n"
        "the data at risk (rpo_minutes) and the cycles that never come back. Times are minutes\n"
        "from the failure.\n"},
    {"check", "MAP [--policy FILE.json] [--format FORMAT] [--junit FILE.xml]",
        "check the map against resilience policies (for CI)", checkOptions, runCheck,
        "Each rule of the policy (survive, no-single-point-of-failure, availability, rto, rpo)\n"
        "is checked over its services with the impact engine, the recovery plans and the exact\n"
        "availability; every violation names the service and the evidence. Without --policy,\n"
        "the policy stored in the map (its \"policy\" key) is used. Exit codes: 0 every rule\n"
        "holds, 3 a rule is broken, 1 bad input (a policy file with an unknown rule or key names\n"
        "it), 2 usage.\n"},
};

const Command *findCommand(const QString &name)
{
    for (const Command &c : commands) {
        if (name == QLatin1String(c.name))
            return &c;
    }
    return nullptr;
}

void printError(const QString &message)
{
    const QByteArray line = terminalSafe(QStringLiteral("faultline: %1").arg(message).toUtf8());
    std::fwrite(line.constData(), 1, std::size_t(line.size()), stderr);
    std::fputc('\n', stderr);
}

// The first line stays "faultline VERSION" for scripts; then what a bug report needs.
QString version()
{
    QStringList lines = about::components();
    lines.front() = QStringLiteral("faultline %1").arg(about::version());
    lines << QStringLiteral("Licence: %1").arg(about::licence());
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
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
                   .arg(QString(QLatin1String(c.name)).leftJustified(14), QLatin1String(c.summary));
    out += QStringLiteral("\n"
                          "Options:\n"
                          "  -h, --help  show this help; 'faultline COMMAND --help' for a command\n"
                          "  --version   show the version\n"
                          "\n"
                          "Exit codes: 0 success, 1 bad input, 2 usage error; check: 3 a rule is "
                          "broken.\n");
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
            writeText(commandHelp(command).toUtf8());
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
    errno = 0;
    const std::size_t written =
        std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stdout);
    // A full disk or a closed pipe must not pass for a result: the caller would take a cut
    // JSON for the whole answer.
    if (std::fflush(stdout) != 0 || written != std::size_t(bytes.size()) || std::ferror(stdout))
        throw Error(QStringLiteral("cannot write the result to standard output: %1")
                        .arg(QString::fromLocal8Bit(std::strerror(errno ? errno : EIO))));
}

void writeText(const QByteArray &utf8)
{
    writeResult(terminalSafe(utf8));
}

QByteArray terminalSafe(const QByteArray &utf8)
{
    static const char hex[] = "0123456789ABCDEF";
    QByteArray out;
    out.reserve(utf8.size());
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) {
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 0xF];
        } else if (c == 0xC2 && i + 1 < utf8.size()
            && static_cast<unsigned char>(utf8[i + 1]) >= 0x80
            && static_cast<unsigned char>(utf8[i + 1]) <= 0x9F) {
            // U+0080..U+009F: the C1 controls, CSI (U+009B) among them.
            const auto d = static_cast<unsigned char>(utf8[++i]);
            out += "\\u00";
            out += hex[d >> 4];
            out += hex[d & 0xF];
        } else {
            out += char(c);
        }
    }
    return out;
}

bool isCommand(int argc, char *argv[])
{
    if (argc < 2)
        return false;
    const QString first = QString::fromLocal8Bit(argv[1]);
    if (first == QLatin1String("-h") || first == QLatin1String("--help")
        || first == QLatin1String("--version") || findCommand(first))
        return true;
    static const QRegularExpression word(QStringLiteral("^[a-z][a-z0-9-]*$"));
    return word.match(first).hasMatch() && !QFileInfo::exists(first);
}

int run(int argc, char *argv[])
{
    // The pictures (export, report) are drawn by the canvas's code, which needs a QApplication;
    // the offscreen platform draws with fonts but no display.
    const bool draws =
        argc > 1 && (qstrcmp(argv[1], "export") == 0 || qstrcmp(argv[1], "report") == 0);
    if (draws && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> app;
    if (draws) {
        // Without a session (a shell, CI) Qt warns about XDG_RUNTIME_DIR on stderr, which
        // carries only our own messages.
        static QtMessageHandler previous = nullptr;
        previous = qInstallMessageHandler(
            [](QtMsgType type, const QMessageLogContext &context, const QString &message) {
                if (!message.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR")))
                    previous(type, context, message);
            });
        app = std::make_unique<QApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("faultline"));
    QCoreApplication::setApplicationVersion(QLatin1String(FAULTLINE_VERSION));
    QStringList args = QCoreApplication::arguments().mid(1);
    const QString name = args.isEmpty() ? QString() : args.takeFirst();

    try {
        if (name == QLatin1String("-h") || name == QLatin1String("--help")) {
            writeText(mainHelp().toUtf8());
            return 0;
        }
        if (name == QLatin1String("--version")) {
            writeText(version().toUtf8());
            return 0;
        }
    } catch (const Error &e) {
        printError(e.message());
        return 1;
    }
    if (const Command *command = findCommand(name))
        return runCommand(*command, args);
    printError(
        QStringLiteral("unknown command '%1'\nRun 'faultline --help' for the commands.").arg(name));
    return 2;
}

} // namespace faultline::cli
