import CabinetModel
import TerminalKit

/// The panel's second page (`o`): DORA's measures by route over the changes deployed in the
/// period, the answer to "do board-approved changes fail less than peer-reviewed ones, and what
/// does the board cost in lead time?", and the emergencies with their post-implementation reviews.
enum PanelDORAView {
    static func draw(_ state: AppState, into buffer: inout CellBuffer, glyphs: Glyphs) {
        let body = BoardLayout.body(height: buffer.height)
        let width = buffer.width - 2
        let shown = state.panel.figures?.period ?? state.panel.period.period(at: state.now)
        let title = PanelView.title(state.panel.period, shown: shown, glyphs: glyphs).replacing("Effectiveness", with: "DORA by route")
        buffer.write(title, x: 1, y: body.lowerBound, role: .title, fitting: width, marker: glyphs.more)
        guard let figures = state.panel.figures, !figures.deploymentsPending else {
            buffer.write("computing the figures\(glyphs.more)", x: 1, y: body.lowerBound + 2, role: .dim, fitting: width, marker: glyphs.more)
            return
        }
        var y = body.lowerBound + 1
        for (text, role) in answers(figures) where y < body.upperBound {
            let lines = TextWrap.wrap(text, width: width, maxLines: max(1, body.upperBound - y), marker: glyphs.more)
            for line in lines where y < body.upperBound {
                buffer.write(line, x: 1, y: y, role: role, maxWidth: width)
                y += 1
            }
        }
        y += 1
        let table = routeTable(figures.dora, glyphs: glyphs)
        table.draw(x: 1, y: y, width: width, height: min(Route.allCases.count + 1, max(0, body.upperBound - y)), into: &buffer, glyphs: glyphs)
        y += Route.allCases.count + 2
        if y < body.upperBound {
            buffer.write("deployed: deployedAt, else the window start of a change in implement, review or closed (est.); lead times, restore: medians",
                         x: 1, y: y, role: .dim, fitting: width, marker: glyphs.more)
        }
    }

    /// What each figure of the DORA page counts, for the help overlay over it (README, "DORA by route").
    static let legend = [
        "Deployed      changes whose deployment is in the period: deployedAt, else (est.)",
        "              the window start of a change in implement, review or closed",
        "Failure rate  of deployed, those linked to at least one incident",
        "Lead times    submission to deployment (0 if recorded before) and, apart,",
        "              submission to first approval of the same deployments; medians",
        "Per week      deployed over the period's length in weeks",
        "Restore       resolvedAt - openedAt of the deployments' resolved incidents",
        "Safety        board vs peer failure rates, Newcombe 95% interval on the",
        "              difference; compared from \(BoardAgainstPeer.minimumDeployments) deployments on each route",
        "Emergencies   deployed in the period; reviewed (PIR recorded) or awaiting",
    ]

    /// The board against peer review, then the emergencies and their reviews, each with its colour.
    static func answers(_ figures: Figures) -> [(String, StyleRole)] {
        var lines: [(String, StyleRole)] = []
        if let answer = figures.dora.boardAgainstPeer {
            let role: StyleRole = switch answer.safety {
            case .failsLess: .good
            case .failsMore, .noDifference: .bad
            case .tooFew: .dim
            }
            lines.append(("Safety: " + answer.failureAnswer, role))
            lines.append(("Lead time: " + answer.leadTimeAnswer, (answer.extraMedianLeadHours ?? 0) > 0 ? .warn : .normal))
        }
        let reviews = figures.emergencyReviews
        let estimated = reviews.estimated > 0 ? " (\(reviews.estimated) estimated)" : ""
        lines.append(("Emergencies: \(reviews.deployed) deployed\(estimated), \(reviews.reviewed) reviewed (\(reviews.accepted) accepted, "
                      + "\(reviews.followUpRequired) follow-up required), \(reviews.awaiting) awaiting review", reviews.awaiting > 0 ? .warn : .normal))
        return lines
    }

    private static func routeTable(_ dora: DORAFigures, glyphs: Glyphs) -> PanelTable {
        let hours = { (value: Double?) in value.map { FigureText.hours($0) } ?? glyphs.dash }
        let rows = dora.routes.map { route -> [PanelTable.Entry] in
            [
                PanelTable.Entry(text: route.route.rawValue, role: route.route == .cab ? .title : .normal),
                PanelTable.Entry(text: "\(route.deployed)"),
                PanelTable.Entry(text: route.changeFailureRate.map { FigureText.percent($0) } ?? glyphs.dash),
                PanelTable.Entry(text: hours(route.leadTimeToDeployment.medianHours)),
                PanelTable.Entry(text: hours(route.leadTimeToApproval.medianHours)),
                PanelTable.Entry(text: hours(route.timeToRestore.medianHours)),
                PanelTable.Entry(text: String(format: "%.1f", route.deploymentsPerWeek)),
                PanelTable.Entry(text: "\(route.estimatedDeployments)"),
                PanelTable.Entry(text: "\(route.unresolvedIncidents)"),
            ]
        }
        return PanelTable(columns: [
            PanelTable.Column(heading: "route", rightAligned: false), PanelTable.Column(heading: "deployed"),
            PanelTable.Column(heading: "fail rate"), PanelTable.Column(heading: "lead deploy"), PanelTable.Column(heading: "lead approve"),
            PanelTable.Column(heading: "restore"), PanelTable.Column(heading: "per week"), PanelTable.Column(heading: "est."),
            PanelTable.Column(heading: "unresolved"),
        ], rows: rows)
    }
}
