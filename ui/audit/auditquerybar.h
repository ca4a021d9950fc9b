#pragma once
// The server side of an audit query: a time range (presets or a custom
// from/to shown in the display time zone) and any of the endpoint's filters,
// each "is" or "is not", added through a "+ Filter" menu as compact rows.
// It renders a models::AuditQueryDraft (setDraft) and reports each edit
// (edited); the AuditController owns the draft.

#include "models/audit/auditquerydraft.h"

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
    using Preset = models::AuditQueryDraft::Preset;

    explicit AuditQueryBar(QWidget *parent = nullptr);

    // What the bar shows now.
    models::AuditQueryDraft draft() const;
    // Shows draft; emits nothing.
    void setDraft(const models::AuditQueryDraft &draft);

    // draft().query(nowMs) and draft().range(nowMs).
    api::AuditQuery query(qint64 nowMs) const;
    std::pair<qint64, qint64> range(qint64 nowMs) const;

    Preset preset() const;
    void setPreset(Preset preset);
    void setCustomRange(qint64 fromMs, qint64 toMs);
    void setTimeZone(const QTimeZone &zone);

    // A new, empty row for key (the "+ Filter" menu). Rows added or changed
    // since the last Run are shown as pending.
    AuditFilterRow *addFilterRow(const QString &wireKey);
    QList<AuditFilterRow *> filterRows() const { return m_rows; }

    static QString labelFor(const QString &wireKey);

    QPushButton *runButton() const { return m_run; }
    QLabel *serverNote() const { return m_serverNote; }

    // The rows shown are not what the bar says: the Run button says so (and
    // the page's results header, bound to the same controller state).
    void setStale(bool stale);
    bool isStale() const { return m_stale; }
    // Positive filters the server ignored on the last Run (wire keys): a note
    // under the rows and a mark on each such row.
    void setIgnoredFilters(const QStringList &wireKeys);

Q_SIGNALS:
    void runRequested();
    void presetChanged(models::AuditQueryDraft::Preset preset);
    // The user picked a preset in the list (not emitted by setPreset/setDraft).
    void presetActivated(models::AuditQueryDraft::Preset preset);
    // The user changed the range or a filter row: draft() differs.
    void edited();

private:
    QDateTime editTime(qint64 ms) const;
    qint64 editedMs(const QDateTimeEdit *edit) const;
    void updateRangeEditors();
    void removeRow(AuditFilterRow *row);
    void clearRows();
    void notifyEdited();
    void updateRunButton();
    void updateIgnoredMarks();

    QTimeZone m_zone;
    QComboBox *m_preset;
    QDateTimeEdit *m_from;
    QDateTimeEdit *m_to;
    QLabel *m_zoneLabel;
    QPushButton *m_addFilter; // a push button keeps its menu arrow clear of the text
    QPushButton *m_run;
    QVBoxLayout *m_rowsLayout;
    QLabel *m_serverNote;
    QList<AuditFilterRow *> m_rows;
    QStringList m_ignored;
    bool m_stale = false;
    bool m_rendering = false; // setDraft() at work: not an edit
};

} // namespace ui
