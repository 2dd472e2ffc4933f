// The sensor store's name of a device: county/site/device, as its MQTT topic has them.
#pragma once

#include <QString>

namespace dv {

// "520328/MYFARM/TAG7": six-digit county code, the site's id, the device's id. Every part that
// builds or takes apart such a key goes through here, so the spelling lives in one place.
class DeviceKey {
public:
    static QString of(const QString &county, const QString &site, const QString &device);
    // "520328/MYFARM/": what every key of the site's devices starts with.
    static QString sitePrefix(const QString &county, const QString &site);
    // "520328/MYFARM": the site as a key of its own (alerts and online counts by site).
    static QString siteOf(const QString &key);

    static QString county(const QString &key);
    static QString site(const QString &key);
    static QString device(const QString &key);
    // Three non-empty parts.
    static bool isValid(const QString &key);
};

} // namespace dv
