#include "app/gui/themeactions.h"

#include "views/mapview.h"
#include "views/theme.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QEvent>
#include <QGraphicsScene>
#include <QMenu>
#include <QSettings>

namespace faultline {

namespace {

const char *const settingsKey = "view/theme";
const char *const names[] = {"system", "light", "dark"};

} // namespace

ThemeActions::ThemeActions(QMenu *viewMenu, QWidget *window, MapView *view, bool useSettings)
    : QObject(window), m_window(window), m_view(view), m_useSettings(useSettings)
{
    QMenu *menu = viewMenu->addMenu(tr("&Theme"));
    auto *group = new QActionGroup(this);
    const QString texts[] = {tr("Follow the &System"), tr("&Light"), tr("&Dark")};
    for (int i = 0; i < 3; ++i) {
        m_actions[i] = menu->addAction(texts[i]);
        m_actions[i]->setCheckable(true);
        m_actions[i]->setObjectName(QStringLiteral("theme-") + QLatin1String(names[i]));
        group->addAction(m_actions[i]);
        connect(m_actions[i], &QAction::triggered, this, [this, i] { choose(Choice(i)); });
    }
    m_actions[0]->setToolTip(tr("The canvas is dark when the desktop is"));
    if (m_useSettings) {
        const QString saved = QSettings().value(QLatin1String(settingsKey)).toString();
        for (int i = 0; i < 3; ++i) {
            if (saved == QLatin1String(names[i]))
                m_choice = Choice(i);
        }
    }
    m_actions[int(m_choice)]->setChecked(true);
    // A desktop that turns dark (or light) repaints the canvas when following it.
    m_window->installEventFilter(this);
    apply();
}

QAction *ThemeActions::action(Choice choice) const
{
    return m_actions[int(choice)];
}

void ThemeActions::choose(Choice choice)
{
    m_choice = choice;
    m_actions[int(choice)]->setChecked(true);
    if (m_useSettings)
        QSettings().setValue(QLatin1String(settingsKey), QLatin1String(names[int(choice)]));
    apply();
}

bool ThemeActions::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::PaletteChange
        && m_choice == Choice::FollowSystem)
        apply();
    return QObject::eventFilter(watched, event);
}

void ThemeActions::apply()
{
    const bool dark = m_choice == Choice::Dark
        || (m_choice == Choice::FollowSystem && theme::isDarkPalette(QApplication::palette()));
    theme::setScheme(dark ? theme::Scheme::Dark : theme::Scheme::Light);
    if (m_view->scene())
        m_view->scene()->update();
    m_view->viewport()->update();
}

} // namespace faultline
