#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace faultline {

// The status bar's "Laying out…" indicator: a busy bar and a Cancel button, shown only while a
// layout runs.
class LayoutProgress : public QWidget
{
    Q_OBJECT

public:
    explicit LayoutProgress(QWidget *parent = nullptr);
    void begin(int components);
    void end();

signals:
    void cancelRequested();

private:
    QLabel *m_label;
    QProgressBar *m_bar;
    QPushButton *m_cancel;
};

} // namespace faultline
