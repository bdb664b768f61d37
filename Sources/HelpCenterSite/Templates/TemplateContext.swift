import Mustache

/// The shape of the values a template can reach: what the variable checker compares tags with.
public indirect enum TemplateShape: Sendable, Equatable {
    /// A value printed as text (or tested as a condition).
    case value
    /// A nested object with named fields (optional objects render their section only when present).
    case object([String: TemplateShape])
    /// A list whose items have this shape.
    case list(TemplateShape)

    var fields: [String: TemplateShape]? {
        if case .object(let fields) = self { return fields }
        return nil
    }
}

/// A value as templates see it.
public enum TemplateValue: Sendable {
    case text(String)
    case number(Int)
    case bool(Bool)
    case object(any TemplateContext)
    case list([any TemplateContext])
    case null

    /// Whether a section over this value renders (Mustache's truthiness).
    var isTruthy: Bool {
        switch self {
        case .bool(let value): value
        case .list(let items): !items.isEmpty
        case .null: false
        case .text, .number, .object: true
        }
    }

    /// The value as swift-mustache receives it (the reference renderer in tests).
    var mustacheValue: Any? {
        switch self {
        case .text(let text): text
        case .number(let number): number
        case .bool(let value): value
        case .object(let object): object
        case .list(let items): items.map { $0 as Any }
        case .null: nil
        }
    }
}

/// One named field of a template context: its shape and how to read it.
public struct TemplateField<Context>: Sendable {
    public let shape: TemplateShape
    let read: @Sendable (Context) -> TemplateValue

    public static func text(_ read: @escaping @Sendable (Context) -> String) -> Self {
        TemplateField(shape: .value, read: { .text(read($0)) })
    }

    /// Text that may be missing (its section renders only when present).
    public static func optionalText(_ read: @escaping @Sendable (Context) -> String?) -> Self {
        TemplateField(shape: .value, read: { read($0).map(TemplateValue.text) ?? .null })
    }

    public static func number(_ read: @escaping @Sendable (Context) -> Int) -> Self {
        TemplateField(shape: .value, read: { .number(read($0)) })
    }

    public static func flag(_ read: @escaping @Sendable (Context) -> Bool) -> Self {
        TemplateField(shape: .value, read: { .bool(read($0)) })
    }

    /// A nested context object, possibly missing.
    public static func object<Child: TemplateContext>(_ read: @escaping @Sendable (Context) -> Child?) -> Self {
        TemplateField(shape: Child.templateShape, read: { read($0).map { TemplateValue.object($0) } ?? .null })
    }

    /// A list of context objects.
    public static func list<Child: TemplateContext>(_ read: @escaping @Sendable (Context) -> [Child]) -> Self {
        TemplateField(shape: .list(Child.templateShape), read: { .list(read($0)) })
    }
}

/// A typed value handed to templates. Its fields are declared once, in `templateFields`, which
/// serves rendering, the static check of the templates' variables and swift-mustache.
public protocol TemplateContext: MustacheParent, Sendable {
    static var templateFields: [String: TemplateField<Self>] { get }
}

extension TemplateContext {
    func value(named name: String) -> TemplateValue? {
        Self.templateFields[name]?.read(self)
    }

    public func child(named name: String) -> Any? {
        value(named: name)?.mustacheValue
    }

    public static var templateShape: TemplateShape {
        .object(templateFields.mapValues(\.shape))
    }
}
