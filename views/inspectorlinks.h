#pragma once

#include <QString>

class QLabel;
class QVBoxLayout;
class QWidget;

namespace faultline {

class Map;

// What the inspector's pages share to show components as links and to rebuild their lists.
namespace inspector {

// A link to a component, by id: "<a href=...>Display name</a>".
QString link(const Map &map, const QString &id);
QString href(const QString &id);
QString idFromHref(const QString &link);
// A wrapped rich-text label whose links the mouse and the keyboard follow.
QLabel *linkLabel(const QString &html);
// A bold section title, added to `layout`.
QLabel *addSection(QVBoxLayout *layout, const QString &title);
// Swaps a rebuilt list in for the old one. The old one may be in the middle of emitting the
// signal that led here, so it goes later. The caller fills the new one, then shows it (so that
// its children show with it, not an event loop later).
QWidget *replace(QVBoxLayout *layout, QWidget *old);

} // namespace inspector
} // namespace faultline
