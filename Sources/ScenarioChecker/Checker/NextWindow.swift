import Synchronization

/// One file read, replayed, tallied and prepared by a worker.
struct CheckedFile<Prepared: Sendable>: Sendable {
    var parsed: ParsedScenarioFile?
    var report: FileReport
    var tally: CoverageTally
    var shown: FileReport
    var prepared: Prepared
}

/// The next window's files, handed from the thread that checked them to the one that
/// writes them in order.
final class NextWindow<Prepared: Sendable>: Sendable {
    private let files = Mutex<[CheckedFile<Prepared>]>([])

    func store(_ checked: [CheckedFile<Prepared>]) {
        files.withLock { $0 = checked }
    }

    func take() -> [CheckedFile<Prepared>] {
        files.withLock { files in
            defer { files = [] }
            return files
        }
    }
}
