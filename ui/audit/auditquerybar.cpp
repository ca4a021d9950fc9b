#include "ui/audit/auditquerybar.h"

#include "models/reports/reportdocument.h"

#include "ui/audit/auditfilterrow.h"
#include "ui/common/icons.h"

#include <QComboBox>
#include <QDateTime>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QToolButton>
#include <QVBoxLayout>

namespace ui {

namespace {

using Draft = models::AuditQueryDraft;

} // namespace

AuditQueryBar::AuditQueryBar(QWidget *parent)
    : QWidget(parent), m_zone(QTimeZone::systemTimeZone()), m_preset(new QComboBox(this)),
      m_from(new QDateTimeEdit(this)), m_to(new QDateTimeEdit(this)), m_zoneLabel(new QLabel(this)),
      m_addFilter(new QPushButton(tr("+ Filter"), this)), m_run(new QPushButton(tr("Run"), this)),
      m_rowsLayout(new QVBoxLayout), m_serverNote(new QLabel(this))
{
    m_preset->setObjectName(QStringLiteral("auditPreset"));
    m_preset->addItem(tr("Last hour"), int(Preset::LastHour));
    m_preset->addItem(tr("Last 24 hours"), int(Preset::Last24Hours));
    m_preset->addItem(tr("Last 7 days"), int(Preset::Last7Days));
    m_preset->addItem(tr("Last 30 days"), int(Preset::Last30Days));
    m_preset->addItem(tr("Last 90 days"), int(Preset::Last90Days));
    m_preset->addItem(tr("Last 18 months"), int(Preset::Last18Months));
    m_preset->addItem(tr("Custom range"), int(Preset::Custom));
    m_preset->setCurrentIndex(int(Preset::Last30Days));
    m_preset->setToolTip(tr("Time range of the query (the API keeps 18 months)"));
    connect(m_preset, &QComboBox::currentIndexChanged, this, [this] {
        updateRangeEditors();
        if (!m_rendering)
            Q_EMIT presetChanged(preset());
        notifyEdited();
    });
    connect(m_preset, &QComboBox::activated, this, [this] { Q_EMIT presetActivated(preset()); });

    const QString format = QStringLiteral("yyyy-MM-dd HH:mm");
    for (QDateTimeEdit *e : {m_from, m_to}) {
        e->setDisplayFormat(format);
        e->setTimeSpec(Qt::UTC); // see editTime()
        e->setCalendarPopup(true);
        connect(e, &QDateTimeEdit::dateTimeChanged, this, [this] {
            if (preset() == Preset::Custom)
                notifyEdited();
        });
    }
    m_from->setObjectName(QStringLiteral("auditFrom"));
    m_to->setObjectName(QStringLiteral("auditTo"));
    m_from->setAccessibleName(tr("From"));
    m_to->setAccessibleName(tr("To"));
    m_zoneLabel->setObjectName(QStringLiteral("auditZone"));

    m_addFilter->setObjectName(QStringLiteral("auditAddFilter"));
    m_addFilter->setToolTip(tr("Add a server-side filter (is / is not) for the next Run"));
    auto *menu = new QMenu(m_addFilter);
    for (const api::AuditQuery::Field &f : api::AuditQuery::fields()) {
        const QString key = QLatin1String(f.wireKey);
        QAction *a = menu->addAction(labelFor(key));
        a->setData(key);
        connect(a, &QAction::triggered, this, [this, key] {
            AuditFilterRow *row = addFilterRow(key);
            row->valueEdit()->setFocus();
        });
    }
    m_addFilter->setMenu(menu);

    m_run->setObjectName(QStringLiteral("auditRun"));
    m_run->setIcon(icon(QStringLiteral("media-playback-start")));
    m_run->setShortcut(QKeySequence(QStringLiteral("Ctrl+Return")));
    // Wide enough for both of its texts, so the bar does not jump when it turns stale.
    m_stale = true;
    updateRunButton();
    m_run->setMinimumWidth(m_run->sizeHint().width());
    m_stale = false;
    updateRunButton();
    connect(m_run, &QPushButton::clicked, this, &AuditQueryBar::runRequested);

    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    // No "Time:" label: the presets say what they are, and the bar has to fit
    // a 1024-pixel screen with "Run to update" in it.
    top->addWidget(m_preset);
    top->addWidget(new QLabel(tr("from"), this));
    top->addWidget(m_from);
    top->addWidget(new QLabel(tr("to"), this));
    top->addWidget(m_to);
    top->addWidget(m_zoneLabel);
    top->addSpacing(12);
    top->addWidget(m_addFilter);
    top->addStretch(1);
    top->addWidget(m_run);

    m_rowsLayout->setContentsMargins(0, 0, 0, 0);
    m_rowsLayout->setSpacing(2);
    m_serverNote->setObjectName(QStringLiteral("auditServerNote"));
    m_serverNote->setWordWrap(true);
    m_serverNote->hide();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addLayout(m_rowsLayout);
    layout->addWidget(m_serverNote);
    setTimeZone(m_zone);
}

QString AuditQueryBar::labelFor(const QString &key)
{
    static const QList<std::pair<const char *, const char *>> labels = {
        {"id", QT_TRANSLATE_NOOP("ui::AuditQueryBar", "Entry id")},
        {"action_result", QT_TRANSLATE_NOOP("ui::AuditQueryBar", "Result")},
        {"action_type", QT_TRANSLATE_NOOP("ui::AuditQueryBar", "Action type")},
        {"actor_context", QT_TRANSLATE_NOOP("ui::AuditQueryBar", "Context")},
        {"actor_email", QT_TRANSLATE_NOOP("ui::AuditQueryBar", "Actor e-mail")},
        {"actor_id", QT_TRANSLATE_NOOP("ui::AuditQueryBar", "Actor id")},
        {"actor_ip_address", QT_TRANSLATE_NOOP("ui::AuditQueryBar", "IP address")},
        {"actor_token_id", QT_TRANSLATE_NOOP("ui::AuditQueryBar", "Token id")},
        {"actor_token_name", QT_TRANSLATE_NOOP("ui::AuditQueryBar", "Token name")},
        {"actor_type", QT_TRANSLATE_NOOP("ui::AuditQueryBar", "Actor type")},
        {"raw_cf_ray_id", QT_TRANSLATE_NOOP("ui::AuditQueryBar", "Ray ID")},
        {"raw_method", QT_TRANSLATE_NOOP("ui::AuditQueryBar", "Method")},
        {"raw_status_code", QT_TRANSLATE_NOOP("ui::AuditQueryBar", "Status code")},
        {"raw_uri", QT_TRANSLATE_NOOP("ui::AuditQueryBar", "URI")},
        {"resource_id", QT_TRANSLATE_NOOP("ui::AuditQueryBar", "Resource id")},
        {"resource_product", QT_TRANSLATE_NOOP("ui::AuditQueryBar", "Product")},
        {"resource_scope", QT_TRANSLATE_NOOP("ui::AuditQueryBar", "Scope")},
        {"resource_type", QT_TRANSLATE_NOOP("ui::AuditQueryBar", "Resource type")},
    };
    for (const auto &[k, l] : labels)
        if (key == QLatin1String(k))
            return tr(l);
    return key;
}

AuditQueryBar::Preset AuditQueryBar::preset() const
{
    return Preset(m_preset->currentData().toInt());
}

void AuditQueryBar::setPreset(Preset preset)
{
    m_preset->setCurrentIndex(m_preset->findData(int(preset)));
    updateRangeEditors();
}

void AuditQueryBar::setCustomRange(qint64 fromMs, qint64 toMs)
{
    m_preset->setCurrentIndex(m_preset->findData(int(Preset::Custom)));
    m_from->setDateTime(editTime(fromMs));
    m_to->setDateTime(editTime(toMs));
    updateRangeEditors();
}

void AuditQueryBar::setTimeZone(const QTimeZone &zone)
{
    const qint64 from = editedMs(m_from);
    const qint64 to = editedMs(m_to);
    m_zone = zone;
    if (preset() == Preset::Custom) {
        m_from->setDateTime(editTime(from));
        m_to->setDateTime(editTime(to));
    }
    const QDateTime now = QDateTime::currentDateTime();
    const int offset = zone.offsetFromUtc(now);
    const QString sign = offset < 0 ? QStringLiteral("−") : QStringLiteral("+");
    const QString utc = QStringLiteral("UTC%1%2:%3")
                            .arg(sign)
                            .arg(std::abs(offset) / 3600, 2, 10, QLatin1Char('0'))
                            .arg(std::abs(offset) % 3600 / 60, 2, 10, QLatin1Char('0'));
    m_zoneLabel->setText(models::isUtc(zone) ? QStringLiteral("UTC") : utc);
    m_zoneLabel->setToolTip(models::isUtc(zone)
                                ? tr("Times are shown in UTC")
                                : tr("Times are shown in %1 (%2); View › Time Zone changes it")
                                      .arg(QString::fromUtf8(zone.id()), zone.displayName(now)));
    updateRangeEditors();
}

// The edits hold the zone's wall-clock time as UTC: QDateTimeEdit (Qt 6.4)
// knows only local time and UTC, the console any IANA zone.
QDateTime AuditQueryBar::editTime(qint64 ms) const
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, m_zone);
    return QDateTime(t.date(), t.time(), QTimeZone::utc());
}

