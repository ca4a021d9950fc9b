#include "ui/members/membertreedialog.h"

#include "models/rollup/membertreesearch.h"
#include "models/session/session.h"
#include "ui/common/dialogs.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace ui {

MemberTreeDialog::MemberTreeDialog(models::Session *session, QWidget *parent)
    : QDialog(parent), m_session(session),
      m_search(new models::MemberTreeSearch(session ? session->client() : nullptr, this)),
      m_email(new QLineEdit(this)), m_searchButton(new QPushButton(tr("&Search"), this)),
      m_cancelButton(new QPushButton(tr("Cancel"), this)), m_status(new QLabel(this)),
      m_missing(new QLabel(this)), m_retryButton(new QPushButton(tr("&Retry"), this)),
      m_table(new QTableView(this)), m_removeButton(new QPushButton(tr("&Remove from selected…"), this))
{
    setObjectName(QStringLiteral("memberTreeDialog"));
    setWindowTitle(tr("Find a member in the organization tree"));
    m_email->setObjectName(QStringLiteral("treeEmail"));
    m_email->setPlaceholderText(tr("E-mail address"));
    m_email->setAccessibleName(tr("e-mail address to find"));
    m_email->setClearButtonEnabled(true);
    m_searchButton->setObjectName(QStringLiteral("treeSearchButton"));
    m_searchButton->setDefault(true);
    m_cancelButton->setObjectName(QStringLiteral("treeCancelButton"));
    m_status->setObjectName(QStringLiteral("treeStatus"));
    m_missing->setObjectName(QStringLiteral("treeMissing"));
    m_missing->setWordWrap(true);
    m_retryButton->setObjectName(QStringLiteral("treeRetryButton"));
    m_table->setObjectName(QStringLiteral("treeTable"));
    m_table->setAccessibleName(tr("memberships in the organization tree"));
    m_table->setModel(m_search);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_removeButton->setObjectName(QStringLiteral("treeRemoveButton"));

    auto *top = new QHBoxLayout;
    top->addWidget(m_email, 1);
    top->addWidget(m_searchButton);
    top->addWidget(m_cancelButton);
    auto *missing = new QHBoxLayout;
    missing->addWidget(m_missing, 1);
    missing->addWidget(m_retryButton);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_removeButton, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_status);
    layout->addLayout(missing);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(640, 420);

    connect(m_searchButton, &QPushButton::clicked, this, [this] { startSearch(); });
    connect(m_email, &QLineEdit::returnPressed, this, [this] { startSearch(); });
    connect(m_cancelButton, &QPushButton::clicked, m_search, &models::MemberTreeSearch::cancel);
    connect(m_retryButton, &QPushButton::clicked, this, [this] {
        m_search->retryMissing();
        updateState();
    });
    connect(m_removeButton, &QPushButton::clicked, this, &MemberTreeDialog::removeSelected);
    connect(m_search, &models::MemberTreeSearch::progressChanged, this, &MemberTreeDialog::updateState);
    connect(m_search, &models::MemberTreeSearch::searchFinished, this, &MemberTreeDialog::updateState);
    connect(m_search, &models::MemberTreeSearch::removalFinished, this, &MemberTreeDialog::updateState);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MemberTreeDialog::updateState);
    updateState();
}

QToolButton *MemberTreeDialog::button(QWidget *page, models::Session *session)
{
    auto *b = new QToolButton(page);
    b->setObjectName(QStringLiteral("findInTreeButton"));
    b->setText(tr("In the &tree…"));
    b->setToolTip(tr("Find an e-mail address in this organization and every organization under it"));
    b->setAutoRaise(true);
    QObject::connect(b, &QToolButton::clicked, page, [page, session] {
        auto *dialog = new MemberTreeDialog(session, page);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    return b;
}

void MemberTreeDialog::startSearch(const QString &email)
{
    if (!email.isEmpty())
        m_email->setText(email);
    const QString address = m_email->text().trimmed();
    if (address.isEmpty() || !m_session || m_session->organizationId().isEmpty())
        return;
    m_search->search(address, m_session->organizationId());
    updateState();
}

void MemberTreeDialog::removeSelected()
{
    QList<int> rows;
    QStringList names;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows()) {
        rows.append(index.row());
        names.append(m_search->row(index.row()).organization.pathText());
    }
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end());
    const QString text =
        tr("Remove %1 from these organizations?\n\n%2").arg(m_search->email(), names.join(QLatin1Char('\n')));
    Dialogs::confirm(this, tr("Remove from organizations"), text, tr("&Remove"), [this, rows] {
        m_search->remove(rows);
        updateState();
    });
}

void MemberTreeDialog::updateState()
{
    const bool searching = m_search->isSearching();
    const models::Progress p = m_search->progress();
    m_cancelButton->setVisible(searching);
    m_searchButton->setEnabled(!searching);
    if (searching)
        m_status->setText(p.total > 0 ? tr("Searching: %1 of %2 organizations").arg(p.done).arg(p.total)
                                      : tr("Listing the organizations…"));
    else if (!m_search->email().isEmpty())
        m_status->setText(tr("%1: member of %2 of %3 organizations searched")
                              .arg(m_search->email())
                              .arg(m_search->rowCount())
                              .arg(qMax<qint64>(0, p.total)));
    else
        m_status->setText(tr("Type an e-mail address: this organization and those under it are searched."));
    const QStringList missing = searching ? QStringList() : m_search->missingOrganizations();
    m_missing->setVisible(!missing.isEmpty());
    m_retryButton->setVisible(!missing.isEmpty());
    m_missing->setText(
        tr("Not searched (the server did not answer): %1").arg(missing.join(QStringLiteral("; "))));
    m_removeButton->setEnabled(!m_search->isRemoving() && m_table->selectionModel()->hasSelection());
}

} // namespace ui
