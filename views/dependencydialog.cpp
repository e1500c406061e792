#include "views/dependencydialog.h"

#include "model/editing/editnotices.h"
#include "views/notice.h"

#include "model/editing/edits.h"
#include "model/editing/mapdocument.h"
#include "views/search.h"

#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace faultline {

namespace {

QString entryText(const Component &c)
{
    return c.name.isEmpty() || c.name == c.id ? c.id : QStringLiteral("%1 (%2)").arg(c.name, c.id);
}

} // namespace

DependencyDialog::DependencyDialog(MapDocument *doc, QWidget *parent) : QDialog(parent), m_doc(doc)
{
    setWindowTitle(tr("Add dependency"));
    m_from = componentChooser(QStringLiteral("from"));
    m_to = componentChooser(QStringLiteral("to"));
    m_type = new QComboBox;
    m_type->setObjectName(QStringLiteral("type"));
    m_type->addItem(tr("hard: cannot work without it"), int(DependencyType::Hard));
    m_type->addItem(tr("soft: works, worse, without it"), int(DependencyType::Soft));
    m_label = new QLineEdit;
    m_label->setObjectName(QStringLiteral("label"));
    m_label->setPlaceholderText(tr("protocol or purpose (optional)"));
    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(
        QStringLiteral("QLabel { background: #FDECEC; color: #7F1D1D; border: 1px solid #F5B5B5;"
                       " border-radius: 4px; padding: 6px; }"));
    m_message->hide();

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Component"), m_from);
    form->addRow(tr("needs"), m_to);
    form->addRow(tr("Type"), m_type);
    form->addRow(tr("Label"), m_label);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Add"));
    connect(buttons, &QDialogButtonBox::accepted, this, &DependencyDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &DependencyDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    setMinimumWidth(440);
}

QComboBox *DependencyDialog::componentChooser(const QString &name)
{
    auto *chooser = new QComboBox;
    chooser->setObjectName(name);
    chooser->setEditable(true);
    chooser->setInsertPolicy(QComboBox::NoInsert);
    chooser->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    chooser->setMinimumContentsLength(24);
    std::vector<const Component *> all;
    for (const Component &c : m_doc->map().components())
        all.push_back(&c);
    std::stable_sort(all.begin(), all.end(), [](const auto *a, const auto *b) {
        return QString::localeAwareCompare(a->displayName(), b->displayName()) < 0;
    });
    for (const Component *c : all)
        chooser->addItem(entryText(*c), c->id);
    chooser->setCurrentIndex(-1);
    chooser->completer()->setFilterMode(Qt::MatchContains);
    chooser->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    chooser->completer()->setCompletionMode(QCompleter::PopupCompletion);
    chooser->lineEdit()->setPlaceholderText(tr("name or id"));
    return chooser;
}

void DependencyDialog::setFrom(const QString &id)
{
    m_from->setCurrentIndex(m_from->findData(id));
}

void DependencyDialog::setTo(const QString &id)
{
    m_to->setCurrentIndex(m_to->findData(id));
}

QString DependencyDialog::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

QString DependencyDialog::resolve(const QComboBox *chooser) const
{
    const QString text = chooser->currentText().trimmed();
    if (text.isEmpty())
        return {};
    const int listed = chooser->findText(text, Qt::MatchFixedString);
    if (listed >= 0)
        return chooser->itemData(listed).toString();
    const Map &map = m_doc->map();
    if (map.findComponent(text))
        return text;
    const QString key = searchKey(text);
    QString found;
    for (const Component &c : map.components()) {
        if (searchKey(c.displayName()) != key)
            continue;
        if (!found.isEmpty())
            return text; // two components have that name: only an id will do
        found = c.id;
    }
    return found.isEmpty() ? text : found;
}

void DependencyDialog::accept()
{
    Dependency d;
    d.from = resolve(m_from);
    d.to = resolve(m_to);
    d.type = DependencyType(m_type->currentData().toInt());
    d.label = m_label->text().trimmed();
    const QString notice = edit::cycleNotice(m_doc->map(), d.from, d.to);
    if (auto why = edit::tryPush(*m_doc, edit::addDependency(*m_doc, d)))
        return showMessage(*why);
    if (!notice.isEmpty())
        showNotice(parentWidget(), notice);
    QDialog::accept();
}

void DependencyDialog::showMessage(const QString &message)
{
    m_message->setText(message);
    m_message->show();
}

} // namespace faultline
