import Foundation
import CabinetModel

/// The operating system's user running this process: who ran a write to an SQLite file, which
/// `--by` and `CAB_USER` cannot change.
public enum SystemUser {
    public static var name: String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "uid \(geteuid())"
    }
}
