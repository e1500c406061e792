#pragma once

#include <QStringList>

// What `faultline --version` prints and Help › About shows: the version, the libraries it runs
// with, and the licence.
namespace faultline::about {

QString version(); // "0.1.0"
QString licence(); // "MIT"
// One "name version" line each: Faultline, Qt, Graphviz, SQLite.
QStringList components();
// The app id that names the desktop file, the icon, the MIME package and the metainfo.
inline constexpr char16_t appId[] = u"io.faultline.Faultline";

// Names the application, its version, its desktop file and its window icon, so the desktop
// shows the icon and groups the windows under the installed launcher.
void setApplicationIdentity();

// The same for Help › About, as rich text: what it is, the versions, the licence.
QString html();

} // namespace faultline::about
