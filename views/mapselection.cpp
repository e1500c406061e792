#include "views/mapselection.h"

namespace faultline {

void MapSelection::setComponents(const QStringList &ids)
{
    if (ids == m_components && m_from.isEmpty())
        return;
    m_components = ids;
    m_from.clear();
    m_to.clear();
    emit changed();
}

void MapSelection::setDependency(const QString &from, const QString &to)
{
    if (m_components.isEmpty() && from == m_from && to == m_to)
        return;
    m_components.clear();
    m_from = from;
    m_to = to;
    emit changed();
}

void MapSelection::clear()
{
    if (m_components.isEmpty() && m_from.isEmpty())
        return;
    m_components.clear();
    m_from.clear();
    m_to.clear();
    emit changed();
}

void MapSelection::rename(const QHash<QString, QString> &renames)
{
    const auto renamed = [&](const QString &id) {
        return renames.value(id, id);
    };
    QStringList ids;
    ids.reserve(m_components.size());
    for (const QString &id : m_components)
        ids.append(renamed(id));
    const QString from = renamed(m_from), to = renamed(m_to);
    if (ids == m_components && from == m_from && to == m_to)
        return;
    m_components = ids;
    m_from = from;
    m_to = to;
    emit changed();
}

} // namespace faultline
