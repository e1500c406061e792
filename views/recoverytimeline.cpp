#include "views/recoverytimeline.h"

#include "model/impact/statecolours.h"
#include "model/report/htmlreport.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <array>
#include <cmath>

namespace faultline {

using report::formatMinutes;

namespace {

constexpr int rowHeight = 20;
constexpr int axisHeight = 22;
constexpr int headingHeight = 24; // "Business services", between the steps and the services
constexpr int margin = 6;

// Waves alternate between two blues, so that neighbouring waves read apart without a legend.
const std::array<QColor, 2> waveColours = {QColor(0x3B, 0x82, 0xF6), QColor(0x1D, 0x4E, 0xD8)};

// A tick every 1, 2, 5, 10, 15, 30 minutes, 1, 2, 4, 6, 12 hours or days: about six on the axis.
double tickStep(double span)
{
    static constexpr std::array<double, 14> steps = {
        1, 2, 5, 10, 15, 30, 60, 120, 240, 360, 720, 1440, 2880, 10080};
    for (const double s : steps) {
        if (span / s <= 6.0)
            return s;
    }
    return std::ceil(span / 6.0 / 10080.0) * 10080.0;
}

} // namespace

RecoveryTimeline::RecoveryTimeline(QWidget *parent) : QWidget(parent)
{
    setMouseTracking(false);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
}

void RecoveryTimeline::setRows(std::vector<Row> rows)
{
    m_rows = std::move(rows);
    m_span = 1.0;
    m_tops.clear();
    int y = top();
    for (const Row &r : m_rows) {
        if (!r.heading.isEmpty())
            y += headingHeight;
        m_tops.push_back(y);
        y += rowHeight;
        for (const auto &t : {r.start, r.back, r.target}) {
            if (t)
                m_span = std::max(m_span, *t);
        }
    }
    m_tops.push_back(y);
    updateGeometry();
    setMinimumHeight(sizeHint().height());
    update();
}

int RecoveryTimeline::top() const
{
    return margin + axisHeight;
}

int RecoveryTimeline::rowTop(int row) const
{
    return m_tops.empty() ? top() : m_tops[size_t(row)];
}

int RecoveryTimeline::rowAt(QPoint p) const
{
    for (int i = 0; i < int(m_rows.size()); ++i) {
        const int y = rowTop(i);
        if (p.y() >= y && p.y() < y + rowHeight)
            return i;
    }
    return -1;
}

QSize RecoveryTimeline::sizeHint() const
{
    return {360, rowTop(int(m_rows.size())) + margin};
}

QSize RecoveryTimeline::minimumSizeHint() const
{
    return {220, sizeHint().height()};
}

int RecoveryTimeline::labelWidth() const
{
    return std::clamp(width() * 2 / 5, 90, 220);
}

double RecoveryTimeline::xFor(double minutes, int left, int right) const
{
    // A little room after the last time, so that a bar ending there stays visible.
    return left + (right - left) * (minutes / (m_span * 1.08));
}

void RecoveryTimeline::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const int left = margin + labelWidth();
    const int right = width() - margin;
    const QColor grid = palette().color(QPalette::Mid);
    const QColor text = palette().color(QPalette::Text);
    const QFontMetrics fm = fontMetrics();

    // The axis: ticks with their times, and faint lines down through the rows.
    const double step = tickStep(m_span);
    const int bottom = rowTop(int(m_rows.size()));
    p.setPen(text);
    for (double t = 0; t <= m_span * 1.08; t += step) {
        const int x = int(xFor(t, left, right));
        p.setPen(QPen(grid, 0, Qt::DotLine));
        p.drawLine(x, top(), x, bottom);
        p.setPen(text);
        const QString label = formatMinutes(t);
        const int w = fm.horizontalAdvance(label);
        if (x + w / 2 <= width())
            p.drawText(QRect(x - w / 2, margin, w, axisHeight - 4), Qt::AlignCenter, label);
    }

    const auto down = palette::colours(palette::Look::Down);
    for (int i = 0; i < int(m_rows.size()); ++i) {
        const Row &r = m_rows[size_t(i)];
        const int y = rowTop(i);
        if (!r.heading.isEmpty()) {
            QFont bold = font();
            bold.setBold(true);
            p.setFont(bold);
            p.setPen(text);
            p.drawText(QRect(margin, y - headingHeight, width() - 2 * margin, headingHeight),
                Qt::AlignLeft | Qt::AlignBottom, r.heading);
            p.setFont(font());
        }
        p.setPen(text);
        p.drawText(QRect(margin, y, labelWidth() - 6, rowHeight), Qt::AlignLeft | Qt::AlignVCenter,
            fm.elidedText(r.name, Qt::ElideMiddle, labelWidth() - 6));
        const QRectF lane(left, y + 3, right - left, rowHeight - 6);
        if (!r.service) {
            const double x0 = xFor(r.start.value_or(0.0), left, right);
            if (!r.back) { // never back: hatched to the end
                const QRectF bar(x0, lane.top(), right - x0, lane.height());
                p.fillRect(bar, QBrush(QColor(down.border), Qt::BDiagPattern));
                p.setPen(QColor(down.border));
                p.drawRect(bar);
                continue;
            }
            const double x1 = std::max(xFor(*r.back, left, right), x0 + 2.0);
            p.fillRect(QRectF(x0, lane.top(), x1 - x0, lane.height()),
                waveColours[size_t(std::max(r.wave, 0)) % waveColours.size()]);
            continue;
        }
        // A service: a line to when it is back, a diamond there, a tick at the target.
        const QColor verdict = !r.met ? text
            : *r.met                  ? QColor(0x15, 0x80, 0x3D)
                                      : QColor(down.border);
        if (r.back) {
            const double x = xFor(*r.back, left, right);
            p.setPen(QPen(verdict, 2));
            p.drawLine(QPointF(left, lane.center().y()), QPointF(x, lane.center().y()));
            const double h = lane.height() / 2;
            const QPointF c(x, lane.center().y());
            p.setBrush(verdict);
            p.drawPolygon(QPolygonF(
                {c + QPointF(0, -h), c + QPointF(h, 0), c + QPointF(0, h), c + QPointF(-h, 0)}));
            p.setBrush(Qt::NoBrush);
        } else {
            p.fillRect(lane, QBrush(QColor(down.border), Qt::BDiagPattern));
        }
        if (r.target) {
            const double x = xFor(*r.target, left, right);
            p.setPen(QPen(text, 2));
            p.drawLine(QPointF(x, y + 1), QPointF(x, y + rowHeight - 1));
        }
    }
}

bool RecoveryTimeline::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int row = rowAt(help->pos());
        if (row >= 0)
            QToolTip::showText(help->globalPos(), m_rows[size_t(row)].detail, this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

void RecoveryTimeline::mousePressEvent(QMouseEvent *event)
{
    const int row = rowAt(event->position().toPoint());
    if (row >= 0)
        emit rowClicked(row);
    QWidget::mousePressEvent(event);
}

} // namespace faultline
