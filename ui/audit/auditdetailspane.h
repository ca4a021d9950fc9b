#pragma once
// The selected audit entry: every field as label / value, and the entry as
// pretty-printed, highlighted JSON (request, response and scope included when
// the full entry is known). "Copy as JSON" copies that text.

#include "models/audit/auditrowdetails.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace ui {

class JsonHighlighter;

class AuditDetailsPane : public QWidget
{
    Q_OBJECT
public:
    explicit AuditDetailsPane(QWidget *parent = nullptr);

    // Shows the compact fields at once; the full JSON follows with setFullEntry().
    void showEntry(const QString &id, const QList<models::AuditRowDetails::Field> &fields,
                   const QByteArray &compactJson);
    // The entry as stored in the archive; ignored when another entry is shown.
    // fields: those of the full entry (bodies included); empty keeps the compact ones.
    void setFullEntry(const QString &id, const QByteArray &json,
                      const QList<models::AuditRowDetails::Field> &fields);
    void clear();

    QString entryId() const { return m_id; }
    bool hasFullEntry() const { return m_full; }
    QString jsonText() const;
    QList<models::AuditRowDetails::Field> fields() const { return m_fields; }
    void copyJson() const;

    static QString prettyJson(const QByteArray &json);

    // Narrow enough for a 1024-pixel screen beside the table, wide enough to read a field.
    QSize minimumSizeHint() const override;

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void setFields(const QList<models::AuditRowDetails::Field> &fields);
    void setTitle(const QString &text);
    void updateTitle();

    QString m_id;
    QString m_titleText; // elided into m_title to its width
    bool m_full = false;
    QList<models::AuditRowDetails::Field> m_fields;
    QLabel *m_title;
    QTreeWidget *m_fieldsView;
    QPlainTextEdit *m_json;
    JsonHighlighter *m_highlighter;
    QPushButton *m_copy;
};

} // namespace ui
