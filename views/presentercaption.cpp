#include "views/presentercaption.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QTextDocument>
#include <QVBoxLayout>

namespace faultline {
namespace {

QLabel *label(int pixelSize, bool bold, QWidget *parent)
{
    auto *l = new QLabel(parent);
    QFont f = theme::nodeFont();
    f.setPixelSize(pixelSize);
    f.setBold(bold);
    l->setFont(f);
    l->setWordWrap(true);
    l->setTextFormat(Qt::RichText);
    return l;
}

// A count and its word, with the state's swatch: the tally is the room's legend too.
QString chip(theme::Look look, const QString &text)
{
    const theme::StateStyle &s = theme::style(look);
    return QStringLiteral("<span style=\"color:%1\">&#9632;</span>&nbsp;%2")
        .arg(s.border.name(), text.toHtmlEscaped());
}

QString plural(int n, const QString &one, const QString &many)
{
    return QLocale().toString(n) + QLatin1Char(' ') + (n == 1 ? one : many);
}

} // namespace

PresenterCaption::PresenterCaption(QWidget *parent)
    : QWidget(parent), m_title(label(36, true, this)), m_step(label(36, true, this)),
      m_tally(label(28, false, this)), m_news(label(26, true, this)), m_keys(label(18, false, this))
{
    setObjectName(QStringLiteral("presenterCaption"));
    setAutoFillBackground(true);
    QPalette pal = palette();
    pal.setColor(QPalette::Window, Qt::white);
    pal.setColor(QPalette::WindowText, QColor(0x0F172A));
    setPalette(pal);
    m_step->setWordWrap(false);
    m_step->setAlignment(Qt::AlignRight | Qt::AlignTop);
    m_keys->setStyleSheet(QStringLiteral("color: #475569"));
    auto *top = new QHBoxLayout;
    top->addWidget(m_title, 1);
    top->addWidget(m_step, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 14, 28, 12);
    layout->setSpacing(6);
    layout->addLayout(top);
    layout->addWidget(m_tally);
    layout->addWidget(m_news);
    layout->addWidget(m_keys);
}

void PresenterCaption::setContent(const Content &c)
{
    m_title->setText(c.title.toHtmlEscaped());
    m_step->setText(c.step.toHtmlEscaped());
    m_step->setVisible(!c.step.isEmpty());
    if (c.tally) {
        const QString sep = QStringLiteral(" &nbsp;&middot;&nbsp; ");
        QStringList parts = {
            chip(theme::Look::Down, plural(c.summary.down, tr("down"), tr("down"))),
            chip(theme::Look::Degraded, plural(c.summary.degraded, tr("degraded"), tr("degraded"))),
            chip(theme::Look::AtRisk, plural(c.summary.atRisk, tr("at risk"), tr("at risk"))),
            plural(
                c.exposedBusiness, tr("exposed business service"), tr("exposed business services"))
                .toHtmlEscaped(),
            QStringLiteral("<b style=\"color:#9B1C1C\">%1 lost</b>")
                .arg(theme::formatCostPerHour(c.summary.costPerHour).toHtmlEscaped())};
        m_tally->setText(parts.join(sep));
    }
    m_tally->setVisible(c.tally);
    QStringList news;
    for (const News &n : c.news) {
        const theme::StateStyle &s = theme::style(n.exposed ? theme::Look::AtRisk : n.look);
        news.append(
            QStringLiteral("<span style=\"background-color:%1; color:%2\">&nbsp;%3&nbsp;</span>")
                .arg(s.fill.name(), s.text.name(),
                    // Lines break between the items, never inside one.
                    n.text.toHtmlEscaped().replace(QLatin1Char(' '), QStringLiteral("&nbsp;"))));
    }
    if (news.isEmpty() && !c.note.isEmpty())
        news.append(QStringLiteral("<span style=\"color:#475569; font-weight:normal\">%1</span>")
                        .arg(c.note.toHtmlEscaped()));
    m_news->setText(news.join(QStringLiteral(" &nbsp; ")));
    m_news->setVisible(!news.isEmpty());
    m_keys->setText(c.keys.toHtmlEscaped());
    updateGeometry();
}

QString PresenterCaption::text() const
{
    QStringList lines;
    for (const QLabel *l : {m_title, m_step, m_tally, m_news, m_keys}) {
        if (l->isVisibleTo(this) && !l->text().isEmpty()) {
            QTextDocument doc;
            doc.setHtml(l->text());
            lines.append(doc.toPlainText().replace(QChar::Nbsp, QLatin1Char(' ')));
        }
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace faultline
