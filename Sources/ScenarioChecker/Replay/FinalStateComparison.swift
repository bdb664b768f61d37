import BackupPolicy
import HelpCenterDiagnostics

/// Compares each `then:` field with the account after the last step, after normalisation.
struct FinalStateComparison {
    let policy: BackupPolicy
    let normaliser: ContactNormaliser
    let scenario: String

    func findings(_ checks: [FinalStateCheck], account: AccountState, lastChange: [AccountFieldName: ScenarioStep]) -> [ScenarioFinding] {
        checks.compactMap { check in
            let (matches, expected, actual, rule, reason) = compare(check.expected, account)
            guard !matches else { return nil }
            var message = "expected \(expected) at the end, but the policy gives \(actual)"
            if let field = check.accountField {
                if let step = lastChange[field] {
                    message += " (set by \(step.action.name.rawValue) at line \(step.location.line))"
                } else {
                    message += " (unchanged since the starting state)"
                }
            } else if let reason {
                message += " (\(reason))"
            }
            return .error(.mismatch, message, at: check.location, rule: rule, scenario: scenario)
        }
    }

    private typealias Comparison = (matches: Bool, expected: String, actual: String, rule: PolicyRuleID?, reason: String?)

    private func compare(_ expected: FinalStateCheck.Expected, _ account: AccountState) -> Comparison {
        func field(_ name: AccountFieldName, _ matches: Bool, _ expectedText: String) -> Comparison {
            (matches, "\(name.rawValue): \(expectedText)", "\(name.rawValue): \(account.display(name, normaliser: normaliser))", nil, nil)
        }
        switch expected {
        case .login(let login):
            return field(.login, account.login == login, login.rawValue)
        case .email(let email):
            return field(.email, normaliser.sameEmail(email, account.email), normaliser.display(email: email))
        case .phone(let phone):
            return field(.phone, normaliser.samePhone(phone, account.phone), normaliser.display(phone: phone))
        case .twoFactor(let method):
            return field(.twoFactor, normaliser.sameTwoFactor(method, account.twoFactor), normaliser.display(method))
        case .device(let device):
            return field(.device, account.device == device, device.rawValue)
        case .recoveryKey(let key):
            return field(.recoveryKey, account.recoveryKey == key, key.rawValue)
        case .backup(let backup):
            return field(.backup, normaliser.sameBackup(backup, account.backup), backup.map { normaliser.display($0) } ?? "none")
        case .session(let session):
            return field(.session, account.session == session, session.rawValue)
        case .banner(let banner):
            let actual = policy.banner(for: account)
            let reason = actual.map { field in field.decidedBy.map { "\($0.rawValue): \(field.explanation)" } ?? field.explanation }
            return (actual?.value == banner, "banner: \(banner.rawValue)", "banner: \(actual?.value?.rawValue ?? "none")", actual?.decidedBy, reason)
        }
    }
}
