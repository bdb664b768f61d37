import Foundation

/// The time votes are stamped with, in milliseconds since 1970-01-01 UTC.
public enum FeedbackClock {
    public static func nowMilliseconds() -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1000).rounded())
    }
}
