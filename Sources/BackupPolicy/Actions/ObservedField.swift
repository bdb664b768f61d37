/// The result fields that some actions produce besides their outcome.
public enum ObservedFieldName: String, Sendable, Hashable, CaseIterable, Comparable {
    case prompt
    case banner
    case page
    case message

    /// The values this field can take (`none`, meaning absent, is not listed).
    public var values: [ObservedValue] {
        switch self {
        case .prompt: [.setUpBackupMethodPrompt]
        case .banner: [.shown, .hidden]
        case .page: [.setUpABackupMethodPage, .selectABackupMethodPage]
        case .message: [.noBackupMethod, .codeSent]
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A value of an observed result field, spelt as scenario files spell it.
public enum ObservedValue: String, Sendable, Hashable, CaseIterable {
    case setUpBackupMethodPrompt = "set-up-backup-method"
    case shown
    case hidden
    case setUpABackupMethodPage = "set-up-a-backup-method"
    case selectABackupMethodPage = "select-a-backup-method"
    case noBackupMethod = "no-backup-method"
    case codeSent = "code-sent"
}

/// One observed field of a step's result, with the rule that decided it (if a rule did)
/// and why, so that reports and coverage can say which rule produced it. A `nil` value
/// is `none`: a rule deciding that, say, no prompt appears still records itself.
public struct ObservedField: Sendable, Hashable, CustomStringConvertible {
    public var name: ObservedFieldName
    public var value: ObservedValue?
    public var decidedBy: PolicyRuleID?
    public var explanation: String

    /// `name: value`, with `none` for an absent value.
    public var description: String { "\(name.rawValue): \(value?.rawValue ?? "none")" }

    public init(_ name: ObservedFieldName, _ value: ObservedValue?, decidedBy: PolicyRuleID? = nil, explanation: String) {
        self.name = name
        self.value = value
        self.decidedBy = decidedBy
        self.explanation = explanation
    }
}
