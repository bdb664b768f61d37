import Foundation

/// Opens a URL in the user's browser with `xdg-open` (`open` on macOS) when there is one.
public enum BrowserLauncher {
    /// False when no opener could be started; never throws (a missing browser is not an error).
    @discardableResult
    public static func open(_ url: String) -> Bool {
        #if os(macOS)
        let candidates = ["/usr/bin/open"]
        #else
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        let candidates = path.split(separator: ":").map { "\($0)/xdg-open" }
        #endif
        guard let opener = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: opener)
        process.arguments = [url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
            return true
        } catch {
            return false
        }
    }
}
