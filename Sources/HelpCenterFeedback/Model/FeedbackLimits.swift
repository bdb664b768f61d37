/// The collector's bounds on what it accepts (docs/feedback.md: Bad input).
public enum FeedbackLimits {
    /// The largest request body accepted, in bytes: a vote with the longest comment fits.
    public static let bodyBytes = 8 * 1024
    /// How long the body may take to arrive once the request's head has, in seconds. The idle
    /// timeout does not cover it: each part of a body read restarts it, so a client sending a
    /// byte every few seconds held its connection for ever.
    public static let bodySeconds = 10
    /// The longest comment, in Unicode code points (as the stores' CHECK and the widget's
    /// `maxlength`, which counts UTF-16 units, never more than code points, count it).
    public static let commentCharacters = 1000
    /// The longest article path.
    public static let articlePathCharacters = 512
    /// How long after a vote its comment may still be added, in milliseconds (one hour).
    public static let commentWindowMilliseconds: Int64 = 3_600_000
}
