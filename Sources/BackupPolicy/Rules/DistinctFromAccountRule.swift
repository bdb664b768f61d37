/// `distinct-from-account` (article): the backup phone or email must differ from those
/// already used for the Sage account (the sign-in email, the account phone, the 2FA
/// phone); the other way round, 2FA can't text or call the backup phone number.
public struct DistinctFromAccountRule: PolicyRule {
    public let id = PolicyRuleID.distinctFromAccount
    public init() {}

    public func check(_ action: PolicyAction, on account: AccountState, normaliser: ContactNormaliser) -> RuleDecision? {
        switch action {
        case .setUpBackup(let contact), .changeBackup(let contact):
            return clash(contact, with: account, normaliser: normaliser, subject: "the backup")
        case .setUpTwoFactor(let method):
            guard let phone = method.phone, case .phone(let backupPhone)? = account.backup,
                normaliser.samePhone(phone, backupPhone)
            else { return nil }
            return reject("the 2FA phone \(normaliser.display(phone: phone)) is the backup phone number; 2FA can't \(method.methodName) the backup phone")
        default:
            return nil
        }
    }

    public func check(starting: StartingAccount, normaliser: ContactNormaliser) -> RuleDecision? {
        guard let contact = starting.backup else { return nil }
        return clash(contact, with: starting.account, normaliser: normaliser, subject: "the starting backup")
    }

    private func clash(_ contact: BackupContact, with account: AccountState, normaliser: ContactNormaliser, subject: String) -> RuleDecision? {
        if let phone = contact.phone {
            if let twoFactor = account.twoFactor, normaliser.samePhone(phone, twoFactor.phone) {
                return reject("\(subject) phone \(normaliser.display(phone: phone)) is the number 2FA \(twoFactor.phoneVerb)")
            }
            if normaliser.samePhone(phone, account.phone) {
                return reject("\(subject) phone \(normaliser.display(phone: phone)) is the phone number already on the Sage account")
            }
        }
        if let email = contact.email, normaliser.sameEmail(email, account.email) {
            return reject("\(subject) email \(normaliser.display(email: email)) is the Sage account's sign-in email")
        }
        return nil
    }
}
