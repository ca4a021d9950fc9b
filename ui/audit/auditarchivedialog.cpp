#include "ui/audit/auditarchivedialog.h"

#include "models/audit/auditarchive.h"
#include "models/audit/auditcontroller.h"
#include "models/audit/audittablemodel.h"
#include "models/session/session.h"
#include "models/settings/appsettings.h"
#include "ui/common/dialogs.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace ui {

namespace {

// The newest stretches are the ones a user asks about; the rest are counted.
constexpr int kRangesShown = 3;

QLabel *stateLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

AuditArchiveDialog::AuditArchiveDialog(models::Session *session, models::AuditController *controller,
                                       models::AppSettings *settings, QWidget *parent)
    : QDialog(parent), m_session(session), m_controller(controller), m_settings(settings),
      m_location(stateLabel(QStringLiteral("auditArchiveLocation"), this)),
      m_size(stateLabel(QStringLiteral("auditArchiveSize"), this)),
      m_coverage(stateLabel(QStringLiteral("auditArchiveCoverage"), this)), m_days(new QSpinBox(this)),
      m_maxMiB(new QSpinBox(this)),
      m_deleteReason(stateLabel(QStringLiteral("auditArchiveDeleteReason"), this)),
      m_result(stateLabel(QStringLiteral("auditArchiveResult"), this)),
      m_delete(new QPushButton(tr("Delete local archive…"), this))
{
    setObjectName(QStringLiteral("auditArchiveDialog"));
    setWindowTitle(tr("Local audit archive"));
    m_days->setObjectName(QStringLiteral("auditArchiveRetentionDays"));
    m_days->setRange(0, 36500);
    m_days->setSuffix(tr(" days"));
    m_days->setSpecialValueText(tr("Keep everything"));
    m_maxMiB->setObjectName(QStringLiteral("auditArchiveMaxMiB"));
    m_maxMiB->setRange(0, 1024 * 1024);
    m_maxMiB->setSuffix(tr(" MiB"));
    m_maxMiB->setSpecialValueText(tr("No limit"));
    m_delete->setObjectName(QStringLiteral("auditArchiveDelete"));
    const int days = settings ? settings->auditArchiveRetentionDays()
                              : models::AppSettings::kDefaultAuditArchiveRetentionDays;
    const int mib =
        settings ? settings->auditArchiveMaxMiB() : models::AppSettings::kDefaultAuditArchiveMaxMiB;
    m_days->setValue(days);
    m_maxMiB->setValue(mib);

    auto *intro = new QLabel(tr("Orgscope keeps the audit entries it loads, request and response bodies "
                                "included, in a file only you can read. Older entries and entries beyond "
                                "the size limit are removed when the archive is opened."),
                             this);
    intro->setWordWrap(true);
    auto *state = new QFormLayout;
    state->addRow(tr("File:"), m_location);
    state->addRow(tr("Size on disk:"), m_size);
    state->addRow(tr("Complete history:"), m_coverage);
    auto *form = new QFormLayout;
    form->addRow(tr("Keep entries for:"), m_days);
    form->addRow(tr("Size limit:"), m_maxMiB);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->addButton(m_delete, QDialogButtonBox::DestructiveRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &AuditArchiveDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &AuditArchiveDialog::reject);
    connect(m_delete, &QPushButton::clicked, this, &AuditArchiveDialog::deleteArchive);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(state);
    layout->addLayout(form);
    layout->addWidget(m_deleteReason);
    layout->addWidget(m_result);
    layout->addWidget(buttons);
    m_result->hide();

    // The state follows the archive while the dialog is open.
    using C = models::AuditController;
    connect(controller, &C::historyLoaded, this, &AuditArchiveDialog::updateState);
    connect(controller, &C::loadFinished, this, &AuditArchiveDialog::updateState);
    connect(controller, &C::noticeChanged, this, &AuditArchiveDialog::updateState);
    connect(controller, &C::organizationCleared, this, &AuditArchiveDialog::updateState);
    connect(controller, &C::archiveDeleted, this, [this](bool ok, const QString &message) {
        Q_UNUSED(ok)
        m_result->setText(message);
        m_result->show();
        updateState();
    });
    updateState();
}

void AuditArchiveDialog::openFor(models::Session *session, models::AuditController *controller,
                                 models::AppSettings *settings, QWidget *parent)
{
    auto *dialog = new AuditArchiveDialog(session, controller, settings, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void AuditArchiveDialog::applySavedRetention(models::AuditController *controller,
                                             const models::AppSettings &settings)
{
    controller->setArchiveRetention(settings.auditArchiveRetentionDays(),
                                    qint64(settings.auditArchiveMaxMiB()) * 1024 * 1024);
}

QString AuditArchiveDialog::archivePath() const
{
    const QString org = m_session ? m_session->organizationId() : QString();
    return org.isEmpty() ? QString() : models::AuditArchive(org, m_controller->archiveDirectory()).filePath();
}

qint64 AuditArchiveDialog::archiveBytes(const QString &path)
{
    const QFileInfo file(path);
    const QFileInfo wal(path + QStringLiteral("-wal"));
    return (file.exists() ? file.size() : 0) + (wal.exists() ? wal.size() : 0);
}

void AuditArchiveDialog::updateState()
{
    const QString path = archivePath();
    const QLocale locale;
    if (path.isEmpty()) {
        m_location->setText(tr("No organization is chosen."));
        m_size->setText(tr("—"));
    } else {
        m_location->setText(QDir::toNativeSeparators(path));
        m_size->setText(QFileInfo::exists(path) ? locale.formattedDataSize(archiveBytes(path))
                                                : tr("No file yet"));
    }

    const models::AuditArchiveCoverage coverage =
        m_controller->archiveCoverage(); // by value: ranges() refers into it
    const QList<models::AuditTimeRange> &ranges = coverage.ranges();
    if (ranges.isEmpty()) {
        m_coverage->setText(tr("None yet: a load has to run to its end without filters first."));
    } else {
        QStringList lines;
        for (qsizetype i = ranges.size() - 1; i >= 0 && lines.size() < kRangesShown; --i)
            lines << tr("%1 to %2")
                         .arg(m_controller->table()->timeText(ranges.at(i).fromMs),
                              m_controller->table()->timeText(ranges.at(i).toMs));
        if (ranges.size() > kRangesShown)
            lines << tr("(%1 stretches in all)").arg(locale.toString(ranges.size()));
        m_coverage->setText(lines.join(QLatin1Char('\n')));
    }

    // Only the window that writes the archive may delete it.
    QString reason;
    if (path.isEmpty())
        reason = tr("There is no archive to delete: no organization is chosen.");
    else if (!m_controller->isArchiveWritable())
        reason = m_controller->notice().isEmpty()
                     ? tr("The archive is not open for writing in this window, so it cannot be deleted here.")
                     : tr("It cannot be deleted here: %1").arg(m_controller->notice());
    m_delete->setEnabled(reason.isEmpty());
    m_delete->setToolTip(reason);
    m_deleteReason->setText(reason);
    m_deleteReason->setVisible(!reason.isEmpty());
}

void AuditArchiveDialog::accept()
{
    if (m_settings) {
        m_settings->setAuditArchiveRetentionDays(m_days->value());
        m_settings->setAuditArchiveMaxMiB(m_maxMiB->value());
    }
    m_controller->setArchiveRetention(m_days->value(), qint64(m_maxMiB->value()) * 1024 * 1024);
    QDialog::accept();
}

void AuditArchiveDialog::deleteArchive()
{
    Dialogs::confirm(this, tr("Delete local archive"),
                     tr("Delete the local audit archive of this organization? The entries shown stay "
                        "until you leave the page; the archive starts empty and is filled again from "
                        "the server."),
                     tr("Delete"), [this] { m_controller->deleteArchive(); });
}

} // namespace ui
