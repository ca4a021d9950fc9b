#include "ui/members/invitedialog.h"

#include "models/members/emaillistparser.h"
#include "models/members/memberbatchmodel.h"
#include "models/members/memberscontroller.h"
#include "ui/common/dialogs.h"
#include "ui/common/palettes.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace ui {

namespace {
constexpr qint64 kMaxImportBytes = 8 * 1024 * 1024;
}

InviteDialog::InviteDialog(models::MembersController *controller, QWidget *parent)
    : QDialog(parent), m_controller(controller), m_rows(controller->invites()), m_tabs(new QTabWidget(this)),
      m_single(new QLineEdit(this)), m_singleError(new QLabel(this)), m_bulk(new QPlainTextEdit(this)),
      m_import(new QPushButton(tr("&Import file…"), this)),
      m_preview(new QPushButton(tr("&Check list"), this)), m_table(new QTableView(this)),
      m_summary(new QLabel(this)), m_status(new QComboBox(this)), m_progress(new QProgressBar(this)),
      m_cancel(new QPushButton(tr("Cancel sending"), this)), m_send(new QPushButton(tr("&Invite"), this)),
      m_save(new QPushButton(tr("&Save results…"), this)), m_close(new QPushButton(tr("Close"), this))
{
    setObjectName(QStringLiteral("inviteDialog"));
    setWindowTitle(tr("Invite members"));

    auto *intro = new QLabel(tr("Invite people to <b>%1</b>. They receive an e-mail and get access after "
                                "accepting (they need two-factor authentication or SSO).")
                                 .arg(controller->organizationName().toHtmlEscaped()),
                             this);
    intro->setWordWrap(true);

    // One address.
    auto *singlePage = new QWidget(this);
    auto *singleForm = new QFormLayout(singlePage);
    m_single->setObjectName(QStringLiteral("singleEmail"));
    m_single->setPlaceholderText(tr("e-mail address of the person to invite"));
    m_single->setClearButtonEnabled(true);
    m_singleError->setObjectName(QStringLiteral("singleEmailError"));
    m_singleError->setWordWrap(true);
    QPalette errorPalette = m_singleError->palette();
    errorPalette.setColor(QPalette::WindowText, errorTextColor(errorPalette));
    m_singleError->setPalette(errorPalette);
    singleForm->addRow(tr("&E-mail:"), m_single);
    singleForm->addRow(QString(), m_singleError);
    // One line: the dialog is sized to its minimum here, where a wrapped label would be cut.
    auto *singleHint = new QLabel(tr("Several people at once: the “Several addresses” tab."), singlePage);
    singleHint->setForegroundRole(QPalette::PlaceholderText);
    singleForm->addRow(QString(), singleHint);

    // Many addresses.
    auto *bulkPage = new QWidget(this);
    auto *bulkLayout = new QVBoxLayout(bulkPage);
    m_bulk->setObjectName(QStringLiteral("bulkEmails"));
    m_bulk->setAccessibleName(tr("Addresses, one per line"));
    m_bulk->setPlaceholderText(tr("One address per line, or paste a CSV with an \"email\" column."));
    m_bulk->setTabChangesFocus(true);
    m_import->setObjectName(QStringLiteral("importButton"));
    m_preview->setObjectName(QStringLiteral("previewButton"));
    m_preview->setToolTip(tr("Mark invalid addresses, repeats and current members before sending"));
    auto *bulkButtons = new QHBoxLayout;
    bulkButtons->addWidget(m_import);
    bulkButtons->addStretch(1);
    bulkButtons->addWidget(m_preview);
    m_table->setObjectName(QStringLiteral("invitePreview"));
    m_table->setAccessibleName(tr("Checked addresses"));
    m_table->setModel(m_rows);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(models::MemberBatchModel::LineColumn,
                                                      QHeaderView::ResizeToContents);
    m_table->setColumnWidth(models::MemberBatchModel::EmailColumn, 220);
    m_table->setColumnWidth(models::MemberBatchModel::CheckColumn, 140);
    m_table->setColumnWidth(models::MemberBatchModel::OutcomeColumn, 130);
    m_summary->setObjectName(QStringLiteral("inviteSummary"));
    m_summary->setWordWrap(true);
    bulkLayout->addWidget(m_bulk, 2);
    bulkLayout->addLayout(bulkButtons);
    bulkLayout->addWidget(m_table, 3);
    bulkLayout->addWidget(m_summary);

    m_tabs->setObjectName(QStringLiteral("inviteTabs"));
    m_tabs->addTab(singlePage, tr("One address"));
    m_tabs->addTab(bulkPage, tr("Several addresses"));

    m_status->setObjectName(QStringLiteral("inviteStatus"));
    m_status->addItem(tr("Send an invitation (pending until accepted)"), QString());
    m_status->addItem(tr("Add as active member"), QStringLiteral("active"));
    auto *statusRow = new QFormLayout;
    statusRow->addRow(tr("&Membership:"), m_status);

    m_progress->setObjectName(QStringLiteral("inviteProgress"));
    m_progress->setVisible(false);
    m_progress->setTextVisible(true);

    m_send->setObjectName(QStringLiteral("sendButton"));
    m_send->setDefault(true);
    m_cancel->setObjectName(QStringLiteral("cancelSendButton"));
    m_save->setObjectName(QStringLiteral("saveResultsButton"));
    m_close->setObjectName(QStringLiteral("closeButton"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_save);
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_send);
    buttons->addWidget(m_close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_tabs, 1);
    layout->addLayout(statusRow);
    layout->addWidget(m_progress);
    layout->addLayout(buttons);

    connect(m_single, &QLineEdit::textChanged, this, [this] {
        m_singleError->clear();
        if (m_state == State::Done || m_state == State::Previewed)
            setState(State::Editing);
    });
    connect(m_single, &QLineEdit::editingFinished, this, &InviteDialog::validateSingle);
    connect(m_bulk, &QPlainTextEdit::textChanged, this, [this] {
        if (m_state == State::Previewed || m_state == State::Done) {
            m_controller->clearInvites();
            setState(State::Editing);
        }
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        fitToMode();
        if (!isBusy())
            setState(State::Editing);
        if (mode() == Mode::Bulk)
            m_bulk->setFocus(Qt::TabFocusReason);
        else
            m_single->setFocus(Qt::TabFocusReason);
    });
    connect(m_import, &QPushButton::clicked, this, [this] {
        const QString path = Dialogs::openFileName(this, tr("Import e-mail addresses"),
                                                   tr("Lists (*.txt *.csv *.tsv);;All files (*)"));
        if (!path.isEmpty())
            importFile(path);
    });
    connect(m_preview, &QPushButton::clicked, this, &InviteDialog::preview);
    connect(m_send, &QPushButton::clicked, this, &InviteDialog::send);
    connect(m_cancel, &QPushButton::clicked, this, &InviteDialog::cancelOperation);
    connect(m_save, &QPushButton::clicked, this, [this] { saveResults(); });
    connect(m_close, &QPushButton::clicked, this, &InviteDialog::reject);
    connect(m_rows, &models::MemberBatchModel::outcomesChanged, this, &InviteDialog::updateSummary);
    connect(m_controller, &models::MembersController::progressChanged, this,
            [this](const models::Progress &p) {
                if (!isBusy() || p.total < 0)
                    return;
                m_progress->setMaximum(int(qMax<qint64>(p.total, 1)));
                m_progress->setValue(int(p.done));
            });
    connect(m_controller, &models::MembersController::invitesChecked, this, &InviteDialog::onChecked);
    connect(m_controller, &models::MembersController::membersInvited, this,
            [this](const QList<api::Member> &m) {
                if (m_state == State::Sending)
                    Q_EMIT membersInvited(m);
            });
    connect(m_controller, &models::MembersController::invitesFinished, this, &InviteDialog::onSent);

    m_controller->clearInvites(); // rows of an earlier dialog
    setState(State::Editing);
    fitToMode();
    m_single->setFocus(); // Ctrl+I, type, Return: not the tab bar first
}

