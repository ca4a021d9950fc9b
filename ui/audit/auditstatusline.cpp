#include "ui/audit/auditstatusline.h"

#include "ui/common/accessibility.h"

#include "models/audit/auditcontroller.h"
#include "models/audit/audittablemodel.h"
#include "models/rollup/auditrollupcontroller.h"

#include <climits>

#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>

namespace ui {

namespace {

QString pagesText(int pages)
{
    return pages == 1 ? AuditStatusLine::tr("1 page")
                      : AuditStatusLine::tr("%1 pages").arg(QLocale().toString(pages));
}

// "3,000 entries · 3 pages · 1.2 s · 2,500 entries/s"
QString figuresText(qint64 entries, int pages, qint64 elapsedMs)
{
    const QLocale locale;
    const double seconds = std::max<qint64>(1, elapsedMs) / 1000.0;
    return AuditStatusLine::tr("%Ln entries · %1 · %2 s · %3 entries/s", nullptr,
                               int(std::min<qint64>(entries, INT_MAX)))
        .arg(pagesText(pages), locale.toString(seconds, 'f', 1), locale.toString(qint64(entries / seconds)));
}

} // namespace

AuditStatusLine::AuditStatusLine(models::AuditController *controller, QWidget *parent)
    : QWidget(parent), m_controller(controller), m_label(new QLabel(this)),
      m_progress(new QProgressBar(this)), m_cancel(new QPushButton(tr("Cancel"), this))
{
    m_label->setObjectName(QStringLiteral("auditProgress"));
    setAccessibleName(tr("Audit log status"));
    m_progress->setAccessibleName(tr("Progress"));
    m_progress->setObjectName(QStringLiteral("auditProgressBar"));
    m_cancel->setObjectName(QStringLiteral("auditCancel"));
    m_progress->setMaximumWidth(160);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_cancel->hide();
    m_cancel->setToolTip(tr("Stop; keep what has loaded"));
    connect(m_cancel, &QPushButton::clicked, this, &AuditStatusLine::cancelRequested);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_cancel);

    bindController();
    m_label->setText(tr("Choose a time range and filters, then Run."));
}

void AuditStatusLine::setText(const QString &text)
{
    m_label->setText(text);
    announce(m_label);
}

void AuditStatusLine::showNoOrganization()
{
    m_label->setText(tr("Choose an organization to see its audit log."));
}

void AuditStatusLine::bindController()
{
    using C = models::AuditController;
    connect(m_controller, &C::organizationCleared, this, [this](bool hasOrganization) {
        updateBusy();
        if (!hasOrganization)
            showNoOrganization();
    });
    connect(m_controller, &C::archiveOpening, this,
            [this] { m_label->setText(tr("Opening the local archive…")); });
    connect(m_controller, &C::historyLoaded, this, [this](qint64 rows, qint64 newestMs) {
        if (m_controller->isLoading())
            return; // a Run started meanwhile: its progress is what to read
        m_label->setText(rows == 0
                             ? tr("No saved history for this organization yet.")
                             : tr("%1 entries from the local archive (newest %2).")
                                   .arg(QLocale().toString(rows), m_controller->table()->timeText(newestMs)));
    });
    // A roll-up replaces the table's rows: the archive's count above no longer holds.
    connect(m_controller->rollup(), &models::AuditRollupController::merged, this, [this](bool complete) {
        const models::AuditRollupController *r = m_controller->rollup();
        const QLocale locale;
        QString text =
            tr("Roll-up: %1 entries from %2 organizations (%3 from the local archives).")
                .arg(locale.toString(qint64(m_controller->table()->store().rowCount())),
                     locale.toString(r->organizations().size()), locale.toString(r->reusedEntries()));
        if (!complete)
            text += u' ' + tr("Some organizations are missing: \"Retry missing\" above fetches them.");
        m_label->setText(text);
    });
    connect(m_controller, &C::loadStarted, this, &AuditStatusLine::updateBusy);
    connect(m_controller, &C::progressChanged, this, &AuditStatusLine::showLoadProgress);
    connect(m_controller, &C::loadFinished, this, &AuditStatusLine::onLoadFinished);
    connect(m_controller, &C::exportingChanged, this, &AuditStatusLine::updateBusy);
    connect(m_controller, &C::exportProgressChanged, this, &AuditStatusLine::showExportProgress);
    connect(m_controller, &C::exportFinished, this, &AuditStatusLine::onExportFinished);
}

