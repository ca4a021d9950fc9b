#include "ui/audit/auditorgsplitbar.h"

#include "ui/audit/audittimeline.h"

#include "models/audit/auditcontroller.h"
#include "models/audit/audittablemodel.h"
#include "models/rollup/auditrollupcontroller.h"
#include "models/settings/appsettings.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLocale>
#include <QPainter>
#include <QPixmap>
#include <QScrollArea>
#include <QScrollBar>
#include <QToolButton>

namespace ui {

namespace {
const QString kSplitKey = QStringLiteral("audit/timelineSplitByOrganization");

QIcon swatch(const QColor &color, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setPen(color.darker(130));
    p.setBrush(color);
    p.drawRect(0, 0, size - 1, size - 1);
    return QIcon(pixmap);
}
} // namespace

AuditOrgSplitBar::AuditOrgSplitBar(models::AuditController *controller, QWidget *parent)
    : QWidget(parent), m_controller(controller), m_split(new QCheckBox(tr("Split &by organization"), this)),
      m_legendLayout(new QHBoxLayout), m_legendScroll(new QScrollArea(this))
{
    setObjectName(QStringLiteral("auditOrgSplitBar"));
    m_split->setObjectName(QStringLiteral("auditSplitByOrganization"));
    m_split->setAccessibleName(tr("Split the timeline by organization"));
    m_split->setToolTip(tr("Stack the timeline's bars by organization: the %n organization(s) with the most "
                           "entries shown, the rest as Other",
                           nullptr, models::AuditController::kSplitOrganizations));
    m_split->setChecked(models::AppSettings().value(kSplitKey, false).toBool());

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_split);
    // The legend scrolls sideways rather than widening the page: seven names
    // would otherwise set the table side's minimum width and squeeze the
    // details pane. A focused button is scrolled into view.
    auto *legend = new QWidget;
    legend->setLayout(m_legendLayout);
    m_legendLayout->setContentsMargins(0, 0, 0, 0);
    m_legendLayout->setSpacing(2);
    m_legendLayout->addStretch(1);
    m_legendScroll->setObjectName(QStringLiteral("auditSplitLegend"));
    m_legendScroll->setAccessibleName(tr("Organizations in the timeline"));
    m_legendScroll->setFocusPolicy(Qt::NoFocus);
    m_legendScroll->setFrameShape(QFrame::NoFrame);
    m_legendScroll->setWidgetResizable(true);
    m_legendScroll->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_legendScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_legendScroll->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    m_legendScroll->setWidget(legend);
    layout->addWidget(m_legendScroll, 1);

    connect(m_split, &QCheckBox::toggled, this, [this](bool on) {
        models::AppSettings().setValue(kSplitKey, on);
        updateSplit();
    });
    connect(controller->rollup(), &models::AuditRollupController::stateChanged, this,
            &AuditOrgSplitBar::updateSplit);
    connect(controller, &models::AuditController::histogramChanged, this, &AuditOrgSplitBar::updateLegend);
    updateSplit();
}

void AuditOrgSplitBar::updateSplit()
{
    if (!m_controller)
        return;
    // Only a roll-up has organizations to split by.
    const bool rollup = m_controller->rollup()->includeSubOrganizations();
    setVisible(rollup);
    m_controller->setSplitByOrganization(rollup && m_split->isChecked());
    updateLegend();
}

void AuditOrgSplitBar::updateLegend()
{
    const bool split = m_controller && m_controller->splitByOrganization();
    const models::AuditHistogram histogram = split ? m_controller->histogram() : models::AuditHistogram();
    const auto &all = histogram.organizationSeries();
    // Buttons are kept and relabelled, so one with the focus keeps it while the counts change.
    while (m_legend.size() > all.size())
        delete m_legend.takeLast();
    const QLocale locale;
    const int icon = fontMetrics().height() * 2 / 3;
    for (int s = 0; s < all.size(); ++s) {
        const auto &series = all.at(s);
        if (s == m_legend.size()) {
            auto *button = new QToolButton(this);
            button->setObjectName(QStringLiteral("auditSplitLegend%1").arg(s));
            button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
            button->setAutoRaise(true);
            button->setFocusPolicy(Qt::StrongFocus);
            connect(button, &QToolButton::clicked, this, [this, s] { filterToSeries(s); });
            m_legendLayout->insertWidget(m_legendLayout->count() - 1, button);
            button->show();
            m_legend.append(button);
        }
        QToolButton *button = m_legend.at(s);
        const QString name = series.isOther() ? tr("Other") : series.name.isEmpty() ? series.id : series.name;
        button->setIcon(swatch(
            AuditTimeline::seriesColor(series.color >= 0 ? series.color : s, series.isOther(), palette()),
            icon));
        // Long names are shortened so the legend never widens the page; the tooltip has it whole.
        button->setText(
            fontMetrics().elidedText(name, Qt::ElideMiddle, fontMetrics().averageCharWidth() * 18));
        const QString count = locale.toString(series.total);
        const QString tip =
            series.isOther()
                ? tr("%n other organization(s): %1 entries", nullptr, int(series.otherIds.size())).arg(count)
                : tr("%1: %2 entries").arg(series.path.isEmpty() ? name : series.path, count);
        button->setToolTip(tip + u'\n' + tr("Click to show only these entries"));
        button->setAccessibleName(tr("Filter to %1").arg(name));
        button->setAccessibleDescription(tip);
    }
    fitLegend();
}

void AuditOrgSplitBar::fitLegend()
{
    // As tall as the buttons, plus the scroll bar only while they overflow.
    QWidget *legend = m_legendScroll->widget();
    const QSize want = legend->sizeHint();
    const bool overflow = want.width() > m_legendScroll->width();
    const int bar = overflow ? m_legendScroll->horizontalScrollBar()->sizeHint().height() : 0;
    m_legendScroll->setFixedHeight(std::max(want.height(), m_split->sizeHint().height()) + bar);
}

void AuditOrgSplitBar::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitLegend();
}

void AuditOrgSplitBar::filterToSeries(int s)
{
    if (!m_controller)
        return;
    const models::AuditHistogram histogram = m_controller->histogram();
    if (s < 0 || s >= histogram.organizationSeries().size())
        return;
    const auto &series = histogram.organizationSeries().at(s);
    const QStringList ids = series.isOther() ? series.otherIds : QStringList{series.id};
    // The Organization column's filter: its values are the ids.
    m_controller->table()->setColumnValues(int(models::AuditColumn::Organization),
                                           QSet<QString>(ids.begin(), ids.end()), {});
}

} // namespace ui
