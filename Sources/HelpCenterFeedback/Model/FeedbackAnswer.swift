/// A reader's answer to "Did this answer your question?", as the widget sends it.
public enum FeedbackAnswer: String, Sendable, Hashable, CaseIterable, Codable {
    case no
    case partly
    case yes

    /// The button's label, for reports.
    public var label: String {
        switch self {
        case .no: "No"
        case .partly: "Partly"
        case .yes: "Yes"
        }
    }
}
