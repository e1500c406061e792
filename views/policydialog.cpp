#include "views/policydialog.h"

#include "model/editing/mapdocument.h"
#include "model/editing/mapedits.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace faultline {

namespace {

// What a map without a policy starts from: one rule of each common kind, over the business
// services, for the user to adapt.
const char *starterPolicy = R"({
  "format": "faultline-policy",
  "version": 1,
  "rules": [
    {"name": "Business services survive the loss of any one zone", "survive": "each-zone", "services": "business", "worst": "degraded"},
    {"name": "No single point of failure below the cloud itself", "no-single-point-of-failure": true, "services": "business", "ignore_kinds": ["provider", "region"]},
    {"name": "Business services back within their RTO", "rto": "all", "services": "business"}
  ]
}
)";

// The 1-based line of a character offset in `text`.
int lineAt(const QByteArray &text, int offset)
{
    return int(text.left(offset).count('\n')) + 1;
}

} // namespace

PolicyDialog::PolicyDialog(MapDocument *document, QWidget *parent)
    : QDialog(parent), m_doc(document), m_text(new QPlainTextEdit(this)), m_error(new QLabel(this))
{
    setWindowTitle(tr("Edit Policy"));
    const QJsonValue stored = document->map().extra.value(QStringLiteral("policy"));
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setPlainText(stored.isObject()
            ? QString::fromUtf8(QJsonDocument(stored.toObject()).toJson(QJsonDocument::Indented))
            : QString::fromUtf8(starterPolicy));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #C81E1E;"));
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();

    auto *intro =
        new QLabel(tr("The rules <code>faultline check</code> holds this map to, saved in the map. "
                      "The format is in DESIGN.md, \"Policies\"."),
            this);
    intro->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *load = buttons->addButton(tr("Load File…"), QDialogButtonBox::ActionRole);
    QPushButton *remove = buttons->addButton(tr("Remove Policy"), QDialogButtonBox::ActionRole);
    remove->setEnabled(stored.isObject());
    connect(load, &QPushButton::clicked, this, &PolicyDialog::loadFile);
    connect(remove, &QPushButton::clicked, this, &PolicyDialog::removePolicy);
    connect(buttons, &QDialogButtonBox::accepted, this, &PolicyDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(720, 480);
}

QString PolicyDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void PolicyDialog::accept()
{
    const QByteArray text = m_text->toPlainText().toUtf8();
    QJsonParseError parseError;
    const QJsonDocument json = QJsonDocument::fromJson(text, &parseError);
    QString why;
    if (parseError.error != QJsonParseError::NoError)
        why = tr("Line %1: %2").arg(lineAt(text, parseError.offset)).arg(parseError.errorString());
    else if (!json.isObject())
        why = tr("A policy is a JSON object: {\"format\": \"faultline-policy\", ...}.");
    else if (auto refused = edit::tryPush(*m_doc, edit::setPolicy(*m_doc, json.object())))
        why = *refused;
    if (!why.isEmpty()) {
        m_error->setText(why);
        m_error->show();
        return;
    }
    QDialog::accept();
}

void PolicyDialog::loadFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Load a Policy File"),
        QFileInfo(m_doc->filePath()).absolutePath(), tr("Policy files (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    // A policy is a few kilobytes; more than a megabyte is not one (and a device such as
    // /dev/zero behind a .json name must not be read until memory runs out).
    constexpr qint64 limit = 1024 * 1024;
    QFile file(path);
    QByteArray bytes;
    QString why;
    if (!file.open(QIODevice::ReadOnly))
        why = file.errorString();
    else if ((bytes = file.read(limit + 1)).size() > limit)
        why = tr("over 1 MiB: not a policy file");
    if (!why.isEmpty()) {
        m_error->setText(tr("%1: cannot read: %2").arg(path, why));
        m_error->show();
        return;
    }
    m_text->setPlainText(QString::fromUtf8(bytes));
    m_error->hide();
}

void PolicyDialog::removePolicy()
{
    edit::tryPush(*m_doc, edit::setPolicy(*m_doc, std::nullopt));
    QDialog::accept();
}

} // namespace faultline
