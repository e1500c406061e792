#pragma once

#include "model/map/ids.h"
#include "model/map/map.h"

#include <QLineEdit>
#include <QString>

#include <vector>

class QCompleter;
class QStandardItemModel;

namespace faultline {

class MapDocument;

// Folds text for matching what a user types: case-folded, compatibility-decomposed and without
// combining marks, so "zurich" finds "Zürich", "ZÜRICH" and "Ｚurich".
QString searchKey(const QString &text);

// Components whose name or id contains `query` (folded as above), best first: an exact name or
// id, then a prefix, then the start of a word, then anywhere; ties in map order. At most `limit`.
std::vector<ComponentIndex> findComponents(const Map &map, const QString &query, int limit = 50);

// The toolbar's search box: type part of a name or id, pick a suggestion (or press Enter for the
// best one) and componentChosen() names the component to jump to and select.
class ComponentSearch : public QLineEdit
{
    Q_OBJECT

public:
    explicit ComponentSearch(MapDocument *doc, QWidget *parent = nullptr);

    // The suggested ids for the current text, best first.
    QStringList suggestions() const;
    QCompleter *suggestionCompleter() const { return m_completer; }
    // What the box last said about the text ("No component matches …"), empty when it found
    // something or holds nothing.
    QString status() const { return m_status; }

signals:
    void componentChosen(const QString &id);

private:
    void updateSuggestions(const QString &text);
    void chooseBest();
    void choose(const QString &id);

    MapDocument *m_doc;
    QStandardItemModel *m_model;
    QCompleter *m_completer;
    QString m_status;
};

} // namespace faultline
