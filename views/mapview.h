#pragma once

#include "views/callouts.h"

#include <QGraphicsView>

#include <vector>

namespace faultline {

class MapScene;

// The canvas widget: zoom under the mouse (wheel, clamped); select with a rubber band (drag
// on the background; Ctrl+drag adds to the selection); pan with the middle button or
// Space+drag (as diagram editors do), the scroll bars, or the keyboard (Ctrl+arrows, Page
// Up/Down); fit; and the legend drawn over the corner. A busy overlay says when a layout is
// running.
class MapView : public QGraphicsView
{
    Q_OBJECT

public:
    explicit MapView(MapScene *scene, QWidget *parent = nullptr);

    qreal zoom() const { return transform().m11(); }
    void setLegendVisible(bool visible);
    bool isLegendVisible() const { return m_legend; }
    // Which legend: the states', or Compare's differences.
    enum class Legend { States, Differences };
    void setLegendKind(Legend kind);
    Legend legendKind() const { return m_legendKind; }
    // Labels in large type beside components (presenter mode); empty: none.
    void setCallouts(std::vector<callouts::Callout> callouts);
    const std::vector<callouts::Callout> &calloutList() const { return m_callouts; }
    // A panel above the canvas, inside this view (presenter mode's caption); null: none. The
    // view does not own it. Call updateTopPanel() when its height may have changed.
    void setTopPanel(QWidget *panel);
    void updateTopPanel();
    void setBusyText(const QString &text); // empty: no overlay
    // What to do on an empty map, in the middle of the canvas; empty: nothing.
    void setHint(const QString &text);
    QString hint() const { return m_hint; }

public slots:
    void zoomIn();
    void zoomOut();
    void fitToMap();
    // The selected items fill the view (at most 200 %); nothing when nothing is selected.
    void zoomToSelection();
    void resetZoom();
    void centreOn(const QString &id);
    // Scrolls an eighth of the view that way ((-1, 0) is left).
    void scrollToward(QPointF direction);

signals:
    void zoomChanged(qreal zoom);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;
    void scrollContentsBy(int dx, int dy) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    // Where the legend and the busy box are drawn, in viewport pixels (empty when neither is).
    QRect overlayRect() const;
    void zoomBy(qreal factor, QPointF viewportAnchor);
    int legendColumns() const;
    QSizeF legendSize(int columns) const;
    void drawCallouts(QPainter *painter);
    // Panning: a drag of the hand instead of a rubber band, items left alone.
    void setPanning(bool on);

    MapScene *m_scene;
    bool m_legend = true;
    Legend m_legendKind = Legend::States;
    std::vector<callouts::Callout> m_callouts;
    QWidget *m_topPanel = nullptr;
    bool m_middlePanning = false;
    bool m_spaceHeld = false;
    QString m_busyText;
    QString m_hint;
};

} // namespace faultline
