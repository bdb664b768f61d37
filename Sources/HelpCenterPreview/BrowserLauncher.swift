import Foundation
import HelpCenterInputFiles

/// Opens a URL in the user's browser with `xdg-open` (`open` on macOS) when there is one.
public enum BrowserLauncher {
    /// False when no opener could be started; never throws (a missing browser is not an error).
    @discardableResult
    public static func open(_ url: String) -> Bool {
        #if os(macOS)
        let opener: URL? = URL(fileURLWithPath: "/usr/bin/open")
        #else
        let opener = ProgramLookup.program(named: "xdg-open")
        #endif
        guard let opener else { return false }
        let process = Process()
        process.executableURL = opener
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