void InviteDialog::fitToMode()
{
    // The tab widget is as tall as its tallest page unless the hidden one is ignored:
    // one address needs a line, not the room of the list and its preview table.
    for (int i = 0; i < m_tabs->count(); ++i)
        m_tabs->widget(i)->setSizePolicy(
            i == m_tabs->currentIndex() ? QSizePolicy::Preferred : QSizePolicy::Ignored,
            i == m_tabs->currentIndex() ? QSizePolicy::Preferred : QSizePolicy::Ignored);
    m_tabs->updateGeometry();
    layout()->activate();
    if (mode() == Mode::Single)
        resize(qMax(width(), 560), minimumSizeHint().height());
    else
        resize(qMax(width(), 760), qMax(height(), 560));
}

InviteDialog::~InviteDialog() = default;

void InviteDialog::setMode(Mode mode)
{
    m_tabs->setCurrentIndex(mode == Mode::Single ? 0 : 1);
}

InviteDialog::Mode InviteDialog::mode() const
{
    return m_tabs->currentIndex() == 0 ? Mode::Single : Mode::Bulk;
}

bool InviteDialog::isBusy() const
{
    return m_state == State::Reading || m_state == State::Checking || m_state == State::Sending;
}

QString InviteDialog::chosenStatus() const
{
    return m_status->currentData().toString();
}

