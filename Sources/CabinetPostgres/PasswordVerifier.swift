import CabinetModel
import CabinetStore
import Crypto
import CryptoExtras
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
        let saltedKey = try saltedPassword(password, salt: salt)
        let clientKey = Data(HMAC<SHA256>.authenticationCode(for: Data("Client Key".utf8), using: saltedKey))
        let storedKey = Data(SHA256.hash(data: clientKey))
        let serverKey = Data(HMAC<SHA256>.authenticationCode(for: Data("Server Key".utf8), using: saltedKey))
        return "SCRAM-SHA-256$\(iterations):\(Data(salt).base64EncodedString())$\(storedKey.base64EncodedString()):\(serverKey.base64EncodedString())"
    }

    /// SaltedPassword of RFC 5802: PBKDF2 with HMAC-SHA-256 over `iterations` rounds, 32 bytes.
    /// SCRAM fixes the rounds PostgreSQL expects (4096), below the library's checked minimum.
    static func saltedPassword(_ password: String, salt: [UInt8]) throws(CabinetError) -> SymmetricKey {
        do {
            return try KDF.Insecure.PBKDF2.deriveKey(from: Data(password.utf8), salt: salt, using: .sha256,
                                                     outputByteCount: SHA256.byteCount, unsafeUncheckedRounds: iterations)
        } catch {
            throw .refused("the password could not be hashed: \(error)")
        }
    }

    static func randomSalt() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }
}