void AuditStatusLine::updateBusy()
{
    const bool loading = m_controller->isLoading();
    const bool exporting = m_controller->isExporting();
    m_progress->setVisible(loading || exporting);
    m_cancel->setVisible(loading || exporting);
    m_cancel->setEnabled(true);
    if (loading)
        m_progress->setRange(0, 0);
    if (loading || exporting)
        announce(m_label);
}

void AuditStatusLine::showLoadProgress()
{
    if (!m_controller->isLoading())
        return;
    const QString verb = m_controller->activity() == models::AuditController::Activity::Refreshing
                             ? tr("Refreshing…")
                             : tr("Loading…");
    m_label->setText(
        verb + u' ' +
        figuresText(m_controller->progress().done, m_controller->pagesLoaded(), m_controller->elapsedMs()));
}

void AuditStatusLine::onLoadFinished(const models::AuditLoadSummary &s)
{
    updateBusy();
    const QLocale locale;
    const QString figures = figuresText(s.received, s.pages, s.elapsedMs);
    QString text;
    if (s.canceled)
        text = tr("Canceled; kept %1 (%2)").arg(locale.toString(s.added), figures);
    else if (s.failed)
        text = tr("Stopped after %1").arg(figures);
    else if (s.kind == models::AuditLoadSummary::Kind::Refresh)
        text =
            tr("Refreshed: %Ln new entries (%1)", nullptr, int(qMin<qint64>(s.added, INT_MAX))).arg(figures);
    else
        text = tr("Loaded %1").arg(figures);
    QStringList tips;
    if (s.dropped > 0) {
        text +=
            QStringLiteral(" · ") + tr("%1 left out by the query's filters").arg(locale.toString(s.dropped));
        tips.append(tr("The server sent entries that do not match the query's filters; they are not shown."));
    }
    if (s.entriesWithIssues > 0) {
        text += QStringLiteral(" · ") +
                (s.entriesWithIssues == 1
                     ? tr("1 entry had missing fields")
                     : tr("%1 entries had missing fields").arg(locale.toString(s.entriesWithIssues)));
        tips.append(tr("Fields that were missing, null or unreadable show “—”. First: %1").arg(s.firstIssue));
    }
    m_label->setText(text);
    m_label->setToolTip(tips.join(u'\n'));
    announce(m_label, s.failed);
}

void AuditStatusLine::showExportProgress()
{
    if (!m_controller->isExporting())
        return;
    const models::Progress p = m_controller->exportProgress();
    m_progress->setRange(0, 1000);
    m_progress->setValue(p.total > 0 ? int(p.done * 1000 / p.total) : 0);
    m_label->setText(
        tr("Exporting… %1 of %2 entries").arg(QLocale().toString(p.done), QLocale().toString(p.total)));
}

void AuditStatusLine::onExportFinished(bool ok, const QString &pathOrError, qint64 withoutBodies)
{
    updateBusy();
    if (ok) {
        const qint64 total = m_controller->exportProgress().total;
        const QString done = tr("Exported %Ln entries to %1", nullptr, int(qMin<qint64>(total, INT_MAX)))
                                 .arg(QDir::toNativeSeparators(pathOrError));
        m_label->setText(withoutBodies == 0
                             ? done
                             : done + QLatin1Char(' ') +
                                   tr("(%1 of them without request and response bodies: they are not "
                                      "in the local archive yet)")
                                       .arg(QLocale().toString(withoutBodies)));
    } else if (m_controller->exportWasCanceled()) {
        m_label->setText(tr("Export canceled; nothing was written."));
    }
    announce(m_label);
}

} // namespace ui
