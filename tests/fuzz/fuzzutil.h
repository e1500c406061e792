#pragma once

// What the fuzz targets share: the input as a QByteArray, and the model's exceptions, which
// are the expected way to refuse bad input. Anything else escaping (another exception, a
// crash, a sanitizer report, a hang) is a finding.

#include "model/map/errors.h"
#include "model/map/map.h"
#include "model/map/validation.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>

namespace fuzz {

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

// Runs one import; an accepted map must also pass validation, as every importer promises, and
// then survive `check` (a round trip) without any exception.
template<typename Import, typename Check>
void importOne(Import import, Check check)
{
    faultline::Map map;
    try {
        map = import();
    } catch (const faultline::Error &) {
        return; // refused with a message: what bad input should get
    }
    if (faultline::validationError(map))
        __builtin_trap(); // an importer returned a map that breaks a rule
    try {
        check(map);
    } catch (const faultline::Error &) {
        __builtin_trap(); // what was accepted once is refused after a round trip
    }
}

template<typename Import>
void importOne(Import import)
{
    importOne(import, [](const faultline::Map &) {});
}

} // namespace fuzz