qint64 AuditQueryBar::editedMs(const QDateTimeEdit *edit) const
{
    const QDateTime wall = edit->dateTime();
    return QDateTime(wall.date(), wall.time(), m_zone).toMSecsSinceEpoch();
}

models::AuditQueryDraft AuditQueryBar::draft() const
{
    Draft d;
    d.preset = preset();
    if (d.preset == Preset::Custom) {
        d.fromMs = editedMs(m_from);
        d.toMs = editedMs(m_to);
    }
    for (const AuditFilterRow *row : m_rows)
        d.filters.append({row->wireKey(), row->values(), row->isExclude(), row->isPending()});
    return d;
}

void AuditQueryBar::setDraft(const models::AuditQueryDraft &d)
{
    if (d == draft())
        return;
    const QScopedValueRollback rendering(m_rendering, true);
    if (d.preset == Preset::Custom)
        setCustomRange(d.fromMs, d.toMs);
    else
        setPreset(d.preset);
    bool sameRows = qsizetype(d.filters.size()) == m_rows.size();
    for (qsizetype i = 0; sameRows && i < m_rows.size(); ++i)
        sameRows = m_rows.at(i)->wireKey() == d.filters.at(i).wireKey &&
                   m_rows.at(i)->isExclude() == d.filters.at(i).exclude;
    if (!sameRows) {
        clearRows();
        for (const Draft::Filter &f : d.filters) {
            AuditFilterRow *row = addFilterRow(f.wireKey);
            row->setExclude(f.exclude);
        }
    }
    // Rows being typed into keep their widgets; only their contents change.
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        AuditFilterRow *row = m_rows.at(i);
        const Draft::Filter &f = d.filters.at(i);
        if (row->values() != f.values)
            row->setValues(f.values);
        row->setPending(f.pending);
    }
    updateIgnoredMarks();
    updateRangeEditors();
}

