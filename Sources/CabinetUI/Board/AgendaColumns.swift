import CabinetModel
import TerminalKit
/// The queue table's columns, and which of them fit a width: the more important kept first,
/// extra room going to the title, then to the others up to their natural width.
enum AgendaColumn: CaseIterable, Hashable {
    case number, id, title, owner, category, risk, score, flags, route, strategy, readiness, window, used, decision

    var heading: String {
        switch self {
        case .number: "#"
        case .id: "id"
        case .title: "title"
        case .owner: "owner"
        case .category: "category"
        case .risk: "risk"
        case .score: "score"
        case .flags: "CFM"
        case .route: "route"
        case .strategy: "strategy"
        case .readiness: "BRVW"
        case .window: "window"
        case .used: "used"
        case .decision: "status"
        }
    }

    /// What the queue's terse headings mean, for the help overlay.
    static func legend(glyphs: Glyphs) -> [String] {
        [
            "score  risk score: the probability that an incident follows",
            "CFM    \(glyphs.conflict) conflict with another change, \(glyphs.freeze) window in a freeze, \(glyphs.review) mandatory review",
            "BRVW   blast radius, rollback plan, verification, window: \(glyphs.check) articulated, \(glyphs.cross) not",
        ]
    }

    /// Columns in the order they are given room; the last ones are dropped first on a narrow
    /// screen. All of them fit from 140 columns on.
    static let byImportance: [AgendaColumn] = [
        .id, .title, .readiness, .decision, .used, .flags, .score, .number, .risk, .owner, .strategy, .window, .category, .route,
    ]

    var minimumWidth: Int {
        switch self {
        case .number: 2
        case .id: 8
        case .title: 18
        case .owner: 8
        case .category: 9
        case .risk: 6
        case .score: 5
        case .flags: 3
        case .route: 5
        case .strategy: 16
        case .readiness: 4
        case .window: 11
        case .used: 5
        case .decision: 12
        }
    }

    /// The tables of a 120- and a 140-column screen (less their two margin columns).
    static let wideTable = 118
    static let everyColumnTable = 138

    var rightAligned: Bool { self == .number || self == .used || self == .score }

    /// The columns that fit `width` with one space between them, in display order, and their widths.
    /// `natural` is each column's widest content. The id is never cut, and the title claims a
    /// fifth of the width (on a 120- to 139-column screen, where some columns are left out anyway,
    /// 40 columns) before the less important columns come in.
    static func fit(width: Int, natural: [AgendaColumn: Int]) -> [(column: AgendaColumn, width: Int)] {
        let titleClaim = (wideTable..<everyColumnTable).contains(width) ? 40 : width / 5
        func minimum(_ column: AgendaColumn) -> Int {
            switch column {
            case .id: max(column.minimumWidth, min(natural[.id] ?? 0, 16))
            case .title: min(max(column.minimumWidth, titleClaim), max(column.minimumWidth, natural[.title] ?? 0))
            default: column.minimumWidth
            }
        }
        var chosen: [AgendaColumn: Int] = [:]
        var used = -1
        for column in byImportance {
            let cost = minimum(column) + 1
            if used + cost <= width {
                chosen[column] = minimum(column)
                used += cost
            }
        }
        var room = width - used
        let titleShare = max(0, room / 2)
        let titleGrowth = min(titleShare, max(0, (natural[.title] ?? 0) - (chosen[.title] ?? 0)))
        chosen[.title]? += titleGrowth
        room -= titleGrowth
        for column in byImportance where column != .title {
            guard let current = chosen[column] else { continue }
            let growth = min(room, max(0, (natural[column] ?? 0) - current))
            chosen[column] = current + growth
            room -= growth
        }
        if chosen[.title] != nil { chosen[.title]? += room }
        return allCases.compactMap { column in chosen[column].map { (column, $0) } }
    }
}
