import Foundation
#if canImport(Glibc)
import Glibc
import CabinetModel
#endif

/// An exclusive `flock` on a sidecar file, held while opening and migrating: several processes
/// opening a fresh database at once otherwise race in `DatabaseMigrator` ("table already
/// exists") or in switching the file to WAL ("database is locked").
struct MigrationLock {
    static func withLock<T>(beside databasePath: String, _ body: () throws -> T) throws -> T {
        let lockPath = databasePath + ".lock"
        // flock needs no write access: another user's lock file is used as it is.
        var descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        if descriptor < 0 { descriptor = open(lockPath, O_RDONLY | O_CLOEXEC) }
        guard descriptor >= 0 else {
            throw CabinetError.storeUnavailable(
                path: databasePath, problem: "cannot create the lock file \(lockPath) (\(String(cString: strerror(errno)))): "
                    + "the folder must be writable for this user, or the lock file must exist")
        }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                throw CabinetError.storeUnavailable(path: databasePath, problem: "cannot lock \(lockPath): \(String(cString: strerror(errno)))")
            }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }
}
