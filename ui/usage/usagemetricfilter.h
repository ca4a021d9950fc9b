#pragma once
// The Usage page's metric filter: "All metrics" or one billable metric, sent
// to the server (UsageController::setMetric, the API's `metric`). Offers the
// metrics of the unfiltered data seen so far and takes a typed metric id.
// Also spells the controller's count of records read leniently for the
// page's status line, as the Audit page does for entries.

#include <QComboBox>

namespace models {
class UsageController;
}

namespace ui {

class UsageMetricFilter : public QComboBox
{
    Q_OBJECT
public:
    explicit UsageMetricFilter(models::UsageController *controller, QWidget *parent = nullptr);

    // " · 3 records had missing fields", or empty when none had.
    static QString issuesText(const models::UsageController &controller);

private:
    void refresh();
    void apply();

    models::UsageController *m_controller;
};

} // namespace ui
