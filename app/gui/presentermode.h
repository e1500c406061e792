#pragma once

#include "model/impact/cascade.h"

#include <QByteArray>
#include <QObject>
#include <QPointF>
#include <QRect>
#include <QStringList>
#include <QTransform>

class QAction;
class QKeyEvent;

namespace faultline {

class MainWindow;
class PresenterCaption;

// View › Present (F5): the canvas full screen for a room, the cascade of the current what-if
// told step by step (model/impact/cascade.h: step k shows what reached its final state by
// round k), with a caption in large type. → Space PageDown go on, ← PageUp back, Home End to
// the first and last step, 1 to 9 apply a saved scenario; Esc, F5 or closing the window leave.
//
// While presenting, every key goes to presenter mode wherever focus is (an application event
// filter), so no letter reaches another action. Leaving gives the window back as it was: its
// geometry and state, docks, toolbars, menus, status bar, the canvas's zoom and scroll, the
// legend, the selection and the what-if.
class PresenterMode : public QObject
{
    Q_OBJECT

public:
    explicit PresenterMode(MainWindow *window);
    ~PresenterMode() override;

    QAction *presentAction() const { return m_action; }
    bool isPresenting() const { return m_presenting; }
    void enter();
    void leave();
    int step() const { return m_step; }
    int lastStep() const { return m_cascade.lastStep(); }
    void setStep(int k);
    PresenterCaption *caption() const { return m_caption; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Saved
    {
        QByteArray geometry;
        QRect rect;
        QByteArray state;
        Qt::WindowStates windowState;
        bool menuBar = true;
        bool statusBar = true;
        bool legend = true;
        QTransform transform;
        QPointF centre;
        QStringList failed, degraded, selection;
    };

    // True when the key is one presenter mode acts on (it is then acted on).
    bool handleKey(const QKeyEvent *event);
    void applyScenario(int number);
    void reload(); // the cascade of the current what-if, from step 0
    void show();
    QString scenarioTitle() const;
    void restoreView();

    MainWindow *m_window;
    QAction *m_action;
    PresenterCaption *m_caption = nullptr;
    bool m_presenting = false;
    int m_step = 0;
    Cascade m_cascade;
    Saved m_saved;
};

} // namespace faultline
