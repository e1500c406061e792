#pragma once

#include <QByteArrayView>

namespace faultline {

// The 1-based line of the first byte sequence that is not well-formed UTF-8 (RFC 3629: no
// overlong forms, no surrogates, nothing above U+10FFFF), or 0 when all of `data` is UTF-8.
// Importers refuse such files by line instead of letting the decoder replace the bytes with
// U+FFFD, which would quietly turn two distinct ids into one.
int firstBadUtf8Line(QByteArrayView data);

} // namespace faultline
