// The operating system's keychain through qtkeychain: Windows Credential Manager, the macOS
// Keychain, the Secret Service (GNOME Keyring, KWallet) on Linux.
#pragma once

#include "keychainbackend.h"

#include <QCoreApplication>

namespace dv {

// qtkeychain's jobs are asynchronous; each call here waits for its job in a local event loop
// (user input excluded, so a click cannot re-enter the caller), which keeps a window painting
// while the keychain asks the user to unlock it. Callable from any thread with a Qt event
// dispatcher (the GUI thread, QThread, QtConcurrent workers): the jobs themselves all run on
// one thread of this class's own, because qtkeychain queues jobs in an unlocked process-wide
// object tied to the thread that first used it. A keychain that does not answer within the
// timeout is reported as a failure, never waited on for ever.
class SystemKeychain : public KeychainBackend {
    Q_DECLARE_TR_FUNCTIONS(dv::SystemKeychain)
public:
    explicit SystemKeychain(const QString &service, int timeoutMs = 30000);

    KeychainAnswer read(const QString &key) override;
    KeychainAnswer write(const QString &key, const QString &password) override;
    KeychainAnswer remove(const QString &key) override;

    enum class Operation { Read, Write, Remove };

private:
    KeychainAnswer run(Operation operation, const QString &key, const QString &password) const;

    QString mService;
    int mTimeoutMs;
};

} // namespace dv
