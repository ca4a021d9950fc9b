#include "ui/audit/auditarchivedialog.h"

#include "models/audit/auditcontroller.h"
#include "models/settings/appsettings.h"
#include "ui/common/dialogs.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace ui {

AuditArchiveDialog::AuditArchiveDialog(models::AuditController *controller, models::AppSettings *settings,
                                       QWidget *parent)
    : QDialog(parent), m_controller(controller), m_settings(settings), m_days(new QSpinBox(this)),
      m_maxMiB(new QSpinBox(this)), m_delete(new QPushButton(tr("Delete local archive…"), this))
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
    layout->addLayout(form);
    layout->addWidget(buttons);
}

void AuditArchiveDialog::openFor(models::AuditController *controller, models::AppSettings *settings,
                                 QWidget *parent)
{
    auto *dialog = new AuditArchiveDialog(controller, settings, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void AuditArchiveDialog::applySavedRetention(models::AuditController *controller,
                                             const models::AppSettings &settings)
{
    controller->setArchiveRetention(settings.auditArchiveRetentionDays(),
                                    qint64(settings.auditArchiveMaxMiB()) * 1024 * 1024);
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
