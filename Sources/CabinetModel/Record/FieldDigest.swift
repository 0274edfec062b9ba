import Crypto

/// The SHA-256 of a record's fields in one unambiguous encoding (lowercase hex), shared by the
/// decision chain and the source links: `prefix`, then one line per column: `-` for a missing
/// value, else `+`, its length in UTF-8 bytes in decimal, `:` and its bytes.
public enum FieldDigest {
    public static func sha256(prefix: [UInt8], columns: [String?]) -> String {
        var bytes = prefix
        for column in columns {
            if let column {
                let utf8 = Array(column.utf8)
                bytes += Array("+\(utf8.count):".utf8) + utf8
            } else {
                bytes += Array("-".utf8)
            }
            bytes.append(0x0A)
        }
        return SHA256.hash(data: bytes).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
