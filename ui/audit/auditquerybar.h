#pragma once
// The server side of an audit query: a time range (presets or a custom
// from/to shown in the display time zone) and any of the endpoint's filters,
// each "is" or "is not", added through a "+ Filter" menu as compact rows.

#include "api/auditquery.h"

#include <QList>
#include <QTimeZone>
#include <QWidget>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QPushButton;
class QToolButton;
class QVBoxLayout;

namespace ui {

class AuditFilterRow;

class AuditQueryBar : public QWidget
{
    Q_OBJECT
public:
    enum class Preset { LastHour, Last24Hours, Last7Days, Last30Days, Last90Days, Last18Months, Custom };
    Q_ENUM(Preset)

    explicit AuditQueryBar(QWidget *parent = nullptr);

    // The query for a Run at nowMs: since/before from the range, every filter row.
    api::AuditQuery query(qint64 nowMs) const;
    // [from, to) of the range at nowMs.
    std::pair<qint64, qint64> range(qint64 nowMs) const;

    Preset preset() const;
    void setPreset(Preset preset);
    void setCustomRange(qint64 fromMs, qint64 toMs);
    void setTimeZone(const QTimeZone &zone);

    // Adds a value to the filter row for key and mode (creating it). Rows
    // added or changed since the last Run are shown as pending.
    AuditFilterRow *addFilter(const QString &wireKey, const QString &value, bool exclude);
    AuditFilterRow *addFilterRow(const QString &wireKey);
    void clearFilters();
    QList<AuditFilterRow *> filterRows() const { return m_rows; }
    // Marks every row as used by the query that just started.
    void markApplied();

    static QString labelFor(const QString &wireKey);

    QPushButton *runButton() const { return m_run; }

Q_SIGNALS:
    void runRequested();
    void presetChanged(ui::AuditQueryBar::Preset preset);

private:
    void updateRangeEditors();
    void removeRow(AuditFilterRow *row);

    QTimeZone m_zone;
    QComboBox *m_preset;
    QDateTimeEdit *m_from;
    QDateTimeEdit *m_to;
    QLabel *m_zoneLabel;
    QToolButton *m_addFilter;
    QPushButton *m_run;
    QVBoxLayout *m_rowsLayout;
    QList<AuditFilterRow *> m_rows;
};

} // namespace ui
