/// The variants `helpcenter check --mutations` tries: for every rule, dropping it, and for
/// most, narrower ways of getting it wrong (a comparison without normalisation, a check on
/// one action only, a field that never changes).
extension PolicyVariant {
    public static let catalogue: [PolicyVariant] = [
        dropped(.sageAccountOnly, "any login can set up, change or use a backup method"),

        dropped(.twoFactorRequired, "a backup method can be set up, changed or used without 2FA"),

        dropped(.reauthentication, "skip re-authentication: a stale session manages the backup method straight away"),
        altered(.reauthentication, "manage-only", "only manage_backup asks a stale session to authenticate again", ReauthenticationRule()) {
            $0.skips = { action in action.name != .manageBackup }
        },
        altered(.reauthentication, "rejects", "a stale session is rejected instead of asked to authenticate again", ReauthenticationRule()) {
            $0.decides = { decision in
                RuleDecision(rule: decision.rule, outcome: .rejected(decision.rule), explanation: decision.explanation)
            }
        },

        dropped(.setUpOnce, "set_up_backup and change_backup both work whether or not a backup method exists"),
        altered(.setUpOnce, "set-up-over-existing", "set_up_backup replaces an existing backup method", SetUpOnceRule()) {
            $0.skips = { action in action.name == .setUpBackup }
        },
        altered(.setUpOnce, "change-without-backup", "change_backup works on an account without a backup method", SetUpOnceRule()) {
            $0.skips = { action in action.name == .changeBackup }
        },

        dropped(.oneMethod, "allow both a phone and an email", name: "allow-both"),

        dropped(.validContact, "any text is accepted as a backup phone or email"),
        altered(.validContact, "phones-unchecked", "a backup phone number is not checked", ValidContactRule()) {
            $0.skips = { action in action.backupContact?.email == nil }
        },
        altered(.validContact, "emails-unchecked", "a backup email address is not checked", ValidContactRule()) {
            $0.skips = { action in action.backupContact?.phone == nil }
        },

        dropped(.distinctFromAccount, "skip the distinct-from-account comparison"),
        altered(.distinctFromAccount, "phones-as-typed", "compare phones without normalising", DistinctFromAccountRule()) {
            $0.comparison = ContactComparison(phones: .asTyped)
        },
        altered(.distinctFromAccount, "emails-case-sensitive", "compare email addresses case-sensitively", DistinctFromAccountRule()) {
            $0.comparison = ContactComparison(emails: .caseSensitive)
        },
        altered(.distinctFromAccount, "emails-keep-tag", "compare email addresses without removing a +tag", DistinctFromAccountRule()) {
            $0.comparison = ContactComparison(emails: .keepingTag)
        },
        altered(.distinctFromAccount, "ignores-2fa-phone", "the backup phone may be the number 2FA texts or calls", DistinctFromAccountRule()) {
            $0.sees = { account in
                var seen = account
                if seen.twoFactor != nil { seen.twoFactor = .app }
                return seen
            }
        },
        altered(.distinctFromAccount, "ignores-account-phone", "the backup phone may be the phone number on the Sage account", DistinctFromAccountRule()) {
            $0.sees = { account in
                var seen = account
                seen.phone = nil
                return seen
            }
        },
        altered(.distinctFromAccount, "ignores-sign-in-email", "the backup email may be the sign-in email", DistinctFromAccountRule()) {
            $0.sees = { account in
                var seen = account
                seen.email = nil
                return seen
            }
        },
        altered(.distinctFromAccount, "one-way", "2FA may text or call the backup phone number", DistinctFromAccountRule()) {
            $0.skips = { action in action.name == .setUpTwoFactor }
        },

        dropped(.backupRequired, "recovery goes ahead without a backup method"),

        dropped(.recoveryKeyFirst, "ignore the recovery key: recovery through the backup method while the key is held"),

        dropped(.deviceLostToRemove, "the 2FA device can be removed while it is still available"),

        altered(.bannerWhileMissing, "never-shown", "the banner is never shown", BannerWhileMissingRule()) {
            $0.observes = { field in
                ObservedField(field.name, .hidden, decidedBy: field.decidedBy, explanation: "the variant never shows the banner")
            }
        },
        altered(.bannerWhileMissing, "ignores-login", "the banner shows for an 'other' login too", BannerWhileMissingRule()) {
            $0.sees = { account in
                var seen = account
                seen.login = .sageAccount
                return seen
            }
        },
        altered(.bannerWhileMissing, "ignores-2fa", "the banner shows without 2FA too", BannerWhileMissingRule()) {
            $0.sees = { account in
                var seen = account
                if seen.twoFactor == nil { seen.twoFactor = .app }
                return seen
            }
        },
        altered(.bannerWhileMissing, "ignores-backup", "the banner stays after a backup method is set up", BannerWhileMissingRule()) {
            $0.sees = { account in
                var seen = account
                seen.backup = nil
                return seen
            }
        },

        altered(.promptAtTwoFactorSetup, "never", "no prompt at 2FA setup", PromptAtTwoFactorSetupRule()) {
            $0.observes = { field in
                ObservedField(field.name, nil, decidedBy: field.decidedBy, explanation: "the variant never prompts")
            }
        },
        altered(.promptAtTwoFactorSetup, "always", "the prompt appears even when a backup method is set up", PromptAtTwoFactorSetupRule()) {
            $0.sees = { account in
                var seen = account
                seen.backup = nil
                return seen
            }
        },
    ]

    private static func dropped(_ rule: PolicyRuleID, _ summary: String, name: String = "skipped") -> PolicyVariant {
        PolicyVariant(rule: rule, name: name, summary: summary, replacement: nil)
    }

    private static func altered(
        _ rule: PolicyRuleID, _ name: String, _ summary: String, _ original: any PolicyRule,
        _ change: (inout AlteredRule) -> Void
    ) -> PolicyVariant {
        var altered = AlteredRule(original)
        change(&altered)
        return PolicyVariant(rule: rule, name: name, summary: summary, replacement: altered)
    }
}
