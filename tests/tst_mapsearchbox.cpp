// The search field's keyboard: Enter with the suggestions open takes the first one.
#include "testsupport.h"

#include "layerstack.h"
#include "mapsearchbox.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QSignalSpy>
#include <QtTest>

using namespace dv;

class TestMapSearchBox : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void enterTakesTheFirstSuggestion();
    void enterTakesTheHighlightedSuggestion();

private:
    int county(const QString &name) const;
    // Chinese text as an input method commits it (keyClicks takes ASCII only).
    static void type(QWidget &widget, const QString &text)
    {
        QTest::sendKeyEvent(QTest::Click, &widget, Qt::Key_unknown, text, Qt::NoModifier);
    }

    LayerStack mLayers;
};

void TestMapSearchBox::initTestCase()
{
    const QString error = dvtest::loadProvinceInto(mLayers);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

int TestMapSearchBox::county(const QString &name) const
{
    const auto counties = mLayers.layer(QStringLiteral("counties"));
    for (int f = 0; f < counties->featureCount(); ++f) {
        if (counties->table().text(f, QStringLiteral("name")) == name)
            return f;
    }
    return -1;
}

// Typing the start of a division code lists the counties of 遵义 it fits, 湄潭县 (520328)
// among them; Enter, without touching the list, goes to the first one (before, Enter only
// closed the list and the map did not move).
void TestMapSearchBox::enterTakesTheFirstSuggestion()
{
    MapSearchBox box(&mLayers);
    box.show();
    QVERIFY(QTest::qWaitForWindowActive(&box));
    QSignalSpy chosen(&box, &MapSearchBox::featureChosen);
    type(box, QStringLiteral("52032"));
    QAbstractItemView *popup = box.completer()->popup();
    QTRY_VERIFY(popup->isVisible());
    QVERIFY(popup->model()->rowCount() > 1);
    QVERIFY(!popup->currentIndex().isValid());
    const QModelIndex top = popup->model()->index(0, 0);
    const QString first = top.data().toString();
    const QString name = first.section(QStringLiteral("  —  "), 0, 0);
    QVERIFY2(county(name) >= 0, qPrintable(first));
    QTest::keyClick(popup, Qt::Key_Return);
    QCOMPARE(chosen.count(), 1);
    QCOMPARE(chosen.first().at(0).toString(), QStringLiteral("counties"));
    QCOMPARE(chosen.first().at(1).toInt(), county(name));
    QVERIFY(!popup->isVisible());
    QCOMPARE(box.text(), first);
}

// Arrow keys still choose another suggestion: Enter takes the highlighted one, once.
void TestMapSearchBox::enterTakesTheHighlightedSuggestion()
{
    MapSearchBox box(&mLayers);
    box.show();
    QVERIFY(QTest::qWaitForWindowActive(&box));
    QSignalSpy chosen(&box, &MapSearchBox::featureChosen);
    type(box, QStringLiteral("52032"));
    QAbstractItemView *popup = box.completer()->popup();
    QTRY_VERIFY(popup->isVisible());
    QTest::keyClick(popup, Qt::Key_Down);
    QTest::keyClick(popup, Qt::Key_Down);
    QCOMPARE(popup->currentIndex().row(), 1);
    const QModelIndex second = popup->currentIndex();
    const QString layerId = second.data(Qt::UserRole + 1).toString();
    const int feature = second.data(Qt::UserRole + 2).toInt();
    QTest::keyClick(popup, Qt::Key_Return);
    QCOMPARE(chosen.count(), 1);
    QCOMPARE(chosen.first().at(0).toString(), layerId);
    QCOMPARE(chosen.first().at(1).toInt(), feature);
}

QTEST_MAIN(TestMapSearchBox)
#include "tst_mapsearchbox.moc"
