#pragma once
// One server-side filter of the audit query bar: key, "is" / "is not", and
// one or more values (comma separated), with a remove button.

#include <QStringList>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QToolButton;

namespace ui {

class AuditFilterRow : public QWidget
{
    Q_OBJECT
public:
    AuditFilterRow(const QString &wireKey, const QString &label, QWidget *parent = nullptr);

    QString wireKey() const { return m_key; }
    bool isExclude() const;
    void setExclude(bool exclude);
    QStringList values() const;
    void setValues(const QStringList &values);
    void addValue(const QString &value);
    QLineEdit *valueEdit() const { return m_values; }
    // Marks a filter the next Run has not used yet.
    void setPending(bool pending);
    bool isPending() const { return m_pending; }
    // The server did not apply this filter on the last Run (it was applied locally).
    void setIgnoredByServer(bool ignored);
    bool isIgnoredByServer() const { return m_ignored; }

Q_SIGNALS:
    void removeRequested(ui::AuditFilterRow *row);
    void submitted();
    void changed();

private:
    void updateLabel();

    QString m_key;
    bool m_pending = false;
    bool m_ignored = false;
    QString m_text;
    QLabel *m_label;
    QComboBox *m_mode;
    QLineEdit *m_values;
    QToolButton *m_remove;
};

} // namespace ui
