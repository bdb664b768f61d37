/// The primary 2FA method. `text` and `call` send codes to a phone number.
public enum TwoFactorMethod: Sendable, Hashable {
    case text(phone: String)
    case call(phone: String)
    case app

    /// The name scenario files use (`text`, `call`, `app`).
    public var methodName: String {
        switch self {
        case .text: "text"
        case .call: "call"
        case .app: "app"
        }
    }

    /// The phone number codes go to, as typed; `nil` for an authenticator app.
    public var phone: String? {
        switch self {
        case .text(let phone), .call(let phone): phone
        case .app: nil
        }
    }

    /// "texts" or "calls", for messages such as "the number 2FA texts".
    var phoneVerb: String {
        switch self {
        case .text: "texts"
        case .call: "calls"
        case .app: "uses"
        }
    }
}
