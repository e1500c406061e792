#pragma once

#include "model/impact/engine.h"
#include "views/theme.h"

#include <QWidget>

#include <vector>

class QLabel;

namespace faultline {

// Presenter mode's caption above the canvas, in type large enough for the back of a room: the
// map and the scenario, the step, the running tally, what happened to business services in
// this step, and the keys. It shows what it is given and computes nothing.
class PresenterCaption : public QWidget
{
    Q_OBJECT

public:
    struct News
    {
        QString text; // "Checkout is down"
        theme::Look look = theme::Look::Up;
        bool exposed = false; // drawn as exposed: up, one failure from down
    };
    struct Content
    {
        QString title; // map and scenario
        QString step; // "Step 3 of 9"; empty: none
        bool tally = true; // false when nothing is applied
        ImpactSummary summary;
        int exposedBusiness = 0;
        std::vector<News> news;
        QString note; // in place of news, or when there is none
        QString keys;
    };

    explicit PresenterCaption(QWidget *parent = nullptr);
    void setContent(const Content &content);
    // Everything the caption says, as plain text (tests, accessibility).
    QString text() const;

private:
    QLabel *m_title;
    QLabel *m_step;
    QLabel *m_tally;
    QLabel *m_news;
    QLabel *m_keys;
};

} // namespace faultline
