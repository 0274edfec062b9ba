import CabinetModel
import TerminalKit

/// What automation found about a change (`ChangeAssessment`), as the board shows it: the queue's
/// score and CFM marks (conflict, freeze, mandatory review), a one-line summary for the card and
/// the queue's details, and the card's full account in the words of `cab change show`.
enum AssessmentText {
    /// Conflicts named in full in the card's details; the others are counted. A busy window can
    /// collide with hundreds of changes, and their sentences are only made for those shown.
    static let namedConflicts = 3

    /// "31.0%", in the `bad` role over the threshold; a dash without an assessment.
    static func score(_ assessment: ChangeAssessment?, glyphs: Glyphs) -> TextRun {
        guard let risk = assessment?.risk else { return TextRun(glyphs.dash, .dim) }
        return TextRun(FigureText.percent(risk.probability), risk.isOverThreshold ? .bad : .normal)
    }

    /// The CFM marks, one column each: a conflict, a freeze, a mandatory review; a space for none.
    static func marks(_ assessment: ChangeAssessment?, glyphs: Glyphs) -> [TextRun] {
        [
            mark(assessment.map { !$0.conflicts.isEmpty } ?? false, glyphs.conflict, .bad),
            mark(assessment.map { !$0.freezes.isEmpty } ?? false, glyphs.freeze, .warn),
            mark(assessment.map { !$0.mandatoryReview.isEmpty } ?? false, glyphs.review, .warn),
        ]
    }

    /// One line: the score against the threshold, then each flag in a few words
    /// ("⚠ conflicts with CHG-0001044 and 2 more · ❄ in freeze FRZ-1 (release freeze)").
    static func compact(_ assessment: ChangeAssessment, glyphs: Glyphs) -> [TextRun] {
        let risk = assessment.risk
        let versus = risk.isOverThreshold ? "over the \(FigureText.percent(risk.threshold)) threshold: risk review"
            : "threshold \(FigureText.percent(risk.threshold))"
        var parts = [TextRun("risk score \(FigureText.percent(risk.probability)) (\(versus))", risk.isOverThreshold ? .bad : .normal)]
        if let first = assessment.conflicts.first {
            let more = assessment.conflicts.count - 1
            parts.append(TextRun("\(glyphs.conflict) conflicts with \(first.other)" + (more > 0 ? " and \(more) more" : ""), .bad))
        }
        if let freeze = assessment.freezes.first {
            let text = assessment.freezes.count == 1 ? "in freeze \(freeze.id) (\(freeze.reason))"
                : "in freezes " + assessment.freezes.map(\.id).joined(separator: ", ")
            parts.append(TextRun("\(glyphs.freeze) \(text)", .warn))
        }
        if !assessment.mandatoryReview.isEmpty {
            parts.append(TextRun("\(glyphs.review) mandatory review: " + assessment.mandatoryReview.map(\.rawValue).joined(separator: ", "), .warn))
        }
        return parts.enumerated().flatMap { index, part in index == 0 ? [part] : [TextRun(" \(glyphs.dot) ", .dim), part] }
    }

    /// The sentence of `cab impact`: "This change affects: …. Last incident involving these services: 14 days ago."
    static func impact(_ assessment: ChangeAssessment, now: Timestamp) -> String {
        assessment.impact.sentence(lastIncident: assessment.lastIncident, now: now)
    }

    /// The card's details, one paragraph a line as `cab change show` prints them, but for the
    /// impact sentence (the card's blast radius box has it): the teams, the score with its
    /// parts, and every flag (conflicts beyond `namedConflicts` counted on a last line).
    static func details(_ assessment: ChangeAssessment, now: Timestamp) -> String {
        var named = assessment
        named.conflicts = Array(assessment.conflicts.prefix(namedConflicts))
        let impact = impact(assessment, now: now)
        var lines = RiskSummary.lines(named, now: now).filter { !$0.hasSuffix(impact) }
        let unnamed = assessment.conflicts.count - named.conflicts.count
        if unnamed > 0 { lines.append("and \(unnamed) more conflict\(unnamed == 1 ? "" : "s") (cab change show lists them all)") }
        return lines.joined(separator: "\n")
    }

    private static func mark(_ raised: Bool, _ glyph: String, _ role: StyleRole) -> TextRun {
        raised ? TextRun(glyph, role) : TextRun(" ", .normal)
    }
}