bool InviteDialog::importFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Dialogs::warning(this, tr("Import e-mail addresses"),
                         tr("Could not open %1: %2").arg(path, file.errorString()));
        return false;
    }
    if (file.size() > kMaxImportBytes) {
        Dialogs::warning(this, tr("Import e-mail addresses"),
                         tr("%1 is larger than 8 MiB; that is not a list of addresses.").arg(path));
        return false;
    }
    const QString text = models::EmailListParser::textFromFile(file.readAll());
    setMode(Mode::Bulk);
    m_bulk->setPlainText(text);
    preview();
    return true;
}

void InviteDialog::validateSingle()
{
    const QString email = m_single->text().trimmed();
    if (email.isEmpty() || models::EmailListParser::isValidEmail(email))
        m_singleError->clear();
    else
        m_singleError->setText(tr("\"%1\" is not a valid e-mail address.").arg(email));
}

void InviteDialog::preview()
{
    if (isBusy())
        return;
    QList<models::EmailListParser::Entry> entries;
    if (mode() == Mode::Single) {
        entries = {{m_single->text().trimmed(), 1}};
    } else {
        if (m_bulk->toPlainText().trimmed().isEmpty()) {
            m_controller->clearInvites();
            setState(State::Editing);
            m_bulk->setFocus();
            return;
        }
        // A long list is parsed off the GUI thread; Cancel drops its result.
        const int generation = ++m_parseGeneration;
        setState(State::Reading);
        models::EmailListParser::parseInBackground(
            m_bulk->toPlainText(), this, [this, generation](const models::EmailListParser::Result &parsed) {
                if (generation == m_parseGeneration && m_state == State::Reading)
                    onParsed(parsed);
            });
        return;
    }
    m_parseProblem.clear();
    startCheck(entries, false);
}

void InviteDialog::onParsed(const models::EmailListParser::Result &parsed)
{
    m_parseProblem = parsed.problem;
    m_summary->setToolTip(parsed.problem);
    if (parsed.tooMany) {
        // Refused as a whole: nothing of an over-long list is checked or sent.
        m_controller->clearInvites();
        setState(State::Editing);
        m_summary->setText(parsed.problem);
        return;
    }
    startCheck(parsed.entries, false);
}

void InviteDialog::send()
{
    if (isBusy())
        return;
    if (mode() == Mode::Single) {
        const QString email = m_single->text().trimmed();
        if (!models::EmailListParser::isValidEmail(email)) {
            m_singleError->setText(email.isEmpty() ? tr("Enter an e-mail address.")
                                                   : tr("\"%1\" is not a valid e-mail address.").arg(email));
            m_single->setFocus();
            return;
        }
        startCheck({{email, 1}}, true);
        return;
    }
    // Nothing is sent before the user has seen a preview of exactly this list.
    if (m_state != State::Previewed) {
        preview();
        return;
    }
    startSend();
}

void InviteDialog::startCheck(const QList<models::EmailListParser::Entry> &entries, bool thenSend)
{
    setState(State::Checking);
    m_sendAfterCheck = thenSend;
    m_progress->setFormat(tr("Checking current members… %v of %m"));
    m_controller->checkInvites(entries);
}

void InviteDialog::onChecked(int failed)
{
    if (m_state != State::Checking)
        return;
    if (mode() == Mode::Single) {
        const models::MemberBatchModel::Row &r = m_rows->row(0);
        if (r.check == models::MemberBatchModel::Check::Existing) {
            m_singleError->setText(tr("%1 is already a member of this organization.").arg(r.email));
            setState(State::Editing);
            return;
        }
        if (m_sendAfterCheck) {
            startSend();
            return;
        }
    }
    setState(State::Previewed);
    if (failed > 0)
        m_summary->setText(m_summary->text() + u' ' +
                           tr("%n address(es) could not be checked against the server; "
                              "the server will refuse any that are already members.",
                              nullptr, failed));
    Q_EMIT previewReady();
}

void InviteDialog::startSend()
{
    setState(State::Sending);
    m_progress->setFormat(tr("Sending… %v of %m"));
    m_controller->sendInvites(chosenStatus(), mode() == Mode::Single ? 0 : m_batchSize, m_maxParallel);
}

