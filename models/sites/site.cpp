// One of the office's sites (tea garden, pig farm, clinic, ...) with the devices on it.
#include "site.h"

namespace dv {

QString Site::statusKey(Status status)
{
    return status == Status::Retired ? QStringLiteral("retired") : QStringLiteral("active");
}

std::optional<Site::Status> Site::statusFromKey(const QString &key)
{
    const QString k = key.trimmed().toLower();
    if (k.isEmpty() || k == QLatin1String("active") || k == QStringLiteral("在用")
        || k == QStringLiteral("启用") || k == QStringLiteral("正常"))
        return Status::Active;
    if (k == QLatin1String("retired") || k == QStringLiteral("停用") || k == QStringLiteral("退役")
        || k == QStringLiteral("撤销"))
        return Status::Retired;
    return std::nullopt;
}

QString Site::sourceKey(Source source)
{
    switch (source) {
    case Source::Sample:
        return QStringLiteral("sample");
    case Source::Imported:
        return QStringLiteral("imported");
    case Source::Entered:
        return QStringLiteral("entered");
    }
    return {};
}

std::optional<Site::Source> Site::sourceFromKey(const QString &key)
{
    if (key == QLatin1String("sample"))
        return Source::Sample;
    if (key == QLatin1String("imported"))
        return Source::Imported;
    if (key == QLatin1String("entered"))
        return Source::Entered;
    return std::nullopt;
}

} // namespace dv
