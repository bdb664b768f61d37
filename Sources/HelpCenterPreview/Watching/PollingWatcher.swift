import Foundation
import HelpCenterInputFiles
import HelpCenterSite
import Synchronization

/// Watches the inputs by scanning them (modification time and size of every file) at a fixed
/// interval: the fallback where inotify is unavailable, and `--poll`.
public final class PollingWatcher: InputWatcher, Sendable {
    private struct Stamp: Equatable {
        var modified: Date
        var size: Int
    }

    private let classifier: InputChangeClassifier
    private let interval: TimeInterval
    private let stopped = Atomic(false)
    /// Signalled by `stop()`, so that a scan waiting for its interval ends at once.
    private let wakeUp = DispatchSemaphore(value: 0)

    public init(inputs: [WatchedInput], interval: TimeInterval = 0.5) {
        classifier = InputChangeClassifier(inputs)
        self.interval = interval
    }

    public func start(_ report: @escaping @Sendable (InputWatchEvent) -> Void) throws {
        let initial = scan()
        let thread = Thread { [self] in
            var previous = initial
            while self.waitForNextScan() {
                let current = self.scan()
                var changes: Set<SiteInputChange> = []
                for (path, stamp) in current where previous[path] != stamp {
                    if let change = self.classifier.change(forAbsolutePath: path) { changes.insert(change) }
                }
                for path in previous.keys where current[path] == nil {
                    if let change = self.classifier.change(forAbsolutePath: path) { changes.insert(change) }
                }
                previous = current
                if !changes.isEmpty { report(.changed(changes)) }
            }
        }
        thread.name = "helpcenter-poll"
        thread.start()
    }

    public func stop() {
        stopped.store(true, ordering: .releasing)
        wakeUp.signal()
    }

    /// Sleeps for one interval; false once stopped.
    private func waitForNextScan() -> Bool {
        if stopped.load(ordering: .acquiring) { return false }
        _ = wakeUp.wait(timeout: .now() + interval)
        return !stopped.load(ordering: .acquiring)
    }

    private func scan() -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        let fileManager = FileManager.default
        for input in classifier.inputs {
            if input.kind == .file {
                if let stamp = Self.stamp(input.location.path, fileManager) { stamps[input.location.path] = stamp }
                continue
            }
            guard let enumerator = fileManager.enumerator(atPath: input.location.path) else { continue }
            while let relative = enumerator.nextObject() as? String {
                let path = input.location.path + "/" + relative
                if let stamp = Self.stamp(path, fileManager) { stamps[path] = stamp }
            }
        }
        return stamps
    }

    /// A file's modification time and size; for a symbolic link, those of the file it leads to,
    /// with the link's own time when later (a link made or pointed elsewhere), so that a new
    /// link and an edit through one are both changes.
    private static func stamp(_ path: String, _ fileManager: FileManager) -> Stamp? {
        guard let attributes = try? fileManager.attributesOfItem(atPath: path), let modified = attributes[.modificationDate] as? Date else {
            return nil
        }
        switch attributes[.type] as? FileAttributeType {
        case .typeRegular:
            return Stamp(modified: modified, size: (attributes[.size] as? Int) ?? 0)
        case .typeSymbolicLink:
            let target = InputBoundary.realPath(path).flatMap { try? fileManager.attributesOfItem(atPath: $0) }
            guard target?[.type] as? FileAttributeType == .typeRegular else { return Stamp(modified: modified, size: -1) }
            let targetModified = target?[.modificationDate] as? Date ?? modified
            return Stamp(modified: max(modified, targetModified), size: (target?[.size] as? Int) ?? 0)
        default:
            return nil
        }
    }
}
