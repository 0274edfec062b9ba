import CabinetModel
/// The sections of an interchange document with their readers, in the order an import takes them.
extension InterchangeReader {
    static var services: InterchangeSection<Service> { InterchangeSection(name: "services", read: service, held: \.services) }
    static var changes: InterchangeSection<SubmittedChange> { InterchangeSection(name: "changes", read: change, held: \.changes) }
    static var decisions: InterchangeSection<Decision> { InterchangeSection(name: "decisions", read: decision, held: \.decisions) }
    static var incidents: InterchangeSection<Incident> { InterchangeSection(name: "incidents", read: incident, held: \.incidents) }
    static var meetings: InterchangeSection<Meeting> { InterchangeSection(name: "meetings", read: meeting, held: \.meetings) }
    static var conditionsMet: InterchangeSection<MetCondition> {
        InterchangeSection(name: "conditionsMet", read: metCondition, held: \.conditionsMet)
    }
    static var freezes: InterchangeSection<FreezeRecord> { InterchangeSection(name: "freezes", read: freeze, held: \.freezes) }
    static var verifications: InterchangeSection<Verification> {
        InterchangeSection(name: "verifications", read: verification, held: \.verifications)
    }
    static var announcements: InterchangeSection<SentAnnouncement> {
        InterchangeSection(name: "announcements", read: announcement, held: \.announcements)
    }
    static var actionItems: InterchangeSection<ActionItem> { InterchangeSection(name: "actionItems", read: actionItem, held: \.actionItems) }
    static var reviews: InterchangeSection<Review> { InterchangeSection(name: "reviews", read: review, held: \.reviews) }
    static var pirs: InterchangeSection<PostImplementationReview> { InterchangeSection(name: "pirs", read: pir, held: \.pirs) }
    static var sourceLinks: InterchangeSection<SourceLink> { InterchangeSection(name: "sourceLinks", read: sourceLink, held: \.sourceLinks) }
    static var riskCalibrations: InterchangeSection<RiskCalibration> {
        InterchangeSection(name: "riskCalibrations", read: calibration, held: \.riskCalibrations)
    }
    static var roles: InterchangeSection<TeamMember> { InterchangeSection(name: "roles", read: member, held: \.roles) }

    /// How each list section's records are checked, by name, when they are only to be checked.
    static var recordCheckers: [String: (RecordFields) throws(CabinetError) -> Void] {
        func checker<Record>(_ section: InterchangeSection<Record>) -> (String, (RecordFields) throws(CabinetError) -> Void) {
            (section.name, { fields throws(CabinetError) in _ = try section.read(fields) })
        }
        return Dictionary(uniqueKeysWithValues: [
            checker(services), checker(changes), checker(decisions), checker(incidents), checker(meetings), checker(conditionsMet),
            checker(freezes), checker(verifications), checker(announcements), checker(actionItems), checker(reviews), checker(pirs),
            checker(sourceLinks), checker(riskCalibrations), checker(roles),
        ])
    }
}
