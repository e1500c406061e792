#pragma once

#include <QObject>

class QAction;
class QMenu;

namespace faultline {

class MapView;

// View › Theme: Follow System (the default), Light or Dark, kept in the settings. Following
// the system, the canvas is dark when the desktop's palette is (views/theme.h), and changes
// when the desktop does. The exports stay light whatever the choice.
class ThemeActions : public QObject
{
    Q_OBJECT

public:
    enum class Choice { FollowSystem, Light, Dark };

    ThemeActions(QMenu *viewMenu, QWidget *window, MapView *view, bool useSettings);

    Choice choice() const { return m_choice; }
    void choose(Choice choice);
    QAction *action(Choice choice) const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void apply();

    QWidget *m_window;
    MapView *m_view;
    bool m_useSettings;
    Choice m_choice = Choice::FollowSystem;
    QAction *m_actions[3];
};

} // namespace faultline
