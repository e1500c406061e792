#include "views/theme.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace faultline::theme {

QString lookName(Look look)
{
    return QString::fromLatin1(palette::colours(look).word);
}

const StateStyle &style(Look look)
{
    // Red, orange and yellow carry the meaning for most viewers; the outline style (solid,
    // dashed, dotted), the hatching and the badge's glyph carry it for everyone else.
    auto make = [](Look l, QColor badgeText, Qt::PenStyle line, bool hatched) {
        const palette::LookColours c = palette::colours(l);
        return StateStyle {QColor::fromString(QLatin1String(c.fill)),
            QColor::fromString(QLatin1String(c.border)), QColor::fromString(QLatin1String(c.text)),
            badgeText, line, c.penWidth, hatched};
    };
    const QColor white(0xFFFFFF), yellow(0xFDE047);
    static const StateStyle styles[] = {
        make(Look::Up, white, Qt::SolidLine, false),
        make(Look::AtRisk, white, Qt::DotLine, false),
        make(Look::Degraded, white, Qt::DashLine, false),
        make(Look::Down, white, Qt::SolidLine, true),
        make(Look::Failed, yellow, Qt::SolidLine, true),
        make(Look::Impaired, yellow, Qt::DashLine, false),
    };
    return styles[int(look)];
}

const StateStyle &differenceStyle(Difference difference)
{
    // Red for worse and green for better carry it for most viewers; the outline (solid,
    // dashed, dotted, dash-dot) and the badge's glyph for everyone.
    const QColor ink(0x0F172A), white(0xFFFFFF);
    static const StateStyle styles[] = {
        style(Look::Up),
        {QColor(0xE2E8F0), QColor(0x475569), ink, white, Qt::DotLine, 3.0, false},
        {QColor(0xFECACA), QColor(0xB91C1C), ink, white, Qt::SolidLine, 3.5, true},
        {QColor(0xD1FAE5), QColor(0x047857), ink, white, Qt::DashLine, 3.5, false},
        {QColor(0xEDE9FE), QColor(0x6D28D9), ink, white, Qt::DashDotLine, 3.0, false},
    };
    return styles[int(difference)];
}

QString differenceGlyph(Difference difference)
{
    switch (difference) {
    case Difference::Same:
        return QStringLiteral("=");
    case Difference::Worse:
        return QStringLiteral("\u25B2");
    case Difference::Better:
        return QStringLiteral("\u25BC");
    case Difference::Added:
        return QStringLiteral("+");
    case Difference::None:
        break;
    }
    return {};
}

QString differenceName(Difference difference)
{
    switch (difference) {
    case Difference::Same:
        return QStringLiteral("same");
    case Difference::Worse:
        return QStringLiteral("worse");
    case Difference::Better:
        return QStringLiteral("better");
    case Difference::Added:
        return QStringLiteral("only here");
    case Difference::None:
        break;
    }
    return QStringLiteral("unaffected");
}

// Parsed once: these are asked for on every paint, some once per edge.
QColor canvasBackground()
{
    static const QColor c = QColor::fromString(QLatin1String(palette::background));
    return c;
}

QColor clusterFill(int depth)
{
    static const QColor fills[] = {
        QColor::fromString(QLatin1String(palette::clusterFill[0])),
        QColor::fromString(QLatin1String(palette::clusterFill[1])),
        QColor::fromString(QLatin1String(palette::clusterFill[2])),
    };
    return fills[std::clamp(depth, 0, 2)];
}

QColor clusterBorder()
{
    static const QColor c = QColor::fromString(QLatin1String(palette::clusterBorder));
    return c;
}

QColor clusterTitle()
{
    static const QColor c = QColor::fromString(QLatin1String(palette::clusterTitle));
    return c;
}

QColor edgeColor()
{
    static const QColor c = QColor::fromString(QLatin1String(palette::edge));
    return c;
}

QColor chainColor()
{
    return QColor(0x1D4ED8);
}

QColor selectionColor()
{
    return QColor(0x2563EB);
}

qreal dimmedOpacity()
{
    return 0.22;
}

static QFont sansFont(qreal pixelSize, bool bold)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setStyleHint(QFont::SansSerif);
    f.setPixelSize(int(pixelSize));
    f.setBold(bold);
    return f;
}

QFont smallerNodeFont()
{
    QFont f = nodeFont();
    if (f.pixelSize() > 0) // set in pixels: scene units
        f.setPixelSize(std::max(6, int(std::lround(f.pixelSize() * 0.85))));
    else
        f.setPointSizeF(f.pointSizeF() * 0.85);
    return f;
}

QFont foldSummaryFont()
{
    QFont f = smallerNodeFont();
    f.setItalic(true);
    return f;
}

QFont nodeFont()
{
    return sansFont(13, false);
}

QFont clusterFont()
{
    return sansFont(14, true);
}

QFont legendFont()
{
    return sansFont(13, false);
}

QString formatCostPerHour(double cost)
{
    return QStringLiteral("$") + QLocale(QLocale::English).toString(qRound64(cost))
        + QStringLiteral("/h");
}

} // namespace faultline::theme
