#include "views/search.h"

#include "model/editing/mapdocument.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QStandardItemModel>
#include <QToolTip>

#include <algorithm>

namespace faultline {

namespace {

constexpr int IdRole = Qt::UserRole + 1;

bool isAscii(const QString &text)
{
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 0x80; });
}

bool isWordStart(const QString &text, qsizetype at)
{
    if (at == 0)
        return true;
    const QChar before = text.at(at - 1);
    return !before.isLetterOrNumber();
}

// 0 exact, 1 prefix, 2 start of a word, 3 anywhere, -1 no match.
int rank(const QString &key, const QString &query)
{
    const qsizetype at = key.indexOf(query);
    if (at < 0)
        return -1;
    if (at == 0)
        return key.size() == query.size() ? 0 : 1;
    for (qsizetype i = at; i >= 0; i = key.indexOf(query, i + 1)) {
        if (isWordStart(key, i))
            return 2;
    }
    return 3;
}

} // namespace

QString searchKey(const QString &text)
{
    if (isAscii(text))
        return text.toLower();
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (QChar c : decomposed) {
        const auto category = c.category();
        if (category == QChar::Mark_NonSpacing || category == QChar::Mark_SpacingCombining
            || category == QChar::Mark_Enclosing)
            continue;
        out.append(c);
    }
    return out.toCaseFolded();
}

std::vector<ComponentIndex> findComponents(const Map &map, const QString &query, int limit)
{
    const QString q = searchKey(query.simplified());
    if (q.isEmpty())
        return {};
    std::vector<std::pair<int, int>> hits; // rank, index
    for (int i = 0; i < map.componentCount(); ++i) {
        const Component &c = map.components()[i];
        int best = rank(searchKey(c.id), q);
        if (!c.name.isEmpty()) {
            const int byName = rank(searchKey(c.name), q);
            if (byName >= 0 && (best < 0 || byName < best))
                best = byName;
        }
        if (best >= 0)
            hits.emplace_back(best, i);
    }
    std::stable_sort(
        hits.begin(), hits.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    std::vector<ComponentIndex> out;
    for (const auto &hit : hits) {
        if (int(out.size()) >= limit)
            break;
        out.emplace_back(hit.second);
    }
    return out;
}

ComponentSearch::ComponentSearch(MapDocument *doc, QWidget *parent)
    : QLineEdit(parent), m_doc(doc), m_model(new QStandardItemModel(this)),
      m_completer(new QCompleter(m_model, this))
{
    setPlaceholderText(tr("Find a component"));
    setClearButtonEnabled(true);
    setToolTip(tr("Type part of a component's name or id, then Enter to select it"));
    // Driven by hand rather than setCompleter(): the suggestions are ranked here, and walking
    // through them must not rewrite what the user typed.
    m_completer->setWidget(this);
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setMaxVisibleItems(12);
    m_completer->popup()->setMinimumWidth(320);

    connect(this, &QLineEdit::textEdited, this, &ComponentSearch::updateSuggestions);
    connect(this, &QLineEdit::returnPressed, this, &ComponentSearch::chooseBest);
    connect(m_completer, qOverload<const QModelIndex &>(&QCompleter::activated), this,
        [this](const QModelIndex &index) { choose(index.data(IdRole).toString()); });
    connect(m_doc, &MapDocument::mapChanged, this, [this] {
        if (m_completer->popup()->isVisible())
            updateSuggestions(text());
    });
}

QStringList ComponentSearch::suggestions() const
{
    QStringList ids;
    for (int row = 0; row < m_model->rowCount(); ++row)
        ids.append(m_model->item(row)->data(IdRole).toString());
    return ids;
}

void ComponentSearch::updateSuggestions(const QString &text)
{
    m_model->clear();
    const Map &map = m_doc->map();
    int widest = 0;
    for (ComponentIndex i : findComponents(map, text)) {
        const Component &c = map.component(i);
        const QString label =
            c.name.isEmpty() || c.name == c.id ? c.id : QStringLiteral("%1 — %2").arg(c.name, c.id);
        auto *item = new QStandardItem(label);
        item->setData(c.id, IdRole);
        item->setToolTip(c.kind);
        m_model->appendRow(item);
        widest = std::max(widest, fontMetrics().horizontalAdvance(label));
    }
    if (m_model->rowCount() == 0) {
        m_completer->popup()->hide();
        // Say so: an empty list alone reads as "still searching".
        m_status = text.trimmed().isEmpty() ? QString()
                                            : tr("No component matches “%1”.").arg(text.trimmed());
        if (m_status.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(mapToGlobal(rect().bottomLeft()), m_status, this);
        return;
    }
    m_status.clear();
    // As wide as the longest suggestion (within reason), not just as wide as the box.
    QRect under = rect();
    under.setWidth(std::clamp(widest + 48, width(), 640));
    m_completer->complete(under);
}

// Enter: the highlighted suggestion if there is one (the completer activates it), else the best.
void ComponentSearch::chooseBest()
{
    QAbstractItemView *popup = m_completer->popup();
    if (popup->isVisible() && popup->currentIndex().isValid())
        return;
    if (m_model->rowCount() == 0)
        updateSuggestions(text());
    if (m_model->rowCount() > 0)
        choose(m_model->item(0)->data(IdRole).toString());
}

void ComponentSearch::choose(const QString &id)
{
    m_completer->popup()->hide();
    const auto i = m_doc->map().findComponent(id);
    if (!i)
        return;
    setText(m_doc->map().component(*i).displayName());
    selectAll();
    emit componentChosen(id);
}

} // namespace faultline
