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

} // namespace faultline
