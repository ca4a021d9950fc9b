#pragma once
// Shows the per-row outcome of a bulk members operation and saves it as CSV.

#include <QDialog>

class QLabel;

namespace models {
class MemberBatchModel;
}

namespace ui {

class BatchResultDialog : public QDialog
{
    Q_OBJECT
public:
    // Takes ownership of `rows`.
    BatchResultDialog(const QString &title, models::MemberBatchModel *rows, QWidget *parent = nullptr);

    models::MemberBatchModel *rows() const { return m_rows; }
    // Asks for a file name (ui::Dialogs) and writes the CSV; false when canceled or failed.
    bool saveCsv();

private:
    models::MemberBatchModel *m_rows;
    QLabel *m_summary;
};

} // namespace ui
