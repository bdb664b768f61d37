/// The backup method an account holds: a phone number or an email address, never both.
public enum BackupMethod: Sendable, Hashable {
    case phone(String)
    case email(String)

    /// `phone` or `email`.
    public var kindName: String {
        switch self {
        case .phone: "phone"
        case .email: "email"
        }
    }

    /// The value as typed (trimmed).
    public var value: String {
        switch self {
        case .phone(let value), .email(let value): value
        }
    }
}

/// A backup contact as a scenario writes it: the argument of `set_up_backup` and
/// `change_backup`, and a starting state's `backup`. It can name both a phone and an
/// email, which the policy then rejects (`one-method`).
public struct BackupContact: Sendable, Hashable {
    public var phone: String?
    public var email: String?

    public init(phone: String? = nil, email: String? = nil) {
        self.phone = phone
        self.email = email
    }

    public init(_ method: BackupMethod) {
        switch method {
        case .phone(let value): self.init(phone: value)
        case .email(let value): self.init(email: value)
        }
    }

    /// The single method this contact names, or `nil` when it names both or neither.
    public var singleMethod: BackupMethod? {
        switch (phone, email) {
        case (let phone?, nil): .phone(phone)
        case (nil, let email?): .email(email)
        default: nil
        }
    }
}
