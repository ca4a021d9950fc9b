#include <QTest>
class TestSimfaults : public QObject
{
    Q_OBJECT
};
QTEST_GUILESS_MAIN(TestSimfaults)
#include "tst_simfaults.moc"
