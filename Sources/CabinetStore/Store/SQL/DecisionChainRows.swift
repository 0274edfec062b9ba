import CabinetModel
/// The decision chain as rows: the last link a new decision follows, the chain filled in for
/// decisions recorded before it existed, and the audit that walks it.
enum DecisionChainRows {
    /// The last decision's place in the chain (the start for an empty log).
    static func last(_ db: some SQLDatabase) throws -> DecisionChain.Link {
        try db.firstRow("SELECT seq, chain_hash FROM decisions ORDER BY seq DESC LIMIT 1") {
            DecisionChain.Link(sequence: try $0.integer(0), hash: try $0.text(1))
        } ?? .start
    }

    /// How many decisions the chain holds and its last hash.
    static func head(_ db: some SQLDatabase) throws -> DecisionChain.Head {
        let last = try last(db)
        return DecisionChain.Head(count: Int(try db.integer("SELECT COUNT(*) FROM decisions") ?? 0), hash: last.hash)
    }

    /// Links every decision, in `seq` order, as if each had been hashed when recorded: the step
    /// of the migration (v5) that brought the chain to a store that already held decisions, under
    /// rule 1 and its columns, as that step always did.
    static func fill(_ db: some SQLDatabase) throws {
        var link = DecisionChain.Link.start
        while true {
            let batch = try db.namedRows(
                "SELECT seq, \(DecisionRows.ruleOneColumns), NULL AS risk_score FROM decisions WHERE seq > ? ORDER BY seq LIMIT 5000",
                [.integer(link.sequence)]
            ) { row in (sequence: try row.integer("seq"), decision: try DecisionRows.decision(from: row)) }
            guard !batch.isEmpty else { return }
            for (sequence, decision) in batch {
                guard let hash = DecisionChain.link(decision, previous: link.hash, rule: DecisionChain.firstRule) else { continue }
                try db.execute("UPDATE decisions SET chain_rule = ?, chain_previous = ?, chain_hash = ? WHERE seq = ?",
                               [.integer(Int64(DecisionChain.firstRule)), .text(link.hash), .text(hash), .integer(sequence)])
                link = DecisionChain.Link(sequence: sequence, hash: hash)
            }
        }
    }

    /// Walks the chain from the first decision: the first link that does not hold, if any, and
    /// whether the chain passes through `expected`.
    static func audit(_ db: some SQLDatabase, expecting expected: String?) throws -> ChainAudit {
        var previous = DecisionChain.genesis, last = DecisionChain.genesis
        var count = 0
        var firstBreak: ChainAudit.Break?
        var passes = expected == nil || expected == DecisionChain.genesis
        let sql = "SELECT seq, chain_rule, chain_previous, chain_hash, \(DecisionRows.columns) FROM decisions ORDER BY seq"
        try db.forEachNamedRowOfLargeResult(sql) { row in
            count += 1
            let stored = try row.optionalText("chain_hash")
            if let stored { last = stored }
            if stored != nil, stored == expected { passes = true }
            guard firstBreak == nil else { return }
            let decision = try DecisionRows.decision(from: row)
            let place = ChainAudit.Break(position: count, decision: decision.id, change: decision.change, problem: .altered)
            guard let rule = try row.optionalInt("chain_rule"), let stored else {
                firstBreak = place.with(.unlinked)
                return
            }
            let linkedTo = try row.optionalText("chain_previous")
            guard let hash = DecisionChain.link(decision, previous: linkedTo ?? "", rule: rule) else {
                firstBreak = place.with(.unknownRule(rule))
                return
            }
            if linkedTo != previous {
                firstBreak = place.with(.doesNotFollow)
            } else if hash != stored {
                firstBreak = place
            }
            previous = stored
        }
        return ChainAudit(head: DecisionChain.Head(count: count, hash: last), firstBreak: firstBreak, expected: expected,
                          passesThroughExpected: expected == nil ? nil : passes)
    }
}
