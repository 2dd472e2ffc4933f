#include "devicekey.h"

#include <QStringList>

namespace dv {

namespace {

const QChar kSeparator = QLatin1Char('/');

} // namespace

QString DeviceKey::of(const QString &county, const QString &site, const QString &device)
{
    return sitePrefix(county, site) + device;
}

QString DeviceKey::sitePrefix(const QString &county, const QString &site)
{
    return county + kSeparator + site + kSeparator;
}

QString DeviceKey::siteOf(const QString &key)
{
    return key.section(kSeparator, 0, 1);
}

QString DeviceKey::county(const QString &key)
{
    return key.section(kSeparator, 0, 0);
}

QString DeviceKey::site(const QString &key)
{
    return key.section(kSeparator, 1, 1);
}

QString DeviceKey::device(const QString &key)
{
    return key.section(kSeparator, 2);
}

bool DeviceKey::isValid(const QString &key)
{
    const QStringList parts = key.split(kSeparator);
    return parts.size() == 3 && !parts.contains(QString());
}

} // namespace dv
