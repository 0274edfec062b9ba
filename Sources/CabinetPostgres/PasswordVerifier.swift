import CabinetKit
import Crypto
import Foundation

/// A password as PostgreSQL stores it (a SCRAM-SHA-256 verifier, RFC 5802 and 7677), computed
/// here so the password itself never reaches the server, where statement logs would keep it.
enum PasswordVerifier {
    static let iterations = 4096

    /// `SCRAM-SHA-256$4096:salt$StoredKey:ServerKey`, all base64. PostgreSQL prepares non-ASCII
    /// passwords (SASLprep) before hashing; this does not, so it takes printable ASCII only.
    static func scram(_ password: String, salt: [UInt8] = randomSalt()) throws(CabinetError) -> String {
        guard !password.isEmpty, password.unicodeScalars.allSatisfy({ (0x20...0x7E).contains($0.value) }) else {
            throw .invalidArgument(name: "password", problem: "use printable ASCII characters (letters, digits, punctuation)")
        }
        let key = SymmetricKey(data: Data(password.utf8))
        var block = Data(HMAC<SHA256>.authenticationCode(for: salt + [0, 0, 0, 1], using: key))
        var salted = block
        for _ in 1..<iterations {
            block = Data(HMAC<SHA256>.authenticationCode(for: block, using: key))
            for index in salted.indices { salted[index] ^= block[index] }
        }
        let saltedKey = SymmetricKey(data: salted)
        let clientKey = Data(HMAC<SHA256>.authenticationCode(for: Data("Client Key".utf8), using: saltedKey))
        let storedKey = Data(SHA256.hash(data: clientKey))
        let serverKey = Data(HMAC<SHA256>.authenticationCode(for: Data("Server Key".utf8), using: saltedKey))
        return "SCRAM-SHA-256$\(iterations):\(Data(salt).base64EncodedString())$\(storedKey.base64EncodedString()):\(serverKey.base64EncodedString())"
    }

    static func randomSalt() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }
}
