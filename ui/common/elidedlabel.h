#pragma once
// A one-line label for values without spaces (e-mails, ids): it never widens
// its pane, shows "…" where the text is cut rather than cutting a character,
// and carries the whole text in its tooltip.

#include <QLabel>

namespace ui {

class ElidedLabel : public QLabel
{
    Q_OBJECT
public:
    explicit ElidedLabel(QWidget *parent = nullptr, Qt::TextElideMode mode = Qt::ElideRight);

    void setFullText(const QString &text);
    QString fullText() const { return m_full; }
    bool isElided() const { return text() != m_full; }

    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateElided();

    QString m_full;
    Qt::TextElideMode m_mode;
};

} // namespace ui
