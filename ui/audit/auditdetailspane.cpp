#include "ui/audit/auditdetailspane.h"

#include "ui/audit/jsonhighlighter.h"
#include "ui/common/icons.h"

#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ui {

AuditDetailsPane::AuditDetailsPane(QWidget *parent)
    : QWidget(parent), m_title(new QLabel(this)), m_fieldsView(new QTreeWidget(this)),
      m_json(new QPlainTextEdit(this)), m_copy(new QPushButton(tr("Copy as JSON"), this))
{
    m_title->setObjectName(QStringLiteral("auditDetailsTitle"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // The title is elided to the pane, never the other way round: an entry id
    // must not widen the pane (and squeeze the table) when it is shown.
    m_title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_title->setMinimumWidth(0);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_fieldsView->setObjectName(QStringLiteral("auditDetailsFields"));
    m_fieldsView->setAccessibleName(tr("Entry fields"));
    m_fieldsView->setColumnCount(2);
    m_fieldsView->setHeaderLabels({tr("Field"), tr("Value")});
    m_fieldsView->setRootIsDecorated(false);
    m_fieldsView->setUniformRowHeights(true);
    m_fieldsView->setAlternatingRowColors(true);
    m_fieldsView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_fieldsView->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_fieldsView->header()->setStretchLastSection(true);
    m_json->setObjectName(QStringLiteral("auditDetailsJson"));
    m_json->setAccessibleName(tr("Entry as JSON"));
    m_json->setReadOnly(true);
    m_json->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_json->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_json->setPlaceholderText(tr("Select an entry to see it as JSON."));
    m_highlighter = new JsonHighlighter(m_json->document());
    m_copy->setObjectName(QStringLiteral("auditCopyJson"));
    m_copy->setIcon(icon(QStringLiteral("edit-copy")));
    m_copy->setEnabled(false);
    connect(m_copy, &QPushButton::clicked, this, [this] { copyJson(); });

    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("auditDetailsSplitter"));
    split->addWidget(m_fieldsView);
    split->addWidget(m_json);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);

    auto *top = new QHBoxLayout;
    top->addWidget(m_title, 1);
    top->addWidget(m_copy);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(split, 1);
    clear();
}

QString AuditDetailsPane::prettyJson(const QByteArray &json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    if (doc.isNull())
        return QString::fromUtf8(json);
    return QString::fromUtf8(doc.toJson(QJsonDocument::Indented)).trimmed();
}

void AuditDetailsPane::setFields(const QList<models::AuditRowDetails::Field> &fields)
{
    m_fields = fields;
    m_fieldsView->clear();
    QList<QTreeWidgetItem *> items;
    items.reserve(fields.size());
    for (const auto &f : fields) {
        if (f.value.isEmpty())
            continue;
        auto *item = new QTreeWidgetItem({f.label, f.value});
        item->setToolTip(1, f.value.size() > 2000 ? f.value.left(2000) + QStringLiteral("…") : f.value);
        items.append(item);
    }
    m_fieldsView->addTopLevelItems(items);
}

void AuditDetailsPane::showEntry(const QString &id, const QList<models::AuditRowDetails::Field> &fields,
                                 const QByteArray &compactJson)
{
    m_id = id;
    m_full = false;
    setTitle(id.isEmpty() ? tr("Entry") : tr("Entry %1").arg(id));
    setFields(fields);
    m_json->setPlainText(prettyJson(compactJson));
    m_copy->setEnabled(true);
}

void AuditDetailsPane::setFullEntry(const QString &id, const QByteArray &json,
                                    const QList<models::AuditRowDetails::Field> &fields)
{
    if (id != m_id || json.isEmpty())
        return;
    m_full = true;
    // The stored entry has the bodies the compact row lacks.
    if (!fields.isEmpty())
        setFields(fields);
    m_json->setPlainText(prettyJson(json));
}

void AuditDetailsPane::clear()
{
    m_id.clear();
    m_full = false;
    m_fields.clear();
    setTitle(tr("No entry selected"));
    m_fieldsView->clear();
    m_json->clear();
    m_copy->setEnabled(false);
}

QString AuditDetailsPane::jsonText() const
{
    return m_json->toPlainText();
}

void AuditDetailsPane::copyJson() const
{
    if (!m_id.isEmpty())
        QApplication::clipboard()->setText(jsonText());
}

void AuditDetailsPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        m_highlighter->updateColors(palette());
    if (event->type() == QEvent::FontChange)
        updateTitle();
    QWidget::changeEvent(event);
}

void AuditDetailsPane::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    updateTitle();
}

QSize AuditDetailsPane::minimumSizeHint() const
{
    const QSize laidOut = QWidget::minimumSizeHint();
    return {std::max(laidOut.width(), fontMetrics().averageCharWidth() * 32), laidOut.height()};
}

void AuditDetailsPane::setTitle(const QString &text)
{
    m_titleText = text;
    m_title->setToolTip(text);
    updateTitle();
}

void AuditDetailsPane::updateTitle()
{
    // The label's width once laid out; before that, the pane's less the button.
    const int width =
        m_title->width() > 1 ? m_title->width() : std::max(0, this->width() - m_copy->width() - 8);
    m_title->setText(m_title->fontMetrics().elidedText(m_titleText, Qt::ElideMiddle, width));
}

} // namespace ui
