import CabinetModel
import CabinetStore
import Crypto
import Foundation
import Testing
@testable import CabinetPostgres

/// The verifier `cab admin roles grant` stores, checked against the SCRAM-SHA-256 exchange of
/// RFC 7677 section 3 (user "user", password "pencil"): a server holding it must accept the
/// RFC's client proof and answer with the RFC's server signature.
@Suite struct PasswordVerifierTests {
    static let salt = "W22ZaJ0SNY7soEsUEjb6gQ=="
    static let nonce = "rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0"
    /// client-first-message-bare, server-first-message and client-final-message-without-proof.
    static let authMessage = "n=user,r=rOprNGfwEbeRWgbNEkqO,r=\(nonce),s=\(salt),i=4096,c=biws,r=\(nonce)"
    static let clientProof = "dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="
    static let serverSignature = "6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="

    /// StoredKey and ServerKey from `SCRAM-SHA-256$4096:salt$StoredKey:ServerKey`.
    func keys() throws -> (stored: Data, server: Data) {
        let verifier = try PasswordVerifier.scram("pencil", salt: [UInt8](try #require(Data(base64Encoded: Self.salt))))
        let parts = verifier.split(separator: "$")
        #expect(parts.count == 3 && parts[0] == "SCRAM-SHA-256" && parts[1] == "4096:\(Self.salt)")
        let keys = try #require(parts.last).split(separator: ":").map { Data(base64Encoded: String($0)) }
        return (try #require(keys.first ?? nil), try #require(keys.last ?? nil))
    }

    @Test func theServerKeySignsTheExchangeAsTheRFCDoes() throws {
        let signature = HMAC<SHA256>.authenticationCode(for: Data(Self.authMessage.utf8), using: SymmetricKey(data: try keys().server))
        #expect(Data(signature).base64EncodedString() == Self.serverSignature)
    }

    @Test func theStoredKeyAcceptsTheRFCsClientProof() throws {
        let stored = try keys().stored
        let signature = Data(HMAC<SHA256>.authenticationCode(for: Data(Self.authMessage.utf8), using: SymmetricKey(data: stored)))
        let proof = try #require(Data(base64Encoded: Self.clientProof))
        let clientKey = Data(zip(proof, signature).map { $0 ^ $1 })
        #expect(Data(SHA256.hash(data: clientKey)) == stored)
    }

    @Test func aPasswordOutsidePrintableASCIIIsRefused() {
        #expect(throws: CabinetError.self) { try PasswordVerifier.scram("pénc\u{1B}il") }
    }
}
