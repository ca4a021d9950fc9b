#include "ui/common/timezonemenu.h"

#include "models/settings/timezonesetting.h"

#include <QActionGroup>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStringListModel>
#include <QVBoxLayout>

namespace ui {

using models::TimeZoneSetting;

TimeZoneMenu::TimeZoneMenu(QWidget *parent) : QMenu(tr("Time &Zone"), parent)
{
    setObjectName(QStringLiteral("menuTimeZone"));
    connect(TimeZoneSetting::instance(), &TimeZoneSetting::zoneChanged, this, &TimeZoneMenu::rebuild);
    rebuild();
}

void TimeZoneMenu::rebuild()
{
    clear();
    TimeZoneSetting *setting = TimeZoneSetting::instance();
    auto *group = new QActionGroup(this);
    const auto add = [&](const QString &text, const QString &choice, const char *name) {
        QAction *a = addAction(text);
        a->setObjectName(QString::fromLatin1(name));
        a->setCheckable(true);
        a->setChecked(setting->choice() == choice);
        group->addAction(a);
        connect(a, &QAction::triggered, this, [choice] { TimeZoneSetting::instance()->setChoice(choice); });
    };
    add(tr("&Local (%1)").arg(QString::fromUtf8(QTimeZone::systemTimeZoneId())), QStringLiteral("local"),
        "actionTimeZoneLocal");
    add(tr("&UTC"), QStringLiteral("UTC"), "actionTimeZoneUtc");
    if (setting->choice() != QLatin1String("local") && setting->choice() != QLatin1String("UTC"))
        add(setting->choice(), setting->choice(), "actionTimeZoneChosen");
    addSeparator();
    QAction *other = addAction(tr("&Other…"));
    other->setObjectName(QStringLiteral("actionTimeZoneOther"));
    connect(other, &QAction::triggered, this, [this] {
        auto *dialog = new TimeZoneDialog(parentWidget());
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, this, [dialog] {
            if (!dialog->selectedZone().isEmpty())
                TimeZoneSetting::instance()->setChoice(dialog->selectedZone());
        });
        dialog->open();
    });
}

TimeZoneDialog::TimeZoneDialog(QWidget *parent)
    : QDialog(parent), m_filter(new QLineEdit(this)), m_list(new QListView(this)),
      m_proxy(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("timeZoneDialog"));
    setWindowTitle(tr("Time Zone"));
    auto *layout = new QVBoxLayout(this);
    auto *label =
        new QLabel(tr("Show every time in this zone (usage stays in whole UTC days, the API's days):"), this);
    label->setWordWrap(true);
    layout->addWidget(label);
    m_filter->setObjectName(QStringLiteral("timeZoneFilter"));
    m_filter->setPlaceholderText(tr("Search, e.g. Berlin or America/"));
    m_filter->setAccessibleName(tr("Search time zones"));
    m_filter->setClearButtonEnabled(true);
    layout->addWidget(m_filter);
    m_proxy->setSourceModel(new QStringListModel(TimeZoneSetting::availableZones(), this));
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_list->setObjectName(QStringLiteral("timeZoneList"));
    m_list->setAccessibleName(tr("Time zones"));
    m_list->setModel(m_proxy);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_list, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListView::activated, this, &QDialog::accept);
    const auto select = [this] {
        if (!m_list->currentIndex().isValid() && m_proxy->rowCount() > 0)
            m_list->setCurrentIndex(m_proxy->index(0, 0));
    };
    connect(m_filter, &QLineEdit::textChanged, this, [this, select](const QString &text) {
        m_proxy->setFilterFixedString(text.trimmed());
        select();
    });
    // The current choice selected, so Enter keeps it.
    const QModelIndexList current = m_proxy->match(
        m_proxy->index(0, 0), Qt::DisplayRole, TimeZoneSetting::instance()->choice(), 1, Qt::MatchExactly);
    if (!current.isEmpty())
        m_list->setCurrentIndex(current.first());
    resize(420, 480);
}

QString TimeZoneDialog::selectedZone() const
{
    return m_list->currentIndex().data().toString();
}

} // namespace ui
