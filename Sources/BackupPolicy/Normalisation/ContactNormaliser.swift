/// Both normalisers, configured with the policy's parameters: the one place rules and the
/// checker go to compare phone numbers and email addresses.
public struct ContactNormaliser: Sendable, Hashable {
    public var phone: PhoneNumberNormaliser
    public var email: EmailAddressNormaliser
    /// How `samePhone` and `sameEmail` compare: normalised, except in policy variants.
    public var comparison: ContactComparison

    public init(parameters: PolicyParameters = PolicyParameters(), comparison: ContactComparison = .normalised) {
        phone = PhoneNumberNormaliser(defaultCallingCode: parameters.defaultCallingCode)
        email = EmailAddressNormaliser()
        self.comparison = comparison
    }

    /// The E.164 form of a phone number, or `nil` when it is not a valid number.
    public func e164(_ phone: String) -> String? { self.phone.normalise(phone).e164 }

    /// The comparison form of an email address, or `nil` when it is not a valid address.
    public func comparisonForm(ofEmail email: String) -> String? { self.email.normalise(email).comparisonForm }

    /// Whether two phone numbers are the same number (both must be valid).
    public func samePhone(_ lhs: String?, _ rhs: String?) -> Bool {
        guard let lhs, let rhs, let left = e164(lhs), let right = e164(rhs) else { return false }
        switch comparison.phones {
        case .normalised: return left == right
        case .asTyped: return lhs.trimmingSurroundingWhitespace() == rhs.trimmingSurroundingWhitespace()
        }
    }

    /// Whether two email addresses reach the same inbox (both must be valid).
    public func sameEmail(_ lhs: String?, _ rhs: String?) -> Bool {
        guard let lhs, let rhs else { return false }
        let (lowercasing, droppingTag) =
            switch comparison.emails {
            case .normalised: (true, true)
            case .caseSensitive: (false, true)
            case .keepingTag: (true, false)
            }
        func form(_ address: String) -> String? {
            email.normalise(address, lowercasing: lowercasing, droppingTag: droppingTag).comparisonForm
        }
        guard let left = form(lhs) else { return false }
        return left == form(rhs)
    }

    /// A phone number as messages show it: E.164 when valid, else as typed, quoted.
    public func display(phone: String) -> String { e164(phone) ?? "'\(phone)'" }

    /// An email address as messages show it: the comparison form when valid, else as typed.
    public func display(email: String) -> String { comparisonForm(ofEmail: email) ?? "'\(email)'" }

    /// A backup method as messages and `then:` comparisons show it.
    public func display(_ backup: BackupMethod) -> String {
        switch backup {
        case .phone(let phone): "{phone: \(display(phone: phone))}"
        case .email(let email): "{email: \(display(email: email))}"
        }
    }

    /// Whether two backup methods are the same after normalisation.
    public func sameBackup(_ lhs: BackupMethod?, _ rhs: BackupMethod?) -> Bool {
        switch (lhs, rhs) {
        case (nil, nil): true
        case (.phone(let a)?, .phone(let b)?): samePhone(a, b)
        case (.email(let a)?, .email(let b)?): sameEmail(a, b)
        default: false
        }
    }

    /// Whether two 2FA methods are the same after normalisation.
    public func sameTwoFactor(_ lhs: TwoFactorMethod?, _ rhs: TwoFactorMethod?) -> Bool {
        switch (lhs, rhs) {
        case (nil, nil), (.app?, .app?): true
        case (.text(let a)?, .text(let b)?), (.call(let a)?, .call(let b)?): samePhone(a, b)
        default: false
        }
    }

    /// A 2FA method as messages show it.
    public func display(_ twoFactor: TwoFactorMethod?) -> String {
        guard let twoFactor else { return "none" }
        guard let phone = twoFactor.phone else { return "{method: \(twoFactor.methodName)}" }
        return "{method: \(twoFactor.methodName), phone: \(display(phone: phone))}"
    }
}
