#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <vector>

namespace faultline::csv {

// One record of a CSV file and the 1-based line it starts on (a quoted field may span lines).
struct Record
{
    int line = 0;
    QStringList fields;

    // True for an empty line or a row of empty cells, which spreadsheets leave at the end.
    bool isBlank() const;
};

// Parses RFC 4180 text: fields separated by commas (or by semicolons when the first line holds
// semicolons and no commas, as spreadsheets in many locales write them), optionally quoted
// with doubled quotes inside, line breaks (CRLF, LF or CR) inside quotes kept as "\n", UTF-8
// with or without a byte order mark. A quote inside an unquoted field is kept as a character.
//
// Throws FormatError "SOURCE:LINE: ..." for text that is not UTF-8, a quoted field that is
// never closed, or characters after a closing quote.
std::vector<Record> parse(const QByteArray &data, const QString &source);

} // namespace faultline::csv
