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
}

#if canImport(Glibc)
private let openFilesResource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
#else
private let openFilesResource = RLIMIT_NOFILE
#endif
