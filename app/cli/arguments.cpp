#include "app/cli/arguments.h"

#include <algorithm>

namespace faultline::cli {

namespace {

const OptionSpec *find(const std::vector<OptionSpec> &options, const QString &arg)
{
    for (const OptionSpec &o : options) {
        if (arg == QLatin1String("--") + o.name
            || (!o.shortName.isNull() && arg == QString(u'-') + o.shortName))
            return &o;
    }
    return nullptr;
}

QString spelling(const OptionSpec &o)
{
    return QStringLiteral("--") + o.name;
}

} // namespace

Arguments parseArguments(const QStringList &args, const std::vector<OptionSpec> &options)
{
    Arguments parsed;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args[i];
        if (arg == QLatin1String("--")) {
            parsed.positional += args.mid(i + 1);
            break;
        }
        if (arg == QLatin1String("-h") || arg == QLatin1String("--help")) {
            parsed.help = true;
            continue;
        }
        if (arg.size() < 2 || !arg.startsWith(u'-')) {
            parsed.positional.append(arg); // "-" alone is a file name, as usual
            continue;
        }
        QString name = arg;
        QString value;
        bool inlineValue = false;
        if (const qsizetype eq = arg.indexOf(u'='); arg.startsWith(QLatin1String("--")) && eq > 0) {
            name = arg.left(eq);
            value = arg.mid(eq + 1);
            inlineValue = true;
        }
        const OptionSpec *option = find(options, name);
        if (!option)
            throw UsageError {QStringLiteral("unknown option '%1'").arg(name)};
        if (option->flag) {
            if (inlineValue)
                throw UsageError {QStringLiteral("%1 takes no value").arg(spelling(*option))};
        } else if (!inlineValue) {
            if (i + 1 >= args.size())
                throw UsageError {QStringLiteral("%1 needs a value (%2)")
                                      .arg(spelling(*option), option->valueName)};
            value = args[++i];
        }
        if (!option->repeatable && parsed.isSet(option->name))
            throw UsageError {QStringLiteral("%1 is given more than once").arg(spelling(*option))};
        parsed.add(option->name, value);
    }
    return parsed;
}

QString describeOptions(const std::vector<OptionSpec> &options)
{
    QStringList left;
    for (const OptionSpec &o : options) {
        const QString shortPart = o.shortName.isNull() ? QStringLiteral("    ")
                                                       : QStringLiteral("-%1, ").arg(o.shortName);
        left.append(shortPart + spelling(o) + (o.flag ? QString() : u' ' + o.valueName));
    }
    left.append(QStringLiteral("-h, --help"));
    qsizetype width = 0;
    for (const QString &l : left)
        width = std::max(width, l.size());
    QString out;
    for (std::size_t i = 0; i < options.size(); ++i)
        out += QStringLiteral("  ") + left[qsizetype(i)].leftJustified(width + 2) + options[i].help
            + u'\n';
    out += QStringLiteral("  ") + left.back().leftJustified(width + 2)
        + QStringLiteral("show this help\n");
    return out;
}

} // namespace faultline::cli
