#include "app/gui/layoutprogress.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>

namespace faultline {

LayoutProgress::LayoutProgress(QWidget *parent)
    : QWidget(parent), m_label(new QLabel(this)), m_bar(new QProgressBar(this)),
      m_cancel(new QPushButton(tr("Cancel"), this))
{
    m_bar->setRange(0, 0); // Graphviz reports no progress: a busy bar
    m_bar->setMaximumWidth(160);
    m_bar->setMaximumHeight(16);
    m_cancel->setToolTip(tr("Stop waiting for the layout and keep the current picture"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    connect(m_cancel, &QPushButton::clicked, this, &LayoutProgress::cancelRequested);
    setVisible(false);
}

void LayoutProgress::begin(int components)
{
    m_label->setText(tr("Laying out %1 components…").arg(QLocale().toString(components)));
    setVisible(true);
}

void LayoutProgress::end()
{
    setVisible(false);
}

} // namespace faultline
