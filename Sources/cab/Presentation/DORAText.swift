import CabinetModel
import TerminalKit

/// The report's sections on DORA by route and on emergencies' post-implementation reviews.
enum DORAText {
    static func lines(_ figures: Figures) -> [String] {
        let dora = figures.dora
        var table = TextTable(header: ["route", "deployed", "est.", "fail rate", "lead→deploy", "lead→approve", "per week", "incidents", "restore", "open"],
                              rightAligned: Set(1...9))
        for row in dora.routes {
            table.add([row.route.rawValue, "\(row.deployed)", "\(row.estimatedDeployments)", FigureText.percent(row.changeFailureRate),
                       FigureText.hours(row.leadTimeToDeployment.medianHours), FigureText.hours(row.leadTimeToApproval.medianHours),
                       String(format: "%.1f", row.deploymentsPerWeek), "\(row.incidents)", FigureText.hours(row.timeToRestore.medianHours),
                       "\(row.unresolvedIncidents)"])
        }
        var lines = ["", "DORA by route (changes deployed in the period; lead times and restore are medians)", table.rendered]
        if let answer = dora.boardAgainstPeer { lines += ["  " + answer.failureAnswer, "  " + answer.leadTimeAnswer] }
        let reviews = figures.emergencyReviews
        lines += ["", "Emergencies deployed \(reviews.deployed)\(reviews.estimated > 0 ? " (\(reviews.estimated) estimated)" : ""): "
                  + "\(reviews.reviewed) reviewed (\(reviews.accepted) accepted, \(reviews.followUpRequired) follow-up required), \(reviews.awaiting) awaiting review"]
        return lines
    }
}
