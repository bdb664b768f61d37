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

/// One named field of a template context: its shape and how to read it. Stored fields are
/// declared by key path (`.text(\.title)`, `.object(\.site)`) and read where they are stored;
/// computed ones by a closure over a pointer to the context (`.flag { $0.pointee.hasRelated }`).
/// Either way rendering copies the one value it prints, not the whole context.
public struct TemplateField<Context>: Sendable {
    public typealias Read<Value> = @Sendable (UnsafePointer<Context>) -> Value

    public let shape: TemplateShape
    let readInPlace: Read<TemplateValue>
    /// How the renderer reaches the field: scalars are read, nested contexts and lists are
    /// found in place, inside the context's own memory (see `TemplateFieldAccess`).
    let access: TemplateFieldAccess

    private init(shape: TemplateShape, access: TemplateFieldAccess? = nil, _ read: @escaping Read<TemplateValue>) {
        self.shape = shape
        readInPlace = read
        self.access = access ?? .scalar { read($0.assumingMemoryBound(to: Context.self)) }
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

    /// Text stored in the context (`.text(\.title)`): the renderer copies its bytes from where
    /// it is, without taking a reference to the string.
    public static func text(_ path: KeyPath<Context, String> & Sendable) -> Self {
        guard let offset = MemoryLayout<Context>.offset(of: path) else { return text { $0.pointee[keyPath: path] } }
        return TemplateField(shape: .value, access: .text(offset: offset, optional: false)) { .text($0.pointee[keyPath: path]) }
    }

    /// Text stored in the context that may be missing (`.optionalText(\.description)`).
    public static func optionalText(_ path: KeyPath<Context, String?> & Sendable) -> Self {
        guard let offset = MemoryLayout<Context>.offset(of: path) else { return optionalText { $0.pointee[keyPath: path] } }
        return TemplateField(shape: .value, access: .text(offset: offset, optional: true)) {
            $0.pointee[keyPath: path].map(TemplateValue.text) ?? .null
        }
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

    /// A nested context object, stored in the context (`.object(\.site)`).
    public static func object<Child: TemplateContext>(_ path: KeyPath<Context, Child> & Sendable) -> Self {
        TemplateField(
            shape: Child.templateShape,
            access: .object(offset: storedOffset(of: path), optional: false, type: Child.self, fields: Child.templateFields.table.reference)
        ) { .object($0.pointee[keyPath: path]) }
    }

    /// A nested context object that may be missing (its section renders only when present).
    public static func object<Child: TemplateContext>(_ path: KeyPath<Context, Child?> & Sendable) -> Self {
        TemplateField(
            shape: Child.templateShape,
            access: .object(offset: storedOffset(of: path), optional: true, type: Child.self, fields: Child.templateFields.table.reference)
        ) { $0.pointee[keyPath: path].map { TemplateValue.object($0) } ?? .null }
    }

    /// A list of context objects, stored in the context (`.list(\.articles)`).
    public static func list<Child: TemplateContext>(_ path: KeyPath<Context, [Child]> & Sendable) -> Self {
        TemplateField(
            shape: .list(Child.templateShape),
            access: .list(offset: storedOffset(of: path), stride: MemoryLayout<Child>.stride, type: Child.self, fields: Child.templateFields.table.reference)
        ) { .list($0.pointee[keyPath: path]) }
    }

    private static func storedOffset<Value>(of path: KeyPath<Context, Value>) -> Int {
        guard let offset = MemoryLayout<Context>.offset(of: path) else {
            preconditionFailure("template field \(path) must be a stored property: the renderer reads it in place")
        }
        return offset
    }
}

/// How the renderer reaches a field in a context's memory. Scalars are read as values;
/// nested contexts and list items are visited where they are stored, so rendering never
/// copies a context (a copy retains every string in it, and the contexts that all pages
/// share, like the site navigation, would have their counts raced for by every core). The
/// operands are plain values (an offset, a metatype, a table's address): reading them counts
/// no references either.
enum TemplateFieldAccess: Sendable {
    case scalar(@Sendable (UnsafeRawPointer) -> TemplateValue)
    /// A `String` (or, `optional`, a `String?`) stored `offset` bytes into the context.
    case text(offset: Int, optional: Bool)
    /// A context stored `offset` bytes into its parent; `optional` when it may be missing (a
    /// present optional keeps its value at its own address: the payload of a single-payload
    /// enum comes first).
    case object(offset: Int, optional: Bool, type: any TemplateContext.Type, fields: TemplateFieldTable.Reference)
    /// An array of contexts stored `offset` bytes into its parent.
    case list(offset: Int, stride: Int, type: any TemplateContext.Type, fields: TemplateFieldTable.Reference)
}

/// A context type's fields by `TemplateNames` number, without the type: what the renderer
/// keeps beside a context's address. Written once, when the type's fields are first used,
/// and only read after that (hence `@unchecked Sendable`).
final class TemplateFieldTable: @unchecked Sendable {
    /// The table's accesses, as the renderer holds them: an address, no reference count.
    /// Tables belong to the context types' `templateFields` and live as long as the program.
    struct Reference: @unchecked Sendable {
        let accesses: UnsafePointer<TemplateFieldAccess?>
        let count: Int

        func access(_ number: Int) -> TemplateFieldAccess? {
            number < count ? accesses[number] : nil
        }
    }

    private let storage: UnsafeMutableBufferPointer<TemplateFieldAccess?>
    let reference: Reference

    init(_ accesses: [TemplateFieldAccess?]) {
        storage = UnsafeMutableBufferPointer.allocate(capacity: max(accesses.count, 1))
        _ = storage.initialize(from: accesses)
        reference = Reference(accesses: UnsafePointer(storage.baseAddress!), count: accesses.count)
    }

    deinit {
        storage.baseAddress!.deinitialize(count: reference.count)
        storage.deallocate()
    }
}

extension TemplateContext {
    /// Whether the optional context at `field` is present.
    static func isPresent(at field: UnsafeRawPointer) -> Bool {
        field.assumingMemoryBound(to: Self?.self).pointee != nil
    }

    /// Hands `body` the storage of the array of contexts at `field` (nil when empty) and its count.
    static func withElements(at field: UnsafeRawPointer, _ body: (UnsafeRawPointer?, Int) -> Void) {
        field.assumingMemoryBound(to: [Self].self).pointee.withUnsafeBufferPointer { items in
            body(items.baseAddress.map(UnsafeRawPointer.init), items.count)
        }
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

/// A context type's fields, written as a dictionary literal of `TemplateField`s: by name for
/// the checker and swift-mustache, and by `TemplateNames` number, without the type, for the
/// renderer (`table`).
public final class TemplateFields<Context>: ExpressibleByDictionaryLiteral, @unchecked Sendable {
    let byName: [String: TemplateField<Context>]
    /// The fields as the renderer reaches them.
    let table: TemplateFieldTable

    public init(dictionaryLiteral elements: (String, TemplateField<Context>)...) {
        byName = Dictionary(elements, uniquingKeysWith: { first, _ in first })
        var accesses: [TemplateFieldAccess?] = []
        for (name, field) in elements {
            let number = TemplateNames.number(name)
            if accesses.count <= number { accesses += Array(repeating: nil, count: number + 1 - accesses.count) }
            accesses[number] = field.access
        }
        table = TemplateFieldTable(accesses)
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

    public func child(named name: String) -> Any? {
        value(named: name)?.mustacheValue
    }

    public static var templateShape: TemplateShape {
        .object(templateFields.byName.mapValues(\.shape))
    }
}
