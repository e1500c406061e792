#pragma once

#include <QString>

#include <optional>

class QMainWindow;

namespace faultline {

class Map;

// Writes `map` to the document at `path` (faultlinefile::save) on a worker thread, so that the
// window goes on painting whatever the map's size: a save of 100,000 components takes seconds.
// Meanwhile the GUI thread runs an event loop that holds back the user's input (it is
// delivered once the save is done, so nothing typed is lost and no edit lands half way), with
// a busy bar and what is being saved in the window's status bar and a busy cursor. What is
// written is a copy of the map as it was when the save began.
// Returns the error's message when the save failed (the file is then as it was), nothing on
// success.
std::optional<QString> saveInBackground(QMainWindow *window, const Map &map, const QString &path);

// True while saveInBackground() runs (the window must not close under it).
bool isSaving();

} // namespace faultline
