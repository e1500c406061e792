#pragma once

#include "model/impact/comparison.h"
#include "model/map/map.h"

#include <QDialog>

#include <memory>
#include <optional>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QStandardItemModel;
class QTableView;

namespace faultline {

class MapDocument;
class MapScene;
class MapSelection;
class MapView;

// Analysis › Compare…: two saved scenarios of the open map (or the current what-if against one),
// or the open map against another map file for one scenario (before and after a redesign). It
// runs model/impact/comparison (what `faultline compare` runs) and shows the result three ways:
// a summary, a table of the components whose state differs (sortable; a click selects the
// component on the canvas), and, while "Show on the canvas" is checked and the dialog is open,
// the canvas coloured by difference with its own legend. Closing the dialog (or unchecking)
// gives the canvas back its what-if. A file that cannot be read is named in the dialog, and
// nothing else changes.
class CompareDialog : public QDialog
{
    Q_OBJECT

public:
    CompareDialog(MapDocument *document, MapSelection *selection, MapScene *scene, MapView *view,
        QWidget *parent = nullptr);
    ~CompareDialog() override;

    enum class Mode { Scenarios, OtherFile };
    void setMode(Mode mode);
    // Compares what the choices say; false (and the reason shown) when it cannot.
    bool compare();
    // The last comparison, when the last compare() succeeded.
    const std::optional<Comparison> &comparison() const { return m_comparison; }
    QString errorText() const;
    // Puts the canvas back to the what-if.
    void showNormalCanvas();

protected:
    void closeEvent(QCloseEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void fillScenarioChoices();
    std::optional<Scenario> chosenScenario(const QComboBox *combo) const;
    void showError(const QString &message);
    void showResult(const ComparedSide &a, const ComparedSide &b);
    void updateCanvas();
    void browse();

    MapDocument *m_doc;
    MapSelection *m_selection;
    MapScene *m_scene;
    MapView *m_view;
    QRadioButton *m_scenariosMode;
    QRadioButton *m_fileMode;
    QStackedWidget *m_pages;
    QComboBox *m_a;
    QComboBox *m_b;
    QLineEdit *m_file;
    QComboBox *m_fileSide; // the other file is A (earlier) or B (later)
    QComboBox *m_fileScenario;
    QLabel *m_error;
    QLabel *m_summary;
    QStandardItemModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QCheckBox *m_onCanvas;
    // What the last comparison ran on: copies, so that edits of the open map since do not pull
    // the ground from under it.
    Map m_here;
    Map m_other;
    std::optional<Comparison> m_comparison;
    ImpactResult m_hereResult;
    bool m_twoMaps = false;
};

} // namespace faultline
