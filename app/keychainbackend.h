// Where Keychain keeps passwords: the operating system's keychain, or a test's stand-in.
#pragma once

#include <QString>

namespace dv {

// What one keychain call came to. A missing entry is an answer of its own, not a failure:
// "no password saved" and "no keychain to ask" lead to different messages.
struct KeychainAnswer {
    enum Status { Done, NotFound, Failed };
    Status status = Failed;
    QString password; // what a read found
    QString error; // why it failed, for the user

    static KeychainAnswer done(const QString &password = QString())
    {
        return { Done, password, QString() };
    }
    static KeychainAnswer notFound() { return { NotFound, QString(), QString() }; }
    static KeychainAnswer failed(const QString &error) { return { Failed, QString(), error }; }
};

// One service's passwords by key. Each call returns when the keychain has answered (or given
// up); implementations must be callable from any thread.
class KeychainBackend {
public:
    virtual ~KeychainBackend() = default;

    virtual KeychainAnswer read(const QString &key) = 0;
    virtual KeychainAnswer write(const QString &key, const QString &password) = 0;
    // Removing an entry that is not there is Done: the wanted state is reached.
    virtual KeychainAnswer remove(const QString &key) = 0;
};

} // namespace dv
