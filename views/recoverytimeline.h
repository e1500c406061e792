#pragma once

#include <QString>
#include <QWidget>

#include <optional>
#include <vector>

namespace faultline {

// The recovery plan of the current what-if as a timeline (a Gantt-like strip per component):
// each business service the scenario reaches is a line to a diamond at the time it is back in
// service, with a tick at its target RTO (green when met, red when missed); each down
// component's bar runs from when it can start to when it is back, coloured by its wave, and a
// component that never comes back runs off the end, hatched. Rows are drawn in the order given,
// under the headings they carry, with their details as tooltips.
class RecoveryTimeline : public QWidget
{
    Q_OBJECT

public:
    struct Row
    {
        QString name;
        QString detail; // the tooltip: start, back, what it waits for
        std::optional<double> start, back; // minutes; none: never
        int wave = -1; // -1: never back
        bool service = false; // a business service's row (a marker, not a bar)
        std::optional<double> target; // its target RTO
        std::optional<bool> met;
        QString heading; // when set, a heading drawn above this row (a new section)
    };

    explicit RecoveryTimeline(QWidget *parent = nullptr);

    void setRows(std::vector<Row> rows);
    const std::vector<Row> &rows() const { return m_rows; }
    // The last minute the axis shows: the latest start, back or target, at least 1.
    double span() const { return m_span; }
    // The row under a point in widget coordinates, -1 for none.
    int rowAt(QPoint p) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void rowClicked(int row);

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    int labelWidth() const;
    int top() const; // where the first row starts, below the axis
    int rowTop(int row) const;
    double xFor(double minutes, int left, int right) const;

    std::vector<Row> m_rows;
    std::vector<int> m_tops; // per row, where it starts; one more: where the last one ends
    double m_span = 1.0;
};

} // namespace faultline
