#include "views/theme.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace faultline::theme {

QString lookName(Look look)
{
    return QString::fromLatin1(palette::colours(look).word);
}

namespace {

Scheme currentScheme = Scheme::Light;

bool dark()
{
    return currentScheme == Scheme::Dark;
}

QColor parsed(const char *name)
{
    return QColor::fromString(QLatin1String(name));
}

} // namespace

Scheme scheme()
{
    return currentScheme;
}

void setScheme(Scheme s)
{
    currentScheme = s;
}

bool isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

const StateStyle &style(Look look)
{
    // Red, orange and yellow carry the meaning for most viewers; the outline style (solid,
    // dashed, dotted), the hatching and the badge's glyph carry it for everyone else.
    auto make = [](Look l, QColor badgeText, Qt::PenStyle line, bool hatched) {
        const palette::LookColours c = palette::colours(l);
        return StateStyle {
            parsed(c.fill), parsed(c.border), parsed(c.text), badgeText, line, c.penWidth, hatched};
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
    // On a dark canvas an unaffected card is dark with white text (and white icons); every
    // other state keeps its colours, which stand out on dark as on light.
    static const StateStyle darkUp {QColor(0x1E293B), QColor(0x94A3B8), QColor(0xFFFFFF), white,
        Qt::SolidLine, styles[int(Look::Up)].borderWidth, false};
    if (dark() && look == Look::Up)
        return darkUp;
    return styles[int(look)];
}

const StateStyle &differenceStyle(Difference difference)
{
    // Red for worse and green for better carry it for most viewers; the outline (solid,
    // dashed, dotted, dash-dot) and the badge's glyph for everyone.
    if (difference == Difference::None)
        return style(Look::Up); // in the scheme of the moment
    const QColor ink(0x0F172A), white(0xFFFFFF);
    static const StateStyle styles[] = {
        {},
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
    static const QColor light = parsed(palette::background), darkColour(0x0F172A);
    return dark() ? darkColour : light;
}

QColor clusterFill(int depth)
{
    static const QColor light[] = {parsed(palette::clusterFill[0]), parsed(palette::clusterFill[1]),
        parsed(palette::clusterFill[2])};
    static const QColor darkFills[] = {QColor(0x172033), QColor(0x1C283D), QColor(0x223047)};
    const int i = depth < 0 ? 0 : std::min(depth, 2);
    return dark() ? darkFills[i] : light[i];
}

QColor clusterBorder()
{
    static const QColor light = parsed(palette::clusterBorder);
    return dark() ? QColor(0x475569) : light;
}

QColor clusterTitle()
{
    static const QColor light = parsed(palette::clusterTitle);
    return dark() ? QColor(0xCBD5E1) : light;
}

QColor edgeColor()
{
    static const QColor light = parsed(palette::edge);
    return dark() ? QColor(0x94A3B8) : light;
}

QColor chainColor()
{
    return dark() ? QColor(0x60A5FA) : QColor(0x1D4ED8);
}

QColor selectionColor()
{
    return dark() ? QColor(0x7DD3FC) : QColor(0x2563EB);
}

qreal dimmedOpacity()
{
    return 0.22;
}

QColor overlayFill()
{
    return dark() ? QColor(30, 41, 59, 240) : QColor(255, 255, 255, 240);
}

QColor overlayBorder()
{
    return dark() ? QColor(0x475569) : QColor(0xCBD5E1);
}

QColor overlayText()
{
    return dark() ? QColor(0xE2E8F0) : QColor(0x1E293B);
}

QColor overlayHint()
{
    return dark() ? QColor(0xCBD5E1) : QColor(0x475569);
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
