#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ParleyModel

/// The non-blank lines of a file descriptor, read in fixed-size chunks, so a JSON Lines stream of
/// any length is processed with memory bounded by its longest line (never the whole stream).
///
/// Lines are split on LF; a line holding only spaces, tabs and CRs is skipped but still counted, so
/// line numbers match an editor's. A read error ends the sequence with a `.failure`.
public struct LineReader: Sequence, IteratorProtocol {
    /// One non-blank line with its 1-based number, or the error that ended the stream.
    public typealias Element = Result<(number: Int, bytes: [UInt8]), ParleyError>

    private let fd: Int32
    private let name: String
    private let closeWhenDone: Bool
    private var buffer: [UInt8] = []
    private var start = 0
    private var scanned = 0
    private var lineNumber = 1
    private var finished = false
    private let chunkSize: Int

    /// Reads `fd` (not closed unless `closeWhenDone`); `name` is used in error messages.
    public init(fd: Int32, name: String, closeWhenDone: Bool = false, chunkSize: Int = 1 << 16) {
        self.fd = fd
        self.name = name
        self.closeWhenDone = closeWhenDone
        self.chunkSize = Swift.max(1, chunkSize)
    }

    /// Opens `path` for reading.
    /// - Throws: ``ParleyError`` `unreadable`.
    public static func open(_ path: String) throws(ParleyError) -> LineReader {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .unreadable("\(path): \(String(cString: strerror(errno)))") }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw .unreadable("\(path): is a directory")
        }
        return LineReader(fd: fd, name: path, closeWhenDone: true)
    }

    /// The next line, or nil at the end of the input.
    public mutating func next() -> Element? {
        while true {
            // A complete line in the buffer?
            if let newline = buffer[scanned...].firstIndex(of: 0x0A) {
                let line = buffer[start..<newline]
                let number = lineNumber
                lineNumber += 1
                start = newline + 1
                scanned = start
                if Self.isBlank(line) { continue }
                return .success((number, Array(line)))
            }
            scanned = buffer.count
            if finished {
                guard start < buffer.count else { return nil }
                let line = buffer[start...]
                start = buffer.count
                scanned = start
                let number = lineNumber
                lineNumber += 1
                if Self.isBlank(line) { return nil }
                return .success((number, Array(line)))
            }
            // Drop consumed bytes before reading more, so the buffer holds at most one line plus a chunk.
            if start > 0 {
                buffer.removeSubrange(0..<start)
                scanned -= start
                start = 0
            }
            let oldCount = buffer.count
            buffer.append(contentsOf: repeatElement(0, count: chunkSize))
            let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + oldCount, chunkSize) }
            if count < 0 {
                buffer.removeSubrange(oldCount...)
                if errno == EINTR { continue }
                let error = ParleyError.unreadable("\(name): \(String(cString: strerror(errno)))")
                finish()
                buffer = []
                start = 0
                scanned = 0
                return .failure(error)
            }
            buffer.removeSubrange((oldCount + count)...)
            if count == 0 { finish() }
        }
    }

    private mutating func finish() {
        guard !finished else { return }
        finished = true
        if closeWhenDone { close(fd) }
    }

    private static func isBlank(_ line: ArraySlice<UInt8>) -> Bool {
        !line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D })
    }
}
