#pragma once
// Invite one member (a validated address) or many (pasted, or imported from
// a text/CSV file). Many addresses are previewed first: invalid ones,
// repeats and current members are marked before anything is sent; the same
// table then shows each row's result, which can be saved as CSV.

#include "api/records.h"
#include "models/members/emaillistparser.h"

#include <QDialog>
#include <QList>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTableView;

namespace models {
class MemberBatchModel;
class MembersController;
} // namespace models

namespace ui {

class InviteDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode { Single, Bulk };

    // Binds to the controller's invite rows; the controller checks and sends.
    explicit InviteDialog(models::MembersController *controller, QWidget *parent = nullptr);
    ~InviteDialog() override;

    void setMode(Mode mode);
    Mode mode() const;
    // Reads a text or CSV file into the bulk list and previews it.
    bool importFile(const QString &path);
    // Builds the preview of the bulk list (parse, check syntax, repeats, current members).
    void preview();
    // Sends what the current mode holds (after a fresh preview in bulk mode).
    void send();
    void cancelOperation();
    bool isBusy() const;
    bool saveResults();

    models::MemberBatchModel *rows() const { return m_rows; }
    // Tuning for tests and slow links: addresses per batch (0 = one call each), parallel calls.
    void setBatchSize(int size) { m_batchSize = size; }
    void setMaxParallel(int n) { m_maxParallel = n; }

Q_SIGNALS:
    void membersInvited(const QList<api::Member> &members);
    // After each send: "3 invited, 1 failed".
    void operationFinished(const QString &summary);
    void previewReady();

public:
    // Closing mid-way stops sending; rows already sent keep their result.
    void reject() override;

private:
    // Reading: a long list is parsed on a worker thread.
    enum class State { Editing, Reading, Checking, Previewed, Sending, Done };
    void setState(State state);
    // Sized for the chosen tab: compact for one address, roomy for a list.
    void fitToMode();
    void onParsed(const models::EmailListParser::Result &parsed);
    void startCheck(const QList<models::EmailListParser::Entry> &entries, bool thenSend);
    void startSend();
    void updateSummary();
    void validateSingle();
    QString chosenStatus() const;

    void onChecked(int lookupsFailed);
    void onSent(const QString &summary);

    models::MembersController *m_controller;
    models::MemberBatchModel *m_rows;
    bool m_sendAfterCheck = false;
    int m_parseGeneration = 0;
    QString m_parseProblem; // what the parser said about the list being previewed
    State m_state = State::Editing;
    int m_batchSize = 100;
    int m_maxParallel = 4;

    QTabWidget *m_tabs;
    QLineEdit *m_single;
    QLabel *m_singleError;
    QPlainTextEdit *m_bulk;
    QPushButton *m_import;
    QPushButton *m_preview;
    QTableView *m_table;
    QLabel *m_summary;
    QComboBox *m_status;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    QPushButton *m_send;
    QPushButton *m_save;
    QPushButton *m_close;
};

} // namespace ui