void InviteDialog::onSent(const QString &summary)
{
    if (m_state != State::Sending)
        return;
    setState(State::Done);
    if (mode() == Mode::Single && m_rows->rowCount() == 1) {
        const models::MemberBatchModel::Row &r = m_rows->row(0);
        if (r.outcome == models::MemberBatchModel::Outcome::Done) {
            Q_EMIT operationFinished(summary);
            accept();
            return;
        }
        m_singleError->setText(r.outcome == models::MemberBatchModel::Outcome::AlreadyMember
                                   ? tr("%1 is already a member of this organization.").arg(r.email)
                                   : tr("Could not invite %1: %2").arg(r.email, r.detail));
    }
    Q_EMIT operationFinished(summary);
}

void InviteDialog::cancelOperation()
{
    if (m_state == State::Reading) {
        ++m_parseGeneration;
        setState(State::Editing);
        return;
    }
    if (isBusy())
        m_controller->cancelInvites();
}

bool InviteDialog::saveResults()
{
    const QString path = Dialogs::saveFileName(this, tr("Save invitation results"),
                                               QStringLiteral("invitations.csv"), tr("CSV (*.csv)"));
    if (path.isEmpty())
        return false;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_rows->toCsv()) < 0 || !file.commit()) {
        Dialogs::warning(this, tr("Save invitation results"),
                         tr("Could not write %1: %2").arg(path, file.errorString()));
        return false;
    }
    return true;
}

void InviteDialog::reject()
{
    // Closing mid-way stops sending; rows already sent keep their result.
    cancelOperation();
    QDialog::reject();
}

void InviteDialog::setState(State state)
{
    m_state = state;
    const bool busy = isBusy();
    const bool bulk = mode() == Mode::Bulk;
    m_progress->setVisible(busy);
    if (busy) {
        m_progress->setValue(0);
        m_progress->setMaximum(0); // busy indicator until the first progress()
        if (state == State::Reading)
            m_progress->setFormat(tr("Reading the list…"));
    }
    m_cancel->setVisible(busy);
    m_tabs->tabBar()->setEnabled(!busy);
    m_single->setReadOnly(busy);
    m_bulk->setReadOnly(busy);
    m_import->setEnabled(!busy);
    m_preview->setEnabled(!busy);
    m_status->setEnabled(!busy && state != State::Done);
    const int ready = m_rows->countCheck(models::MemberBatchModel::Check::Ready);
    if (!bulk) {
        m_send->setText(tr("&Invite"));
        m_send->setEnabled(!busy);
    } else if (state == State::Previewed) {
        m_send->setText(tr("&Send %n invitation(s)", nullptr, ready));
        m_send->setEnabled(ready > 0);
    } else {
        // Nothing is sent before the user has seen the preview of exactly this list.
        m_send->setText(tr("&Send invitations"));
        m_send->setEnabled(false);
    }
    m_save->setVisible(bulk);
    m_save->setEnabled(state == State::Done);
    m_table->setColumnHidden(models::MemberBatchModel::OutcomeColumn,
                             state != State::Sending && state != State::Done);
    m_table->setColumnHidden(models::MemberBatchModel::DetailColumn,
                             state != State::Sending && state != State::Done);
    updateSummary();
}

void InviteDialog::updateSummary()
{
    using Check = models::MemberBatchModel::Check;
    if (m_rows->rowCount() == 0) {
        m_summary->setText(mode() == Mode::Bulk ? tr("Paste or import addresses, then check the list.")
                                                : QString());
        return;
    }
    if (m_state == State::Sending || m_state == State::Done) {
        m_summary->setText(m_rows->summary());
        return;
    }
    QStringList parts;
    parts << tr("%n address(es)", nullptr, int(m_rows->rowCount()));
    parts << tr("%n ready", nullptr, m_rows->countCheck(Check::Ready));
    if (const int n = m_rows->countCheck(Check::Invalid))
        parts << tr("%n invalid", nullptr, n);
    if (const int n = m_rows->countCheck(Check::Duplicate))
        parts << tr("%n duplicate(s)", nullptr, n);
    if (const int n = m_rows->countCheck(Check::Existing))
        parts << tr("%n already member(s)", nullptr, n);
    QString text = parts.join(QStringLiteral(", ")) + u'.';
    if (!m_parseProblem.isEmpty())
        text += u'\n' + m_parseProblem;
    m_summary->setText(text);
}

} // namespace ui
