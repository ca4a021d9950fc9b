#pragma once
// Inline message strip shown at the top of a page: what happened, what to do,
// and a Retry button when retrying can help. Replaces modal error boxes.

#include <QColor>
#include <QFrame>

class QLabel;
class QPushButton;
class QToolButton;

namespace ui {

class MessageBanner : public QFrame
{
    Q_OBJECT
public:
    enum class Kind { Info, Warning, Error };

    explicit MessageBanner(QWidget *parent = nullptr);

    void showMessage(Kind kind, const QString &text, bool offerRetry = false);
    void showError(const QString &text, bool offerRetry = true)
    {
        showMessage(Kind::Error, text, offerRetry);
    }
    void showInfo(const QString &text) { showMessage(Kind::Info, text, false); }
    void clear();

    Kind kind() const { return m_kind; }
    QString text() const;
    bool retryOffered() const;
    // The strip's colour: the kind's tint blended into the window colour.
    QColor background() const;

Q_SIGNALS:
    void retryRequested();

protected:
    void changeEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void applyTint();

    Kind m_kind = Kind::Info;
    QLabel *m_icon;
    QLabel *m_text;
    QPushButton *m_retry;
    QToolButton *m_close;
};

} // namespace ui
