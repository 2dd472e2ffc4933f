// One version of a site as the site stores' history keeps it.
#pragma once

#include "site.h"

#include <QByteArray>

namespace dv {

// Both backends write and read the same JSON (SQLite as text, PostgreSQL as jsonb), so they
// restore the same way. A site's devices are not part of it: they have their own table.
class SiteJson {
public:
    // Compact, keys in QJsonObject's sorted order: equal sites give equal bytes.
    static QByteArray write(const Site &site);
    static Site read(const QByteArray &json);
};

} // namespace dv
