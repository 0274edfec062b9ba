import CabinetModel
import CabinetStore
import TerminalKit
import CabinetUI
import Foundation

/// Computes the effectiveness figures off the terminal's thread: over a large history they take
/// a second or more, and the board must keep painting and answering keys meanwhile. One
/// computation runs at a time; requests made during it are coalesced into the latest, and the
/// answers wait here until the loop takes them on its next event. Each period is answered twice:
/// first without the deployments (the panel's first page, sooner), then whole (its DORA page).
final class BackgroundFigures: @unchecked Sendable {
    private let store: any Store
    private let lock = NSLock()
    /// The period being computed, if any.
    private var running: Period?
    private var pending: Period?
    private var answers: [Msg] = []

    init(store: any Store) {
        self.store = store
    }

    /// Starts computing the figures of `period`, or queues it behind the computation under way
    /// (unless that one is for the same period).
    func request(_ period: Period) {
        let idle = lock.withLock {
            guard let current = running else {
                running = period
                return true
            }
            if current != period { pending = period }
            return false
        }
        guard idle else { return }
        Thread.detachNewThread { [self] in
            var next: Period? = period
            while let current = next {
                // The panel's first page first: the deployments (DORA's page) read many more rows.
                for deployments in [false, true] {
                    let answer: Msg
                    do throws(CabinetError) {
                        answer = .figuresLoaded(try store.figures(for: current, deployments: deployments))
                    } catch {
                        answer = .failed(error.description)
                    }
                    lock.withLock { answers.append(answer) }
                    if case .failed = answer { break }
                }
                next = lock.withLock {
                    defer { pending = nil }
                    running = pending
                    return pending
                }
            }
        }
    }

    /// Whether a computation is under way or its answer not yet taken.
    var isBusy: Bool { lock.withLock { running != nil || !answers.isEmpty } }

    /// The answers that arrived since the last call, oldest first.
    func take() -> [Msg] {
        lock.withLock {
            defer { answers = [] }
            return answers
        }
    }
}
