#pragma once

#include <QDialog>

class QLabel;
class QPlainTextEdit;

namespace faultline {

class MapDocument;

// Analysis › Edit Policy: the policy stored in the map (DESIGN.md, "Policies") as the JSON of a
// policy file, edited as text, loaded from a file, or removed. OK stores it as one undoable edit
// (edit::setPolicy); JSON that does not parse, or a rule that does not read, keeps the dialog
// open with the message that says where (the line, or the rule and key).
class PolicyDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PolicyDialog(MapDocument *document, QWidget *parent = nullptr);

    QPlainTextEdit *editor() const { return m_text; }
    QString errorText() const;
    void accept() override;

private:
    void loadFile();
    void removePolicy();

    MapDocument *m_doc;
    QPlainTextEdit *m_text;
    QLabel *m_error;
};

} // namespace faultline
