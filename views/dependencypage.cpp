#include "views/dependencypage.h"

#include "model/editing/mapdocument.h"
#include "views/inspectorlinks.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace faultline {

using namespace inspector;

DependencyPage::DependencyPage(MapDocument *document, Apply apply, QWidget *parent)
    : QWidget(parent), m_doc(document), m_apply(std::move(apply))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    layout->addLayout(form);

    m_fromLabel = linkLabel({});
    m_toLabel = linkLabel({});
    for (QLabel *label : {m_fromLabel, m_toLabel}) {
        connect(label, &QLabel::linkActivated, this,
            [this](const QString &l) { emit componentActivated(idFromHref(l)); });
    }
    m_type = new QComboBox;
    m_type->setObjectName(QStringLiteral("dependencyType"));
    m_type->addItem(tr("hard: cannot work without it"), int(DependencyType::Hard));
    m_type->addItem(tr("soft: works, worse, without it"), int(DependencyType::Soft));
    connect(m_type, &QComboBox::activated, this, [this](int index) {
        const auto t = DependencyType(m_type->itemData(index).toInt());
        m_apply(edit::setDependencyType(*m_doc, m_from, m_to, t));
    });
    m_label = new QLineEdit;
    m_label->setObjectName(QStringLiteral("dependencyLabel"));
    m_label->setPlaceholderText(tr("protocol or purpose"));
    connect(m_label, &QLineEdit::editingFinished, this, [this] {
        const auto i = m_doc->map().findDependency(m_from, m_to);
        if (m_updating || !m_label->isModified() || !i)
            return;
        Dependency d = m_doc->map().dependency(*i);
        d.label = m_label->text().trimmed();
        m_apply(edit::editDependency(*m_doc, m_from, m_to, d));
    });
    form->addRow(tr("From"), m_fromLabel);
    form->addRow(tr("Needs"), m_toLabel);
    form->addRow(tr("Type"), m_type);
    form->addRow(tr("Label"), m_label);

    auto *remove = new QPushButton(tr("Delete dependency"));
    layout->addSpacing(12);
    layout->addWidget(remove, 0, Qt::AlignLeft);
    connect(remove, &QPushButton::clicked, this,
        [this] { m_apply(edit::deleteDependency(*m_doc, m_from, m_to)); });
}

void DependencyPage::showDependency(const QString &from, const QString &to)
{
    m_from = from;
    m_to = to;
    const Map &map = m_doc->map();
    const Dependency &d = map.dependency(*map.findDependency(from, to));
    m_updating = true;
    m_fromLabel->setText(link(map, d.from));
    m_toLabel->setText(link(map, d.to));
    m_type->setCurrentIndex(d.isHard() ? 0 : 1);
    if (m_label->text() != d.label)
        m_label->setText(d.label);
    m_label->setModified(false);
    m_updating = false;
}

void DependencyPage::flushPendingEdits()
{
    if (m_label->isModified())
        emit m_label->editingFinished();
}

} // namespace faultline
