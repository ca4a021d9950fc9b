#pragma once
// "Report…": what the report will hold, the paper (A4 or Letter, the last
// choice remembered) and where it goes: a PDF file or a printer. Opened with
// open(); the page's PageReports does the work on saveRequested/printRequested.

#include "models/reports/reportdocument.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QPushButton;

namespace ui {

class ReportDialog : public QDialog
{
    Q_OBJECT
public:
    ReportDialog(const QString &title, const QString &summary, models::ReportPageSize size,
                 QWidget *parent = nullptr);

    models::ReportPageSize pageSize() const;
    void setPageSize(models::ReportPageSize size);
    QPushButton *saveButton() const { return m_save; }
    QPushButton *printButton() const { return m_print; }

Q_SIGNALS:
    void saveRequested(models::ReportPageSize size);
    void printRequested(models::ReportPageSize size);

private:
    QComboBox *m_size;
    QPushButton *m_save;
    QPushButton *m_print;
};

} // namespace ui
