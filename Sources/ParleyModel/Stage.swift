/// A pipeline step that reads some layers of a ``Document`` and adds others.
///
/// Stages never edit the text or layers they did not produce; ``Pipeline`` (in ParleyKit)
/// checks `requires` against what earlier stages produce when it is built.
public protocol Stage: Sendable {
    /// Short name used in error messages.
    var name: String { get }
    /// Layers that must be present before this stage runs.
    var requires: Set<LayerKey> { get }
    /// Layers this stage fills.
    var produces: Set<LayerKey> { get }
    /// Returns `document` with this stage's layers added.
    /// - Throws: ``ParleyError`` when the document cannot be processed.
    func annotate(_ document: Document) throws(ParleyError) -> Document
}

/// Why Parley could not process one document (or could not start).
///
/// `code` is stable and machine-readable; scripts may rely on it. `message` is for people.
public struct ParleyError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Stable identifier, such as `empty-input` or `binary-input`.
    public var code: String
    /// One sentence saying what happened.
    public var message: String

    /// Creates a value from its parts.
    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    /// `code: message`, for logs.
    public var description: String { "\(code): \(message)" }

    /// The input had no bytes or only whitespace.
    public static func emptyInput(_ detail: String = "the input is empty") -> ParleyError {
        ParleyError(code: "empty-input", message: detail)
    }
    /// The input looks like a binary file, not text or HTML.
    public static func binaryInput(_ detail: String) -> ParleyError {
        ParleyError(code: "binary-input", message: detail)
    }
    /// The input is larger than the configured limit; `bytes` is nil for a stream whose size is
    /// unknown because reading stopped at the limit.
    public static func tooLarge(bytes: Int?, limit: Int) -> ParleyError {
        let size = bytes.map { "has \($0) bytes," } ?? "has"
        return ParleyError(code: "too-large", message: "the input \(size) more than the limit of \(limit) bytes (see --max-bytes)")
    }
    /// The input could not be read from disk.
    public static func unreadable(_ detail: String) -> ParleyError {
        ParleyError(code: "unreadable", message: detail)
    }
    /// An HTML page yielded no parseable document.
    public static func malformedHTML(_ detail: String) -> ParleyError {
        ParleyError(code: "malformed-html", message: detail)
    }
    /// A JSON Lines input line was not a valid article object.
    public static func malformedJSON(_ detail: String) -> ParleyError {
        ParleyError(code: "malformed-json", message: detail)
    }
    /// A stage needs a layer that no earlier stage produced.
    public static func missingLayer(stage: String, layer: LayerKey) -> ParleyError {
        ParleyError(code: "missing-layer", message: "stage \(stage) requires layer \(layer.rawValue), which no earlier stage produces")
    }
}
