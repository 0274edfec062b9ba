import Foundation
import Testing
@testable import CabinetModel
@testable import CabinetStore

/// What a document says is read exactly or refused: no field dropped, no key overwritten, no
/// byte replaced, no digit lost, no text cut at a control character, no instant that could not
/// be written back.
@Suite struct InterchangeStrictnessTests {
    func change(_ extra: String = "", title: String = "\"Change C1\"", rollbackPlan: String = "\"redeploy\"") -> String {
        """
        {"services": [{"name": "S1", "team": "alpha"}],
         "changes": [{"id": "C1", "title": \(title), "owner": "o", "team": "alpha", "type": "normal", "category": "single-service",
                      "risk": "low", "services": ["S1"], "rollbackPlan": \(rollbackPlan), "submittedAt": "2026-11-20T00:00:00Z"\(extra)}]}
        """
    }

    func refusal(_ json: String) -> String? {
        refusal(Data(json.utf8))
    }

    func refusal(_ data: Data) -> String? {
        do { _ = try InterchangeReader.read(data, source: "d.json"); return nil } catch { return error.description }
    }

    @Test func aMisspeltFieldIsRefusedWithTheNearestKnownField() {
        #expect(refusal(change(#", "verificaton": "errors flat""#)) == "d.json: changes[0] (id C1): verificaton: unknown field (did you mean 'verification'?)")
        #expect(refusal(change(#", "rollbackMinuts": 3"#)) == "d.json: changes[0] (id C1): rollbackMinuts: unknown field (did you mean 'rollbackMinutes'?)")
        #expect(refusal(change(#", "colour": "red""#)) == "d.json: changes[0] (id C1): colour: unknown field")
        #expect(refusal(change(#", "migrationChecklist": {"backwardsCompatible": true}"#))
                == "d.json: changes[0] (id C1) migrationChecklist: backwardsCompatible: unknown field (did you mean 'backwardCompatible'?)")
        #expect(refusal(#"{"meetings": [{"date": "2026-11-20", "chair": "p", "itemMinutes": 3, "agenda": [{"change": "C1", "position": 0, "startAt": "x"}]}]}"#)
                == "d.json: meetings[0] (id 2026-11-20) agenda[0]: startAt: unknown field (did you mean 'startedAt'?)")
        #expect(refusal(#"{"chnages": []}"#)?.hasPrefix("d.json: unknown section 'chnages' (did you mean 'changes'? expected services,") == true)
    }

    @Test func aDecisionsRiskScoreIsAProbability() throws {
        let decision = { (score: String) in
            #"{"decisions": [{"id": "d1", "change": "C1", "outcome": "approved", "at": "2026-11-20T10:00:00Z", "by": "p", "riskScore": \#(score)}]}"#
        }
        #expect(refusal(decision("1.5")) == "d.json: decisions[0] (id d1): riskScore: expected a probability between 0 and 1")
        #expect(refusal(decision("\"high\"")) == "d.json: decisions[0] (id d1): riskScore: expected a number")
        // Kept in millionths, as the chain's rule 2 hashes it.
        #expect(try InterchangeReader.read(Data(decision("0.12345678").utf8), source: "d.json").decisions.first?.riskScore == 0.123457)
    }

    @Test func aRepeatedKeyIsRefusedWhereItRepeats() {
        #expect(refusal(#"{"changes": [], "changes": []}"#) == "d.json: not valid JSON (line 1, column 17: the member 'changes' appears twice in one object)")
    }

    @Test func invalidUTF8IsRefusedAtItsByte() {
        var bytes = Array(change().utf8)
        let at = bytes.firstIndex(of: UInt8(ascii: "C"))!
        bytes[at] = 0xFF
        #expect(refusal(Data(bytes))?.contains("invalid UTF-8 at byte offset \(at)") == true)
        #expect(refusal(Data([0x22, 0xC3, 0x22])) == "d.json: not valid JSON (line 1, column 2: invalid UTF-8 at byte offset 1 (save the file as UTF-8))")
        #expect(refusal(Data([0x22, 0xED, 0xA0, 0x80, 0x22]))?.contains("byte offset 1") == true)
    }

    @Test func aWholeNumberThatCannotBeHeldExactlyIsRefused() throws {
        #expect(refusal(change(#", "filesChanged": 9007199254740993"#))
                == "d.json: not valid JSON (line 3, column 133: the whole number 9007199254740993 cannot be held exactly (at most ±9007199254740992))")
        #expect(refusal(change(#", "filesChanged": 1e400"#))?.contains("the number 1e400 is too large") == true)
        #expect(try JSONParser.parse(Array("9007199254740992".utf8)) == .number(9_007_199_254_740_992))
    }

    @Test func controlCharactersAreRefusedNamingTheRecordAndField() throws {
        #expect(refusal(change(title: #""x\u0000y""#)) == "d.json: changes[0] (id C1): title: holds the control character U+0000 at character 2 (one line, no tabs)")
        #expect(refusal(change(title: #""a\tb""#)) == "d.json: changes[0] (id C1): title: holds the control character U+0009 at character 2 (one line, no tabs)")
        #expect(refusal(change(rollbackPlan: #""a\u0000""#))
                == "d.json: changes[0] (id C1): rollbackPlan: holds the control character U+0000 at character 2 (only tab and line breaks are allowed)")
        #expect(refusal(change(rollbackPlan: #""a\rb""#))?.contains("U+000D") == true)
        let document = try InterchangeReader.read(Data(change(rollbackPlan: #""1. stop\r\n2.\tstart\n""#).utf8), source: "d.json")
        #expect(document.changes.first?.change.rollbackPlan == "1. stop\n2.\tstart\n")
    }

    @Test func oversizedTextIsRefusedWithItsLimit() {
        let long = String(repeating: "é", count: 501)
        #expect(refusal(change(title: "\"\(long)\"")) == "d.json: changes[0] (id C1): title: is longer than 500 characters")
        #expect(refusal(change(title: "\"\(String(repeating: "é", count: 500))\"")) == nil)
        #expect(refusal(change(rollbackPlan: "\"\(String(repeating: "x", count: 64 * 1024 + 1))\""))
                == "d.json: changes[0] (id C1): rollbackPlan: is longer than 64 KiB (65537 bytes)")
        let clock = ContinuousClock()
        let started = clock.now
        #expect(refusal(change(title: "\"\(String(repeating: "t", count: 50_000_000))\"")) == "d.json: changes[0] (id C1): title: is longer than 500 characters")
        #expect(clock.now - started < .seconds(20))
    }

    @Test func anInstantOutsideTheYears0000To9999IsRefusedAtTheDoor() {
        #expect(refusal(change().replacingOccurrences(of: "2026-11-20T00:00:00Z", with: "0000-01-01T00:00:00+01:00"))
                == "d.json: changes[0] (id C1): submittedAt: '0000-01-01T00:00:00+01:00' falls outside the years 0000 to 9999 in UTC")
        #expect(refusal(change().replacingOccurrences(of: "2026-11-20T00:00:00Z", with: "9999-12-31T23:30:00-01:00"))?.contains("falls outside") == true)
        #expect(refusal(change().replacingOccurrences(of: "2026-11-20T00:00:00Z", with: "0000-01-01T00:00:00Z")) == nil)
    }
}
