import Foundation
import CabinetModel

/// A file's device and inode: the same path naming another file (replaced, or removed and made
/// again) has another identity.
struct FileIdentity: Equatable {
    let device: UInt64
    let inode: UInt64

    init(path: String) throws(CabinetError) {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw .storeUnavailable(path: path, problem: String(cString: strerror(errno)))
        }
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }
}
