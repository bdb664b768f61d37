/// `valid-contact` (derived): a backup phone number must normalise to a valid E.164
/// number; a backup email must be a valid address.
public struct ValidContactRule: PolicyRule {
    public let id = PolicyRuleID.validContact
    public init() {}

    public func check(_ action: PolicyAction, on account: AccountState, normaliser: ContactNormaliser) -> RuleDecision? {
        guard let contact = action.backupContact else { return nil }
        return violation(contact, normaliser: normaliser)
    }

    public func check(starting: StartingAccount, normaliser: ContactNormaliser) -> RuleDecision? {
        guard let contact = starting.backup else { return nil }
        return violation(contact, normaliser: normaliser)
    }

    private func violation(_ contact: BackupContact, normaliser: ContactNormaliser) -> RuleDecision? {
        if let phone = contact.phone, case .invalid(let attempt) = normaliser.phone.normalise(phone) {
            return reject("the backup phone '\(phone)' is not a valid number: it normalises to '\(attempt)', which is not E.164 (+, then 8 to 15 digits)")
        }
        if let email = contact.email, case .invalid(let reason) = normaliser.email.normalise(email) {
            return reject("the backup email '\(email)' is not a valid address: \(reason)")
        }
        return nil
    }
}
