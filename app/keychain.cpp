// Passwords in the operating system's keychain under the service "dvdash", never in a file.
#include "keychain.h"

#include "systemkeychain.h"

#include <QLoggingCategory>
#include <QMutex>
#include <QMutexLocker>

#include <atomic>

Q_LOGGING_CATEGORY(lcKeychain, "dv.keychain", QtInfoMsg)

namespace dv {

namespace {

QMutex &backendMutex()
{
    static QMutex mutex;
    return mutex;
}

std::shared_ptr<KeychainBackend> &installedBackend()
{
    static std::shared_ptr<KeychainBackend> backend;
    return backend;
}

// A copy, so a call in progress keeps its backend even if a test swaps it meanwhile.
std::shared_ptr<KeychainBackend> backend()
{
    QMutexLocker lock(&backendMutex());
    std::shared_ptr<KeychainBackend> &installed = installedBackend();
    if (!installed)
        installed = std::make_shared<SystemKeychain>(Keychain::service());
    return installed;
}

} // namespace

QString Keychain::service()
{
    return QStringLiteral("dvdash");
}

KeychainAnswer Keychain::read(const QString &key)
{
    return backend()->read(key);
}

bool Keychain::write(const QString &key, const QString &password, QString *error)
{
    const KeychainAnswer answer = backend()->write(key, password);
    if (answer.status != KeychainAnswer::Done && error)
        *error = answer.error;
    return answer.status == KeychainAnswer::Done;
}

bool Keychain::remove(const QString &key, QString *error)
{
    const KeychainAnswer answer = backend()->remove(key);
    if (answer.status != KeychainAnswer::Done && error)
        *error = answer.error;
    return answer.status == KeychainAnswer::Done;
}

QString Keychain::lookupStorePassword(const QString &key)
{
    const KeychainAnswer answer = read(key);
    if (answer.status == KeychainAnswer::Failed) {
        // A collector on a headless server has no keychain by design (PGPASSWORD, .pgpass):
        // said in the debug log only, never on a command's stderr.
        static std::atomic_bool warned { false };
        if (!warned.exchange(true)) {
            qCDebug(lcKeychain).noquote()
                << tr("No store password from the keychain for %1: %2. PGPASSWORD and "
                      ".pgpass still apply.")
                       .arg(key, answer.error);
        }
    }
    return answer.password;
}

void Keychain::setBackend(std::shared_ptr<KeychainBackend> backend)
{
    QMutexLocker lock(&backendMutex());
    installedBackend() = std::move(backend);
}

} // namespace dv
