#include "views/theme.h"

#include <QLocale>

namespace faultline::theme {

Look lookFor(State state, bool failed, bool impaired)
{
    if (failed)
        return Look::Failed;
    if (impaired && state != State::Down)
        return Look::Impaired;
    switch (state) {
    case State::Up:
        return Look::Up;
    case State::AtRisk:
        return Look::AtRisk;
    case State::Degraded:
        return Look::Degraded;
    case State::Down:
        return Look::Down;
    }
    return Look::Up;
}

QString lookName(Look look)
{
    switch (look) {
    case Look::Up:
        return QStringLiteral("up");
    case Look::AtRisk:
        return QStringLiteral("at-risk");
    case Look::Degraded:
        return QStringLiteral("degraded");
    case Look::Down:
        return QStringLiteral("down");
    case Look::Failed:
        return QStringLiteral("failed");
    case Look::Impaired:
        return QStringLiteral("impaired");
    }
    return {};
}

const StateStyle &style(Look look)
{
    // Red, orange and yellow carry the meaning for most viewers; the outline style (solid,
    // dashed, dotted), the hatching and the badge's glyph carry it for everyone else.
    static const StateStyle up {QColor(0xFFFFFF), QColor(0x64748B), QColor(0x0F172A),
        QColor(0xFFFFFF), Qt::SolidLine, 1.5, false};
    static const StateStyle atRisk {QColor(0xFEF6C3), QColor(0xB7791F), QColor(0x0F172A),
        QColor(0xFFFFFF), Qt::DotLine, 3.0, false};
    static const StateStyle degraded {QColor(0xFFE4C7), QColor(0xDD6B20), QColor(0x0F172A),
        QColor(0xFFFFFF), Qt::DashLine, 3.0, false};
    static const StateStyle down {QColor(0xFFD9D9), QColor(0xC81E1E), QColor(0x0F172A),
        QColor(0xFFFFFF), Qt::SolidLine, 3.0, true};
    static const StateStyle failed {QColor(0x9B1C1C), QColor(0x450A0A), QColor(0xFFFFFF),
        QColor(0xFDE047), Qt::SolidLine, 3.5, true};
    static const StateStyle impaired {QColor(0xC05621), QColor(0x5C2A0A), QColor(0xFFFFFF),
        QColor(0xFDE047), Qt::DashLine, 3.5, false};
    switch (look) {
    case Look::Up:
        return up;
    case Look::AtRisk:
        return atRisk;
    case Look::Degraded:
        return degraded;
    case Look::Down:
        return down;
    case Look::Failed:
        return failed;
    case Look::Impaired:
        return impaired;
    }
    return up;
}

QColor canvasBackground()
{
    return QColor(0xF4F6F9);
}

QColor clusterFill(int depth)
{
    static const QColor fills[] = {QColor(0xE8EDF4), QColor(0xF3F6FA), QColor(0xFBFCFE)};
    return fills[std::min(depth, 2)];
}

QColor clusterBorder()
{
    return QColor(0x94A3B8);
}

QColor clusterTitle()
{
    return QColor(0x1E293B);
}

QColor edgeColor()
{
    return QColor(0x7B8794);
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
