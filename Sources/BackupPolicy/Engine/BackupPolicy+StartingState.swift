/// The policy's verdict on a scenario's starting state.
public struct StartingStateReview: Sendable, Hashable {
    /// The account to replay from; `nil` when the starting state breaks a rule or is impossible.
    public var account: AccountState?
    /// The first rule, in precedence order, that the starting state breaks: a `given`
    /// breaking several rules is reported once, under the first of them.
    public var violation: RuleDecision?
    /// Values the policy can't judge (a malformed account phone or email).
    public var problems: [InvalidPolicyInput]
}

extension BackupPolicy {
    /// Vets a starting state: it must itself obey the policy (a backup with both a phone
    /// and an email, equal to an account identifier, malformed, or on an `other` login is
    /// a violation of that rule; only the first broken rule in precedence order is given),
    /// and the account's own identifiers must be well-formed (problems, which the checker
    /// reports as scenario errors; the rules are judged as well, so one run shows both).
    public func start(from starting: StartingAccount) -> StartingStateReview {
        let normaliser = self.normaliser
        var problems: [InvalidPolicyInput] = []
        let account = starting.account
        if let email = account.email, case .invalid(let reason) = normaliser.email.normalise(email) {
            problems.append(InvalidPolicyInput("the account email '\(email)' is not a valid address: \(reason)", field: .email))
        }
        if let phone = account.phone, case .invalid(let attempt) = normaliser.phone.normalise(phone) {
            problems.append(InvalidPolicyInput("the account phone '\(phone)' is not a valid number (it normalises to '\(attempt)')", field: .phone))
        }
        if let twoFactor = account.twoFactor, let phone = twoFactor.phone,
            case .invalid(let attempt) = normaliser.phone.normalise(phone)
        {
            problems.append(InvalidPolicyInput("the 2FA phone '\(phone)' is not a valid number (it normalises to '\(attempt)')", field: .twoFactor))
        }
        if let backup = starting.backup, backup.phone == nil, backup.email == nil {
            problems.append(InvalidPolicyInput("the starting backup names neither a phone nor an email", field: .backup))
        }
        let violation = rules.lazy.compactMap { $0.check(starting: starting, normaliser: normaliser) }.first
        guard problems.isEmpty, violation == nil else {
            return StartingStateReview(account: nil, violation: violation, problems: problems)
        }
        var vetted = account
        vetted.twoFactor = account.twoFactor?.trimmed
        vetted.backup = starting.backup?.singleMethod?.trimmed
        vetted.email = account.email?.trimmingSurroundingWhitespace()
        vetted.phone = account.phone?.trimmingSurroundingWhitespace()
        return StartingStateReview(account: vetted, violation: nil, problems: [])
    }
}
