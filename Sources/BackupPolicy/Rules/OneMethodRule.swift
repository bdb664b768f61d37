/// `one-method` (article): an account has at most one backup method, a phone number or an
/// email address, never both.
public struct OneMethodRule: PolicyRule {
    public let id = PolicyRuleID.oneMethod
    public init() {}

    public func check(_ action: PolicyAction, on account: AccountState, normaliser: ContactNormaliser) -> RuleDecision? {
        guard let contact = action.backupContact else { return nil }
        return violation(contact, normaliser: normaliser, subject: "the step gives")
    }

    public func check(starting: StartingAccount, normaliser: ContactNormaliser) -> RuleDecision? {
        guard let contact = starting.backup else { return nil }
        return violation(contact, normaliser: normaliser, subject: "the starting backup has")
    }

    private func violation(_ contact: BackupContact, normaliser: ContactNormaliser, subject: String) -> RuleDecision? {
        guard let phone = contact.phone, let email = contact.email else { return nil }
        return reject(
            "\(subject) both a phone \(normaliser.display(phone: phone)) and an email \(normaliser.display(email: email)); a backup method is one or the other"
        )
    }
}
