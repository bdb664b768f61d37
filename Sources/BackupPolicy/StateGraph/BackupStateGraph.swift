/// The backup-method states and the actions that move between them, derived by applying
/// the policy itself to a representative account in each state: six states (no backup, a
/// phone, an email × 2FA on or off) and, from each, every action with a representative
/// argument. Stopped actions are arrows back to the same state, labelled with their rule.
///
/// Representative accounts: a Sage account login with a fresh session, the sign-in email
/// `jane@example.com`, 2FA by authenticator app, and backup values that differ from the
/// account's, so that only the structural rules decide. Recovery is tried with the recovery
/// key and the 2FA device lost (the situation the backup method is for).
public struct BackupStateGraph: Sendable, Hashable {
    public var nodes: [BackupStateNode]
    public var transitions: [BackupStateTransition]

    public static let recoveryAssumption = "the recovery key and the 2FA device are lost"

    /// The graph of `policy`.
    public init(policy: BackupPolicy = BackupPolicy()) {
        var nodes: [BackupStateNode] = []
        var transitions: [BackupStateTransition] = []
        for twoFactor in [false, true] {
            for backup in BackupMethodKind.allCases {
                let account = Self.account(backup: backup, twoFactor: twoFactor)
                nodes.append(Self.node(for: account, policy: policy))
                for action in Self.actions(twoFactor: twoFactor) {
                    var start = account
                    var assumption: String?
                    if case .recover = action {
                        start.recoveryKey = .lost
                        start.device = .lost
                        assumption = Self.recoveryAssumption
                    }
                    guard let result = try? policy.apply(action, to: start) else { continue }
                    transitions.append(
                        BackupStateTransition(
                            from: Self.node(for: start, policy: policy).id,
                            to: Self.node(for: result.account, policy: policy).id,
                            action: action.name, argument: action.argumentText, outcome: result.outcome,
                            observed: result.observed, assumption: assumption
                        ))
                }
            }
        }
        self.nodes = nodes
        self.transitions = transitions
    }

    public func node(id: String) -> BackupStateNode? { nodes.first { $0.id == id } }

    static let backupPhone = "+44 7700 900456"
    static let backupEmail = "jane.backup@example.org"

    static func account(backup: BackupMethodKind, twoFactor: Bool) -> AccountState {
        let method: BackupMethod? =
            switch backup {
            case .none: nil
            case .phone: .phone(backupPhone)
            case .email: .email(backupEmail)
            }
        return AccountState(email: "jane@example.com", twoFactor: twoFactor ? .app : nil, backup: method)
    }

    static func node(for account: AccountState, policy: BackupPolicy) -> BackupStateNode {
        BackupStateNode(
            backup: BackupMethodKind(account.backup), twoFactor: account.hasTwoFactor,
            banner: policy.banner(for: account)?.value
        )
    }

    /// Every action with a representative argument; `set_up_2fa` only where 2FA is off
    /// (setting it up twice is impossible, not a policy decision).
    static func actions(twoFactor: Bool) -> [PolicyAction] {
        var actions: [PolicyAction] = twoFactor ? [] : [.setUpTwoFactor(.app)]
        actions += [
            .manageBackup,
            .setUpBackup(BackupContact(phone: backupPhone)),
            .setUpBackup(BackupContact(email: backupEmail)),
            .changeBackup(BackupContact(phone: backupPhone)),
            .changeBackup(BackupContact(email: backupEmail)),
            .openAccountManagement,
            .chooseBackupOption,
            .recover(.newRecoveryKey),
            .recover(.removeTwoFactorDevice),
        ]
        return actions
    }
}
