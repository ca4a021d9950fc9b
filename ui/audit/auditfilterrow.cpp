#include "ui/audit/auditfilterrow.h"

#include "ui/common/icons.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

namespace ui {

AuditFilterRow::AuditFilterRow(const QString &wireKey, const QString &label, QWidget *parent)
    : QWidget(parent), m_key(wireKey), m_text(label), m_label(new QLabel(label, this)),
      m_mode(new QComboBox(this)), m_values(new QLineEdit(this)), m_remove(new QToolButton(this))
{
    setObjectName(QStringLiteral("auditFilter_") + wireKey);
    m_label->setToolTip(wireKey);
    m_label->setMinimumWidth(m_label->fontMetrics().horizontalAdvance(QStringLiteral("Actor token name  ")));
    m_mode->addItem(tr("is"));
    m_mode->addItem(tr("is not"));
    m_mode->setObjectName(QStringLiteral("auditFilterMode"));
    m_values->setObjectName(QStringLiteral("auditFilterValues"));
    m_values->setPlaceholderText(tr("value, another value…"));
    m_values->setToolTip(tr("Several values separated by commas match any of them."));
    m_remove->setObjectName(QStringLiteral("auditFilterRemove"));
    m_remove->setIcon(icon(QStringLiteral("list-remove")));
    m_remove->setText(QStringLiteral("×"));
    m_remove->setAutoRaise(true);
    m_remove->setToolTip(tr("Remove this filter"));
    connect(m_remove, &QToolButton::clicked, this, [this] { Q_EMIT removeRequested(this); });
    connect(m_values, &QLineEdit::returnPressed, this, &AuditFilterRow::submitted);
    connect(m_values, &QLineEdit::textEdited, this, [this] {
        setPending(true);
        Q_EMIT changed();
    });
    connect(m_mode, &QComboBox::currentIndexChanged, this, [this] {
        setPending(true);
        Q_EMIT changed();
    });

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_mode);
    layout->addWidget(m_values, 1);
    layout->addWidget(m_remove);
}

bool AuditFilterRow::isExclude() const
{
    return m_mode->currentIndex() == 1;
}

void AuditFilterRow::setExclude(bool exclude)
{
    m_mode->setCurrentIndex(exclude ? 1 : 0);
}

QStringList AuditFilterRow::values() const
{
    QStringList out;
    const QStringList parts = m_values->text().split(u',', Qt::SkipEmptyParts);
    for (const QString &p : parts) {
        const QString v = p.trimmed();
        if (!v.isEmpty() && !out.contains(v))
            out.append(v);
    }
    return out;
}

void AuditFilterRow::setValues(const QStringList &values)
{
    m_values->setText(values.join(QStringLiteral(", ")));
}

void AuditFilterRow::addValue(const QString &value)
{
    QStringList v = values();
    if (!v.contains(value))
        v.append(value);
    setValues(v);
}

void AuditFilterRow::setPending(bool pending)
{
    m_pending = pending;
    QFont f = m_label->font();
    f.setItalic(pending);
    m_label->setFont(f);
    updateLabel();
}

void AuditFilterRow::setIgnoredByServer(bool ignored)
{
    if (ignored == m_ignored)
        return;
    m_ignored = ignored;
    updateLabel();
}

void AuditFilterRow::updateLabel()
{
    m_label->setText(m_ignored ? QStringLiteral("⚠ ") + m_text : m_text);
    QString tip = m_pending ? tr("%1 — used by the next Run").arg(m_key) : m_key;
    if (m_ignored)
        tip += u'\n' + tr("The server did not apply this filter; the entries it sent were filtered here.");
    m_label->setToolTip(tip);
}

} // namespace ui
