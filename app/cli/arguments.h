#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

#include <vector>

namespace faultline::cli {

// A mistake in how the command was called: exit code 2. The message says what was wrong;
// the caller adds where to find help.
struct UsageError
{
    QString message;
};

struct OptionSpec
{
    QString name; // long name without dashes: "fail"
    QChar shortName; // 'o' for -o, or null
    QString valueName; // "ID"; every option of ours takes a value
    bool repeatable = false;
    QString help;
    bool flag = false; // takes no value (valueName empty): `--landscape`; value() is ""
};

// A command's arguments once parsed: positional ones in order, option values by long name in
// the order given.
class Arguments
{
public:
    QStringList positional;
    bool help = false;

    QStringList values(const QString &name) const { return m_values.value(name); }
    QString value(const QString &name) const { return values(name).value(0); }
    bool isSet(const QString &name) const { return m_values.contains(name); }
    void add(const QString &name, const QString &value) { m_values[name].append(value); }

private:
    QHash<QString, QStringList> m_values;
};

// Parses `--name VALUE`, `--flag` (OptionSpec::flag), `--name=VALUE`, `-o VALUE`, `-h`/`--help`,
// and `--` (everything after it is positional). A value is always the next argument, even when it
// starts with a dash. Throws UsageError for an unknown option, a missing value, or a non-repeatable
// option given twice.
Arguments parseArguments(const QStringList &args, const std::vector<OptionSpec> &options);

// The options as help text, one per line, aligned: "  --fail ID   the component ..."
QString describeOptions(const std::vector<OptionSpec> &options);

} // namespace faultline::cli
