import Foundation
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
    /// Finished HTML (a page's content, an article's body), inserted as bytes.
    case html(HTMLText)
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
        case .list(let items): items.map { $0 as Any }
        case .null: nil
        }
    }
}

/// One named field of a template context: its shape and how to read it. Fields are read in
/// place, through a pointer to the context (`.text { $0.pointee.title }`), so that rendering
/// copies the one value it prints, not the whole context.
public struct TemplateField<Context>: Sendable {
    public typealias Read<Value> = @Sendable (UnsafePointer<Context>) -> Value

    public let shape: TemplateShape
    let readInPlace: Read<TemplateValue>

    private init(shape: TemplateShape, _ read: @escaping Read<TemplateValue>) {
        self.shape = shape
        readInPlace = read
    }

    /// The field of a context value (swift-mustache and lookups by name).
    func read(_ context: Context) -> TemplateValue {
        withUnsafePointer(to: context) { readInPlace($0) }
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

    /// A nested context object, possibly missing.
    public static func object<Child: TemplateContext>(_ read: @escaping Read<Child?>) -> Self {
        TemplateField(shape: Child.templateShape) { read($0).map { TemplateValue.object($0) } ?? .null }
    }

    /// A list of context objects.
    public static func list<Child: TemplateContext>(_ read: @escaping Read<[Child]>) -> Self {
        TemplateField(shape: .list(Child.templateShape)) { .list(read($0)) }
    }
}

/// The names templates and contexts use, as small numbers: the compiled templates resolve
/// their tags to numbers once, and a context finds a field by number in an array (no string
/// hashing while pages render).
enum TemplateNames {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var numbers: [String: Int] = [:]

    static func number(_ name: String) -> Int {
        lock.withLock {
            if let number = numbers[name] { return number }
            let number = numbers.count
            numbers[name] = number
            return number
        }
    }
}

/// A field's reader, typed on a raw pointer. A struct outside the generic class, so that
/// neither storing it in an array (a bare closure would be kept in its most general form and
/// rebuilt on every read) nor reading it needs generic metadata.
struct TemplateFieldReader: Sendable {
    let read: @Sendable (UnsafeRawPointer) -> TemplateValue
}

/// A context type's fields, written as a dictionary literal of `TemplateField`s. Besides the
/// fields by name (the checker and swift-mustache), it keeps each field's reader in an array
/// indexed by `TemplateNames` number, typed on a raw pointer so that finding and calling it
/// needs no generic metadata.
public final class TemplateFields<Context>: ExpressibleByDictionaryLiteral, @unchecked Sendable {
    let byName: [String: TemplateField<Context>]
    private let readers: [TemplateFieldReader?]

    public init(dictionaryLiteral elements: (String, TemplateField<Context>)...) {
        byName = Dictionary(elements, uniquingKeysWith: { first, _ in first })
        var readers: [TemplateFieldReader?] = []
        for (name, field) in elements {
            let number = TemplateNames.number(name)
            if readers.count <= number { readers += Array(repeating: nil, count: number + 1 - readers.count) }
            let read = field.readInPlace
            readers[number] = TemplateFieldReader { raw in read(raw.assumingMemoryBound(to: Context.self)) }
        }
        self.readers = readers
    }

    func reader(_ number: Int) -> TemplateFieldReader? {
        number < readers.count ? readers[number] : nil
    }
}

/// A typed value handed to templates. Its fields are declared once, in `templateFields`, which
/// serves rendering, the static check of the templates' variables and swift-mustache.
public protocol TemplateContext: MustacheParent, Sendable {
    static var templateFields: TemplateFields<Self> { get }
}

extension TemplateContext {
    func value(named name: String) -> TemplateValue? {
        Self.templateFields.byName[name]?.read(self)
    }

    /// The field with this `TemplateNames` number.
    func value(number: Int) -> TemplateValue? {
        guard let reader = Self.templateFields.reader(number) else { return nil }
        return withUnsafePointer(to: self) { reader.read(UnsafeRawPointer($0)) }
    }

    public func child(named name: String) -> Any? {
        value(named: name)?.mustacheValue
    }

    public static var templateShape: TemplateShape {
        .object(templateFields.byName.mapValues(\.shape))
    }
}
