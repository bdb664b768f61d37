import CProcessSignals
import Dispatch
import Foundation

/// SIGINT and SIGTERM (Ctrl-C, a CI job's cancellation) taken over while a command has
/// something to clean up: on either, `cleanUp` runs on a global queue, then the program exits
/// with 128 + the signal's number (130, 143), the status a shell reports for a process the
/// signal ended. ``cancel()`` gives the signals their default action back.
///
/// A signal the program was started with ignored is left alone, as POSIX asks: a script's
/// background job (`helpcenter build &`) starts with SIGINT ignored, so a Ctrl-C meant for the
/// script does not stop it, and a supervisor or `trap '' TERM` may ignore SIGTERM the same way.
/// (`nohup` ignores SIGHUP, which the program does not take.) "At start" is when the instance
/// is made, which is once per command, before anything else sets the signal's action.
///
/// One per process: libdispatch installs its own handler once per process, so a second
/// instance, made after the first set the default action back, would not get the signal. A
/// command (one per process) makes one; the in-process tests make many but send no signals.
final class InterruptSignals {
    private let sources: [DispatchSourceSignal]
    /// The signals taken over: those not ignored when this instance was made.
    let handledSignals: [Int32]

    init(cleanUp: @escaping @Sendable (_ signal: Int32) -> Void) {
        handledSignals = [SIGINT, SIGTERM].filter { helpcenter_signal_is_ignored($0) == 0 }
        sources = handledSignals.map { signalNumber in
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
        for signalNumber in handledSignals { signal(signalNumber, SIG_DFL) }
    }
}
