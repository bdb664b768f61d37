import Mustache
import Synchronization

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
    /// Finished HTML (a page's content, an article's body), inserted as bytes.
    case html(HTMLText)
    case number(Int)
    case bool(Bool)
    case object(any TemplateContext)
    case list(any TemplateContextList)
    case null

    /// Whether a section over this value renders (Mustache's truthiness).
    var isTruthy: Bool {
        switch self {
        case .bool(let value): value
        case .list(let items): items.count > 0
        case .null: false
        case .text, .html, .number, .object: true
        }
    }

    /// The value as swift-mustache receives it (the reference renderer in tests).
    var mustacheValue: Any? {
        switch self {
        case .text(let text): text
        case .html(let html): html.string
        case .number(let number): number
        case .bool(let value): value
        case .object(let object): object
        case .list(let items): (0..<items.count).map { items.item(at: $0) as Any }
        case .null: nil
        }
    }
}

/// One named field of a template context: its shape and how to read it. Fields are declared
/// by key path (`.text(\.title)`, `.object(\.site)`) or by a closure (`.flag { $0.hasRelated }`);
/// a key path literal becomes a plain function, so reading a field is one call.
public struct TemplateField<Context>: Sendable {
    public typealias Read<Value> = @Sendable (Context) -> Value

    public let shape: TemplateShape
    /// The field's value in a context.
    let read: Read<TemplateValue>
    /// The value of a name inside the field (`b` of `{{a.b}}`): nested contexts are read with
    /// their own type, without first becoming a `TemplateValue`. Null for fields that are not
    /// objects.
    let readInside: @Sendable (Context, ArraySlice<Int>) -> TemplateValue

    private init(
        shape: TemplateShape, _ read: @escaping Read<TemplateValue>,
        inside: @escaping @Sendable (Context, ArraySlice<Int>) -> TemplateValue = { _, _ in .null }
    ) {
        self.shape = shape
        self.read = read
        readInside = inside
    }

    public static func text(_ read: @escaping Read<String>) -> Self {
        TemplateField(shape: .value) { .text(read($0)) }
    }

    /// Text that may be missing (its section renders only when present).
    public static func optionalText(_ read: @escaping Read<String?>) -> Self {
        TemplateField(shape: .value) { read($0).map(TemplateValue.text) ?? .null }
    }

    /// Finished HTML, inserted as it is with `{{{name}}}` (escaped with `{{name}}`).
    public static func html(_ read: @escaping Read<HTMLText>) -> Self {
        TemplateField(shape: .value) { .html(read($0)) }
    }

    public static func number(_ read: @escaping Read<Int>) -> Self {
        TemplateField(shape: .value) { .number(read($0)) }
    }

    public static func flag(_ read: @escaping Read<Bool>) -> Self {
        TemplateField(shape: .value) { .bool(read($0)) }
    }

    /// A nested context object (`.object(\.site)`).
    public static func object<Child: TemplateContext>(_ read: @escaping Read<Child>) -> Self {
        TemplateField(shape: Child.templateShape, { .object(read($0)) }, inside: { read($0).value(path: $1) ?? .null })
    }

    /// A nested context object that may be missing (its section renders only when present).
    public static func object<Child: TemplateContext>(_ read: @escaping Read<Child?>) -> Self {
        TemplateField(
            shape: Child.templateShape, { read($0).map { TemplateValue.object($0) } ?? .null },
            inside: { read($0)?.value(path: $1) ?? .null })
    }

    /// A list of context objects (`.list(\.articles)`).
    public static func list<Child: TemplateContext>(_ read: @escaping Read<[Child]>) -> Self {
        TemplateField(shape: .list(Child.templateShape)) { .list(read($0)) }
    }
}

/// A list of contexts as the renderer walks it, whatever their type (an array of one context
/// type, so a section over it does not first copy every item into a new array).
public protocol TemplateContextList: Sendable {
    var count: Int { get }
    func item(at index: Int) -> any TemplateContext
}

extension Array: TemplateContextList where Element: TemplateContext {
    public func item(at index: Int) -> any TemplateContext { self[index] }
}

/// The names templates and contexts use, as small numbers: the compiled templates resolve
/// their tags to numbers once, and a context finds a field by number in an array (no string
/// hashing while pages render).
enum TemplateNames {
    private static let numbers = Mutex<[String: Int]>([:])

    static func number(_ name: String) -> Int {
        numbers.withLock { numbers in
            if let number = numbers[name] { return number }
            let number = numbers.count
            numbers[name] = number
            return number
        }
    }
}

/// A context type's fields, written as a dictionary literal of `TemplateField`s: by name for
/// the checker and swift-mustache, and by `TemplateNames` number for the renderer.
public struct TemplateFields<Context>: ExpressibleByDictionaryLiteral, Sendable {
    let byName: [String: TemplateField<Context>]
    /// The fields by `TemplateNames` number (nil where this context has no such name).
    private let byNumber: [TemplateField<Context>?]

    public init(dictionaryLiteral elements: (String, TemplateField<Context>)...) {
        byName = Dictionary(elements, uniquingKeysWith: { first, _ in first })
        var byNumber: [TemplateField<Context>?] = []
        for (name, field) in elements {
            let number = TemplateNames.number(name)
            if byNumber.count <= number { byNumber += Array(repeating: nil, count: number + 1 - byNumber.count) }
            if byNumber[number] == nil { byNumber[number] = field }
        }
        self.byNumber = byNumber
    }

    /// The value a path of field numbers leads to from `context` (`a.b`: field `a`, then `b`
    /// inside it), or nil when the context has no field named by the path's first number.
    func value(path: ArraySlice<Int>, of context: Context) -> TemplateValue? {
        guard let first = path.first, first < byNumber.count, let field = byNumber[first] else { return nil }
        return path.count == 1 ? field.read(context) : field.readInside(context, path.dropFirst())
    }
}

/// A typed value handed to templates. Its fields are declared once, in `templateFields`, which
/// serves rendering, the static check of the templates' variables and swift-mustache.
public protocol TemplateContext: MustacheParent, Sendable {
    static var templateFields: TemplateFields<Self> { get }

    /// The value a path of field numbers (see `TemplateNames`) leads to, nil when the first is
    /// not one of this context's fields. A requirement (with the default below), so that the
    /// renderer, which holds contexts of any type, calls a version compiled for each type.
    func value(path: ArraySlice<Int>) -> TemplateValue?
}

extension TemplateContext {
    func value(named name: String) -> TemplateValue? {
        Self.templateFields.byName[name]?.read(self)
    }

    public func value(path: ArraySlice<Int>) -> TemplateValue? {
        Self.templateFields.value(path: path, of: self)
    }

    public func child(named name: String) -> Any? {
        value(named: name)?.mustacheValue
    }

    public static var templateShape: TemplateShape {
        .object(templateFields.byName.mapValues(\.shape))
    }
}
