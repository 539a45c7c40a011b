import ParleyModel

/// A malformed lexicon file or row, located by file name and 1-based line number.
///
/// Loading never crashes on bad data: every problem becomes one of these, and `description` reads
/// like a compiler diagnostic (`places.tsv:12: unknown kind "town" (expected one of …)`), so a user
/// who edits a file under `--lexicons DIR` sees exactly where to look.
public struct LexiconError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file's name (not its path), such as `places.tsv` or `optimism.extra.tsv`.
    public var file: String
    /// The 1-based line number, or 0 when the problem concerns the whole file or directory.
    public var line: Int
    /// One sentence saying what is wrong and, where possible, how to fix it.
    public var message: String

    /// Creates an error for `file` at `line`.
    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: message`, or `file: message` when the line is unknown.
    public var description: String {
        line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)"
    }

    /// The same problem as a pipeline-wide ``ParleyError`` with the stable code `lexicon`.
    public var parleyError: ParleyError {
        ParleyError(code: "lexicon", message: description)
    }
}
