#include "model/io/utf8check.h"

namespace faultline {

namespace {

bool isContinuation(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

// The length of the well-formed sequence starting at data[i], or 0.
int sequenceLength(const unsigned char *data, qsizetype size, qsizetype i)
{
    const unsigned char c = data[i];
    int length = 0;
    unsigned char low = 0x80, high = 0xBF; // bounds of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
        length = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        length = 3;
        if (c == 0xE0)
            low = 0xA0; // overlong
        else if (c == 0xED)
            high = 0x9F; // surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
        length = 4;
        if (c == 0xF0)
            low = 0x90; // overlong
        else if (c == 0xF4)
            high = 0x8F; // above U+10FFFF
    } else {
        return 0;
    }
    if (i + length > size || data[i + 1] < low || data[i + 1] > high)
        return 0;
    for (int k = 2; k < length; ++k) {
        if (!isContinuation(data[i + k]))
            return 0;
    }
    return length;
}

} // namespace

int firstBadUtf8Line(QByteArrayView view)
{
    const auto *data = reinterpret_cast<const unsigned char *>(view.data());
    const qsizetype size = view.size();
    int line = 1;
    for (qsizetype i = 0; i < size;) {
        const unsigned char c = data[i];
        if (c < 0x80) {
            line += c == '\n' ? 1 : 0;
            ++i;
            continue;
        }
        const int length = sequenceLength(data, size, i);
        if (length == 0)
            return line;
        i += length;
    }
    return 0;
}

} // namespace faultline
