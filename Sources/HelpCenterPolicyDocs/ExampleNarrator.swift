import BackupPolicy
import Foundation
import HelpCenterSite
import ScenarioChecker

/// Tells a replayed scenario in the reader's words, all of them from `policy/vocabulary.yaml`:
/// the starting situation, each step as the person does it, and what they then see (the page,
/// the message, what changed, or why nothing did). Never a scenario's syntax or an action's
/// code name: a sentence the vocabulary lacks is recorded (`unwritten`), and the build refuses
/// to show the example until a writer adds it.
struct ExampleNarrator {
    let vocabulary: ProductVocabulary
    let wording: PolicyWording
    /// Compares contacts as the policy does ("already your backup, written differently").
    let normaliser: ContactNormaliser

    func narrate(_ example: ScenarioExample) -> SitePolicy.Example {
        var words = VocabularySentences(vocabulary: vocabulary)
        let starting = startingSentences(example.starting, words: &words)
        let steps = example.steps.map { step in
            SitePolicy.ExampleStep(action: action(step, words: &words), result: result(step, words: &words), ruleID: step.rule?.rawValue)
        }
        let problems = example.findings.filter { $0.severity == .error }.map { "\($0.location): \($0.message)" }
        // The title: the scenario's name, unless the vocabulary gives one; another language's
        // vocabulary must (its pages showed the English name).
        var unwritten = words.missing
        let title = vocabulary.examples[example.name] ?? (vocabulary.isTranslation ? nil : example.name)
        if title == nil { unwritten.append("examples.\"\(example.name)\"") }
        var narrated = SitePolicy.Example(
            name: example.name, location: example.location, starting: starting, steps: steps, passed: example.passed, problems: problems,
            unwritten: unwritten)
        narrated.title = title ?? example.name
        return narrated
    }

    // MARK: The starting situation

    /// One sentence per fact, in a fixed order; whether 2FA is on and whether there is a
    /// backup method are always said.
    func startingSentences(_ starting: StartingAccount, words: inout VocabularySentences) -> [String] {
        let account = starting.account
        var sentences: [String] = []
        if account.login == .other { sentences.append(words.starting("login.other")) }
        if let email = account.email { sentences.append(words.starting("email", value: email)) }
        if let phone = account.phone { sentences.append(words.starting("phone", value: phone)) }
        if let method = account.twoFactor {
            sentences.append(words.starting("two_factor.\(method.methodName)", value: method.phone))
        } else {
            sentences.append(words.starting("two_factor.none"))
        }
        switch (starting.backup?.phone, starting.backup?.email) {
        case (let phone?, _): sentences.append(words.starting("backup.phone", value: phone))
        case (nil, let email?): sentences.append(words.starting("backup.email", value: email))
        case (nil, nil): sentences.append(words.starting("backup.none"))
        }
        if account.device == .lost { sentences.append(words.starting("device.lost")) }
        if account.recoveryKey == .lost { sentences.append(words.starting("recovery_key.lost")) }
        if account.session == .stale { sentences.append(words.starting("session.stale")) }
        return sentences
    }

    // MARK: Steps

    /// The vocabulary key of an action with its argument's kind, and the value a sentence
    /// quotes: `set_up_backup.phone` and the number as typed.
    static func key(of action: PolicyAction) -> (key: String, value: String?) {
        let name = action.name.rawValue
        switch action {
        case .setUpTwoFactor(let method):
            return ("\(name).\(method.methodName)", method.phone)
        case .setUpBackup(let contact), .changeBackup(let contact):
            switch (contact.phone, contact.email) {
            case (let phone?, nil): return ("\(name).phone", phone)
            case (nil, let email?): return ("\(name).email", email)
            default: return ("\(name).both", nil)
            }
        case .recover(let option):
            return ("\(name).\(option.rawValue)", nil)
        case .manageBackup, .reauthenticate, .openAccountManagement, .chooseBackupOption, .loseDevice, .loseRecoveryKey:
            return (name, nil)
        }
    }

    func action(_ step: ExampleStep, words: inout VocabularySentences) -> String {
        let (key, value) = Self.key(of: step.performed)
        return words.action(key, value: value)
    }

    func result(_ step: ExampleStep, words: inout VocabularySentences) -> String {
        guard let outcome = step.outcome else { return "" }  // an impossible step: the scenario fails, nothing is shown
        switch outcome {
        case .done:
            return done(step, words: &words)
        case .reauthenticate:
            return words.result("reauthenticate-first")
        case .rejected(let rule):
            let (key, value) = rejection(rule, of: step)
            return words.result(["rejected.\(rule.rawValue).\(key)", "rejected.\(rule.rawValue)"], value: value)
        }
    }

    /// What changed, then what is shown (banner, page, prompt, message).
    private func done(_ step: ExampleStep, words: inout VocabularySentences) -> String {
        var (key, value) = Self.key(of: step.performed)
        if case .changeBackup(let contact) = step.performed, let new = contact.singleMethod,
            normaliser.sameBackup(step.before?.backup, new)
        {
            // The same backup written differently: the policy keeps it as it was.
            key = "\(step.performed.name.rawValue).same-\(new.kindName)"
        }
        var sentences: [String] = []
        if let sentence = words.optionalResult(key, value: value) { sentences.append(sentence) }
        for field in step.observed {
            sentences.append(words.result("\(field.name.rawValue).\(field.value?.rawValue ?? "none")"))
        }
        if sentences.isEmpty { sentences.append(words.result(key, value: value)) }
        return sentences.joined(separator: " ")
    }

    /// Which case of the rule stopped the step (its vocabulary key's last part), and the
    /// value the sentence quotes.
    func rejection(_ rule: PolicyRuleID, of step: ExampleStep) -> (key: String, value: String?) {
        let (_, value) = Self.key(of: step.performed)
        switch rule {
        case .setUpOnce:
            return (step.performed.name.rawValue, value)
        case .validContact:
            let contact = step.performed.backupContact
            if let phone = contact?.phone, normaliser.e164(phone) == nil { return ("phone", phone) }
            return ("email", contact?.email)
        case .distinctFromAccount:
            if case .setUpTwoFactor(let method) = step.performed { return ("backup-phone", method.phone) }
            let contact = step.performed.backupContact
            if let phone = contact?.phone {
                let codes = step.before?.twoFactor?.phone
                return (normaliser.samePhone(phone, codes) ? "two-factor-phone" : "account-phone", phone)
            }
            return ("sign-in-email", contact?.email)
        default:
            return ("", value)
        }
    }
}
