// dvdash devices: the sensors on the office's sites; accept a new one, retire an old one.
#include "devicescommand.h"

#include "appsettings.h"
#include "csvtext.h"
#include "devicekey.h"
#include "sensorstore.h"
#include "sitestore.h"
#include "storespec.h"

#include <QCommandLineParser>
#include <QRegularExpression>

namespace dv {

QString DevicesCommand::name() const
{
    return QStringLiteral("devices");
}

QString DevicesCommand::summary() const
{
    return tr("List, accept and retire the devices on the office's sites.");
}

void DevicesCommand::describe(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(QStringLiteral("action"),
        tr("list; accept COUNTY/SITE/DEVICE...; retire COUNTY/SITE/DEVICE..."),
        QStringLiteral("list|accept|retire"));
    parser.addPositionalArgument(QStringLiteral("device"),
        tr("Devices by their topic key, 520328/MYFARM/TAG7."), QStringLiteral("[KEY...]"));
    parser.addOption(storeOption());
    parser.addOption(QCommandLineOption(
        QStringLiteral("site"),
        tr("List: only the devices of this site. Accept: into this registered site, whatever "
           "site the topic names."),
        QStringLiteral("id")));
}

int DevicesCommand::execute(
    const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const
{
    const QStringList args = parser.positionalArguments();
    const QString action = args.value(0);
    DevicesOptions options;
    options.store = parser.value(QStringLiteral("store"));
    options.site = parser.value(QStringLiteral("site"));
    options.keys = args.mid(1);
    if (action == QLatin1String("list") || action.isEmpty()) {
        if (!options.keys.isEmpty()) {
            err << tr("devices list takes no arguments") << Qt::endl;
            return 2;
        }
    } else if (action == QLatin1String("accept") || action == QLatin1String("retire")) {
        options.action = action == QLatin1String("accept") ? DevicesOptions::Action::Accept
                                                           : DevicesOptions::Action::Retire;
        if (options.keys.isEmpty()) {
            err << tr("devices %1 needs at least one COUNTY/SITE/DEVICE").arg(action) << Qt::endl;
            return 2;
        }
        static const QRegularExpression keyForm(QStringLiteral("^\\d{6}/[^/+#]+/[^/+#]+$"));
        for (const QString &key : options.keys) {
            if (!keyForm.match(key).hasMatch()) {
                err << tr("%1 is not a device key such as 520328/MYFARM/TAG7").arg(key) << Qt::endl;
                return 2;
            }
        }
    } else {
        err << tr("unknown action %1; use list, accept or retire").arg(action) << Qt::endl;
        return 2;
    }
    return run(options, out, err);
}

int DevicesCommand::run(const DevicesOptions &options, QTextStream &out, QTextStream &err)
{
    const QString spec = options.store.isEmpty() ? AppSettings::defaultStoreSpec() : options.store;
    QString error;
    if (options.action != DevicesOptions::Action::Accept
        && !StoreSpec::exists(spec, &error)) {
        err << error << Qt::endl;
        return 1;
    }
    const std::unique_ptr<SiteStore> sites = SiteStore::create(
        options.action == DevicesOptions::Action::List ? StoreSpec::readOnly(spec) : spec, &error);
    if (!sites) {
        err << error << Qt::endl;
        return 1;
    }
    if (options.action == DevicesOptions::Action::List) {
        SiteFilter all;
        all.includeRetired = true;
        const auto list = sites->sites(all, &error);
        if (!list) {
            err << error << Qt::endl;
            return 1;
        }
        out << "key,site,device,site_type,metrics,installed,retired,note\n";
        for (const Site &s : *list) {
            if (!options.site.isEmpty() && s.id != options.site)
                continue;
            for (const SiteDevice &d : s.devices) {
                out << CsvText::field(DeviceKey::of(s.county, s.id, d.id))
                    << ',' << CsvText::field(s.id) << ',' << CsvText::field(d.id) << ','
                    << CsvText::field(s.type)
                    << ',' << CsvText::field(d.metrics.join(QLatin1Char(' '))) << ','
                    << CsvText::chinaTime(d.installed.toMSecsSinceEpoch()) << ','
                    << (d.isRetired() ? CsvText::chinaTime(d.retired.toMSecsSinceEpoch())
                                      : QString())
                    << ','
                    << (s.type == SiteType::unknownId() ? tr("site not registered") : QString())
                    << '\n';
            }
        }
        out.flush();
        return 0;
    }
    int failed = 0;
    std::unique_ptr<SensorStore> sensors;
    std::optional<Site> into;
    if (options.action == DevicesOptions::Action::Accept) {
        sensors = SensorStore::create(spec, &error);
        if (!sensors) {
            err << error << Qt::endl;
            return 1;
        }
        if (!options.site.isEmpty()) {
            const auto found = sites->site(options.site, &error);
            if (!found) {
                err << error << Qt::endl;
                return 1;
            }
            if (!*found || !(*found)->isActive() || (*found)->type == SiteType::unknownId()) {
                err << tr("--site %1: no active registered site of that id").arg(options.site)
                    << Qt::endl;
                return 1;
            }
            into = **found;
        }
    }
    for (const QString &key : options.keys) {
        QString county = DeviceKey::county(key);
        QString site = DeviceKey::site(key);
        const QString device = DeviceKey::device(key);
        if (into) {
            county = into->county;
            site = into->id;
        }
        const QString storedAs = DeviceKey::of(county, site, device);
        if (options.action == DevicesOptions::Action::Accept) {
            // Registered in the sensor store, the next `dvdash listen` (or the running one, at
            // the device's next message) stores its readings; in the registry it joins its site
            // (an unregistered one of unknown type), or the --site chosen, as which it is stored.
            const bool stored = storedAs == key ? bool(sensors->deviceId(key, &error))
                                                : bool(sensors->routeDevice(key, storedAs, &error));
            if (!stored || !sites->noteDevice(site, county, device, QString(), &error)) {
                err << key << ": " << error << Qt::endl;
                ++failed;
                continue;
            }
            out << (storedAs == key ? tr("%1 accepted").arg(key)
                                    : tr("%1 accepted as %2").arg(key, storedAs))
                << Qt::endl;
        } else {
            if (!sites->retireDevice(site, device, &error)) {
                err << key << ": " << error << Qt::endl;
                ++failed;
                continue;
            }
            out << tr("%1 retired").arg(key) << Qt::endl;
        }
    }
    return failed ? 1 : 0;
}

} // namespace dv