std::pair<qint64, qint64> AuditQueryBar::range(qint64 nowMs) const
{
    return draft().range(nowMs);
}

api::AuditQuery AuditQueryBar::query(qint64 nowMs) const
{
    return draft().query(nowMs);
}

void AuditQueryBar::setStale(bool stale)
{
    if (stale == m_stale)
        return;
    m_stale = stale;
    updateRunButton();
}

void AuditQueryBar::updateRunButton()
{
    m_run->setText(m_stale ? tr("Run to update") : tr("Run"));
    QFont f = m_run->font();
    f.setBold(m_stale);
    m_run->setFont(f);
    m_run->setToolTip(m_stale ? tr("The table shows the results of an earlier query: load the entries of "
                                   "this range and these filters (Ctrl+Return)")
                              : tr("Load the entries of this range and filters (Ctrl+Return)"));
}

void AuditQueryBar::setIgnoredFilters(const QStringList &wireKeys)
{
    m_ignored = wireKeys;
    if (wireKeys.isEmpty()) {
        m_serverNote->clear();
        m_serverNote->hide();
    } else {
        QStringList labels;
        for (const QString &k : wireKeys)
            labels.append(labelFor(k));
        m_serverNote->setText(
            tr("The server did not apply the filter on %1: the entries it sent were filtered here instead. "
               "Only the entries that match are shown.")
                .arg(labels.join(QStringLiteral(", "))));
        m_serverNote->show();
    }
    updateIgnoredMarks();
}

void AuditQueryBar::updateIgnoredMarks()
{
    for (AuditFilterRow *row : std::as_const(m_rows))
        row->setIgnoredByServer(!row->isExclude() && m_ignored.contains(row->wireKey()));
}

void AuditQueryBar::notifyEdited()
{
    if (!m_rendering)
        Q_EMIT edited();
}

void AuditQueryBar::updateRangeEditors()
{
    const bool custom = preset() == Preset::Custom;
    m_from->setEnabled(custom);
    m_to->setEnabled(custom);
    if (!custom) {
        const auto [from, to] = draft().range(QDateTime::currentMSecsSinceEpoch());
        m_from->setDateTime(editTime(from));
        m_to->setDateTime(editTime(to - Draft::kBeforeSlackMs));
    }
}

AuditFilterRow *AuditQueryBar::addFilterRow(const QString &wireKey)
{
    auto *row = new AuditFilterRow(wireKey, labelFor(wireKey), this);
    row->setPending(true);
    connect(row, &AuditFilterRow::removeRequested, this, &AuditQueryBar::removeRow);
    connect(row, &AuditFilterRow::submitted, this, &AuditQueryBar::runRequested);
    connect(row, &AuditFilterRow::changed, this, &AuditQueryBar::notifyEdited);
    m_rows.append(row);
    m_rowsLayout->addWidget(row);
    notifyEdited();
    return row;
}

void AuditQueryBar::removeRow(AuditFilterRow *row)
{
    m_rows.removeAll(row);
    row->deleteLater();
    notifyEdited();
}

void AuditQueryBar::clearRows()
{
    for (AuditFilterRow *row : std::as_const(m_rows)) {
        row->disconnect(this);
        row->deleteLater();
    }
    m_rows.clear();
}

} // namespace ui
