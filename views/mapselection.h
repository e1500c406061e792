#pragma once

#include <QHash>
#include <QObject>
#include <QStringList>

namespace faultline {

// What the user has selected, shared by the canvas, the components panel, the impact panel and
// the inspector: component ids (the first is the current one), or one dependency. Ids, not
// indices, so a selection survives edits; ids that no longer exist are the reader's to skip.
class MapSelection : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    const QStringList &components() const { return m_components; }
    QString current() const { return m_components.value(0); }
    // The selected dependency as its ends; both empty when none.
    QString dependencyFrom() const { return m_from; }
    QString dependencyTo() const { return m_to; }

    void setComponents(const QStringList &ids);
    void setDependency(const QString &from, const QString &to);
    void clear();
    // Ids that an edit (or its undo) changed: the same components stay selected.
    void rename(const QHash<QString, QString> &renames);

signals:
    void changed();

private:
    QStringList m_components;
    QString m_from, m_to;
};

} // namespace faultline
