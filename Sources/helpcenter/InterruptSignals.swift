import Dispatch
import Foundation

/// SIGINT and SIGTERM (Ctrl-C, a CI job's cancellation) taken over while a command has
/// something to clean up: on either, `cleanUp` runs on a global queue, then the program exits
/// with 128 + the signal's number (130, 143), the status a shell reports for a process the
/// signal ended. ``cancel()`` gives the signals back the action they had before.
final class InterruptSignals {
    private let sources: [DispatchSourceSignal]
    private let previous: [(signal: Int32, action: sighandler_t?)]

    init(cleanUp: @escaping @Sendable (_ signal: Int32) -> Void) {
        var sources: [DispatchSourceSignal] = []
        var previous: [(signal: Int32, action: sighandler_t?)] = []
        for signalNumber in [SIGINT, SIGTERM] {
            // A dispatch source sees a signal only once its default action is off.
            previous.append((signalNumber, signal(signalNumber, SIG_IGN)))
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                cleanUp(signalNumber)
                exit(128 + signalNumber)
            }
            source.resume()
            sources.append(source)
        }
        self.sources = sources
        self.previous = previous
    }

    func cancel() {
        for source in sources { source.cancel() }
        for (signalNumber, action) in previous { signal(signalNumber, action ?? SIG_DFL) }
    }
}
