import Dispatch
import Foundation

/// SIGINT and SIGTERM (Ctrl-C, a CI job's cancellation) taken over while a command has
/// something to clean up: on either, `cleanUp` runs on a global queue, then the program exits
/// with 128 + the signal's number (130, 143), the status a shell reports for a process the
/// signal ended. ``cancel()`` gives the signals their default action back (a signal the program
/// started with ignored, as a background job's SIGINT, is not ignored again). One per process:
/// libdispatch installs its own handler once per process, so a second instance, made after the
/// first set the default action back, would not get the signal. A command (one per process)
/// makes one; the in-process tests make many but send no signals.
final class InterruptSignals {
    private let sources: [DispatchSourceSignal]

    init(cleanUp: @escaping @Sendable (_ signal: Int32) -> Void) {
        sources = [SIGINT, SIGTERM].map { signalNumber in
            // A dispatch source sees a signal only once its default action is off.
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                cleanUp(signalNumber)
                exit(128 + signalNumber)
            }
            source.resume()
            return source
        }
    }

    func cancel() {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
