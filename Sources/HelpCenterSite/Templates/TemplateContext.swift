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

/// One named field of a template context: its shape and how to read it.
public struct TemplateField<Context>: Sendable {
    public let shape: TemplateShape
    let read: @Sendable (Context) -> Any?

    /// A text, number or boolean value.
    public static func value<Value>(_ read: @escaping @Sendable (Context) -> Value) -> Self {
        TemplateField(shape: .value, read: { read($0) })
    }

    /// A value that may be missing (its section renders only when present).
    public static func optionalValue<Value>(_ read: @escaping @Sendable (Context) -> Value?) -> Self {
        TemplateField(shape: .value, read: { read($0).map { $0 as Any } })
    }

    /// A nested context object, possibly missing.
    public static func object<Child: TemplateContext>(_ read: @escaping @Sendable (Context) -> Child?) -> Self {
        TemplateField(shape: Child.templateShape, read: { read($0).map { $0 as Any } })
    }

    /// A list of context objects.
    public static func list<Child: TemplateContext>(_ read: @escaping @Sendable (Context) -> [Child]) -> Self {
        TemplateField(shape: .list(Child.templateShape), read: { read($0) })
    }
}

/// A typed value handed to templates. Its fields are declared once, in `templateFields`, which
/// serves both rendering (`child(named:)`) and the static check of the templates' variables.
public protocol TemplateContext: MustacheParent, Sendable {
    static var templateFields: [String: TemplateField<Self>] { get }
}

extension TemplateContext {
    public func child(named name: String) -> Any? {
        Self.templateFields[name]?.read(self)
    }

    public static var templateShape: TemplateShape {
        .object(templateFields.mapValues(\.shape))
    }
}
