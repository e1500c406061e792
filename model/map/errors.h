#pragma once

#include <QString>

#include <stdexcept>

namespace faultline {

// The model's few typed exceptions. The app catches them at its boundary and shows the
// message; the message is complete on its own (it names the file, line or entry).
class Error : public std::runtime_error
{
public:
    explicit Error(const QString &message)
        : std::runtime_error(message.toStdString()), m_message(message)
    { }
    const QString &message() const { return m_message; }

private:
    QString m_message;
};

// The map breaks one of DESIGN.md's rules (unknown id, parent loop, ...).
class ValidationError : public Error
{
public:
    using Error::Error;
};

// A file could not be parsed or has the wrong shape.
class FormatError : public Error
{
public:
    using Error::Error;
};

// The SQLite document could not be opened, read or written.
class StorageError : public Error
{
public:
    using Error::Error;
};

} // namespace faultline
