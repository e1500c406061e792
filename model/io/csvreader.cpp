#include "model/io/csvreader.h"

#include "model/map/errors.h"

#include <QStringDecoder>

namespace faultline::csv {

bool Record::isBlank() const
{
    for (const QString &field : fields) {
        if (!field.trimmed().isEmpty())
            return false;
    }
    return true;
}

namespace {

// The 1-based line of the first byte that is not UTF-8, or 0 if all of it is.
int firstBadUtf8Line(const QByteArray &data)
{
    int line = 1;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= data.size(); ++i) {
        if (i == data.size() || data[i] == '\n') {
            QStringDecoder decoder(QStringDecoder::Utf8);
            const QString ignored = decoder(QByteArrayView(data).sliced(start, i - start));
            if (decoder.hasError())
                return line;
            ++line;
            start = i + 1;
        }
    }
    return 0;
}

QString decode(const QByteArray &data, const QString &source)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder(data);
    if (decoder.hasError())
        throw FormatError(QStringLiteral("%1:%2: the file is not UTF-8 text; save it as "
                                         "\"CSV UTF-8\"")
                              .arg(source)
                              .arg(std::max(1, firstBadUtf8Line(data))));
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    return text;
}

// Comma, unless the first line has semicolons but no comma outside quotes.
QChar delimiterOf(const QString &text)
{
    bool quoted = false;
    int commas = 0;
    int semicolons = 0;
    for (QChar ch : text) {
        if (ch == u'"')
            quoted = !quoted;
        else if (!quoted && (ch == u'\n' || ch == u'\r'))
            break;
        else if (!quoted && ch == u',')
            ++commas;
        else if (!quoted && ch == u';')
            ++semicolons;
    }
    return commas == 0 && semicolons > 0 ? QChar(u';') : QChar(u',');
}

class Parser
{
public:
    Parser(const QString &text, const QString &source)
        : m_text(text), m_source(source), m_delimiter(delimiterOf(text))
    { }

    std::vector<Record> run()
    {
        std::vector<Record> records;
        while (m_at < m_text.size()) {
            Record record;
            record.line = m_line;
            bool more = true;
            while (more) {
                record.fields.append(field());
                more = m_at < m_text.size() && m_text[m_at] == m_delimiter;
                if (more)
                    ++m_at;
            }
            endOfLine();
            records.push_back(std::move(record));
        }
        return records;
    }

private:
    [[noreturn]] void fail(int line, const QString &what) const
    {
        throw FormatError(QStringLiteral("%1:%2: %3").arg(m_source).arg(line).arg(what));
    }

    bool atLineEnd() const
    {
        return m_at >= m_text.size() || m_text[m_at] == u'\n' || m_text[m_at] == u'\r';
    }

    // Consumes one line break (CRLF, LF or CR) if there is one.
    void endOfLine()
    {
        if (m_at < m_text.size() && m_text[m_at] == u'\r')
            ++m_at;
        if (m_at < m_text.size() && m_text[m_at] == u'\n')
            ++m_at;
        ++m_line;
    }

    QString field()
    {
        if (m_at < m_text.size() && m_text[m_at] == u'"')
            return quotedField();
        const qsizetype start = m_at;
        while (!atLineEnd() && m_text[m_at] != m_delimiter)
            ++m_at;
        return m_text.mid(start, m_at - start);
    }

    QString quotedField()
    {
        const int startLine = m_line;
        ++m_at; // the opening quote
        QString out;
        for (;;) {
            if (m_at >= m_text.size())
                fail(startLine,
                    QStringLiteral("a quoted field starts here and is never closed "
                                   "(a \" is missing)"));
            const QChar ch = m_text[m_at];
            if (ch == u'"') {
                if (m_at + 1 < m_text.size() && m_text[m_at + 1] == u'"') {
                    out += u'"';
                    m_at += 2;
                    continue;
                }
                ++m_at; // the closing quote
                break;
            }
            if (ch == u'\r' || ch == u'\n') {
                endOfLine();
                out += u'\n';
                continue;
            }
            out += ch;
            ++m_at;
        }
        if (!atLineEnd() && m_text[m_at] != m_delimiter)
            fail(m_line,
                QStringLiteral("unexpected text after a closing quote (write a quote "
                               "inside a quoted field as \"\")"));
        return out;
    }

    const QString &m_text;
    const QString &m_source;
    const QChar m_delimiter;
    qsizetype m_at = 0;
    int m_line = 1;
};

} // namespace

std::vector<Record> parse(const QByteArray &data, const QString &source)
{
    const QString text = decode(data, source);
    return Parser(text, source).run();
}

} // namespace faultline::csv
