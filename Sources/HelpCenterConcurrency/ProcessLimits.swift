#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the operating system lets this process hold at once.
public enum ProcessLimits {
    /// How many files (sockets included) the process may have open: the soft `RLIMIT_NOFILE`
    /// (`ulimit -n`), or 1,024 when it cannot be read or is unlimited. The servers cap their
    /// connections below it, so that a flood of connections cannot take the files that reading
    /// the site needs.
    public static var openFiles: Int {
        var limit = rlimit()
        guard getrlimit(openFilesResource, &limit) == 0, limit.rlim_cur != rlim_t.max else { return 1024 }  // rlim_t.max: RLIM_INFINITY
        return Int(clamping: limit.rlim_cur)
    }

    /// How many connections a server accepts at once: `wanted`, but 128 below the open-file
    /// limit when that is lower (and 16 at least), so that a flood of connections waits in the
    /// listen queue instead of taking the files the server itself must open. Without a cap,
    /// 20,000 idle connections to the preview used every file it may open: saves could no
    /// longer be read, and the accepting thread spun.
    public static func connectionCap(_ wanted: Int, openFileLimit: Int = openFiles) -> Int {
        max(16, min(wanted, openFileLimit - 128))
    }
}

#if canImport(Glibc)
private let openFilesResource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
#else
private let openFilesResource = RLIMIT_NOFILE
#endif
