import Testing

@testable import BackupPolicy

/// The state diagram is derived from the policy: its arrows are what the policy does.
@Suite("Backup-method state graph")
struct BackupStateGraphTests {
    let graph = BackupStateGraph()

    func transition(from: String, _ action: ActionName, argument: String? = nil) -> BackupStateTransition? {
        graph.transitions.first { $0.from == from && $0.action == action && (argument == nil || $0.argument == argument) }
    }

    @Test("six states: no backup, a phone or an email, with 2FA on or off; the banner shows only with 2FA and no backup")
    func nodes() {
        #expect(graph.nodes.map(\.id) == ["none-2fa-off", "phone-2fa-off", "email-2fa-off", "none-2fa-on", "phone-2fa-on", "email-2fa-on"])
        #expect(graph.nodes.filter { $0.banner == .shown }.map(\.id) == ["none-2fa-on"])
    }

    @Test(
        "arrows follow the policy",
        arguments: [
            ("none-2fa-off", ActionName.setUpTwoFactor, nil as String?, "none-2fa-on", StepOutcome.done),
            ("none-2fa-off", .setUpBackup, "{phone: +44 7700 900456}", "none-2fa-off", .rejected(.twoFactorRequired)),
            ("none-2fa-on", .setUpBackup, "{phone: +44 7700 900456}", "phone-2fa-on", .done),
            ("none-2fa-on", .changeBackup, "{email: jane.backup@example.org}", "none-2fa-on", .rejected(.setUpOnce)),
            ("phone-2fa-on", .setUpBackup, "{email: jane.backup@example.org}", "phone-2fa-on", .rejected(.setUpOnce)),
            ("phone-2fa-on", .changeBackup, "{email: jane.backup@example.org}", "email-2fa-on", .done),
            ("none-2fa-on", .recover, "new-recovery-key", "none-2fa-on", .rejected(.backupRequired)),
            ("email-2fa-on", .recover, "remove-2fa-device", "email-2fa-off", .done),
        ])
    func arrows(from: String, action: ActionName, argument: String?, to: String, outcome: StepOutcome) throws {
        let arrow = try #require(transition(from: from, action, argument: argument))
        #expect(arrow.to == to)
        #expect(arrow.outcome == outcome)
    }

    @Test("setting up 2FA prompts only without a backup method; recovery states its assumption")
    func labels() throws {
        #expect(try #require(transition(from: "none-2fa-off", .setUpTwoFactor)).observed.map(\.description) == ["prompt: set-up-backup-method"])
        #expect(try #require(transition(from: "email-2fa-off", .setUpTwoFactor)).observed.map(\.description) == ["prompt: none"])
        let recover = try #require(transition(from: "email-2fa-on", .recover, argument: "remove-2fa-device"))
        #expect(recover.assumption == BackupStateGraph.recoveryAssumption)
        #expect(recover.label == "recover remove-2fa-device → done")
        #expect(graph.transitions.allSatisfy { graph.node(id: $0.from) != nil && graph.node(id: $0.to) != nil })
    }

    @Test("a variant's graph differs where the variant breaks the policy")
    func variantGraph() throws {
        let variant = try #require(PolicyVariant.catalogue.first { $0.id == "set-up-once/set-up-over-existing" })
        let broken = BackupStateGraph(policy: variant.applied(to: BackupPolicy()))
        let arrow = try #require(
            broken.transitions.first { $0.from == "phone-2fa-on" && $0.action == .setUpBackup && $0.argument == "{email: jane.backup@example.org}" })
        #expect(arrow.to == "email-2fa-on")
    }
}
