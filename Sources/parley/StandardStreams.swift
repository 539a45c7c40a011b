#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ParleyKit

/// Buffered, thread-safe writes to standard output and standard error by file descriptor.
///
/// Swift 6 rejects the C `stdout` global as shared mutable state, and records must never
/// interleave, so all output goes through here.
enum StandardStreams {
    private static let outBuffer = Locked<[UInt8]>([])

    /// Appends `bytes` to standard output, flushing in 64 KB chunks.
    static func write(_ bytes: [UInt8]) {
        outBuffer.withLock { buffer in
            buffer.append(contentsOf: bytes)
            if buffer.count >= 1 << 16 { drain(&buffer) }
        }
    }

    /// Writes whatever is buffered.
    static func flush() { outBuffer.withLock { drain(&$0) } }

    /// Writes one line to standard error immediately.
    static func error(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        writeAll(2, bytes)
    }

    /// True when standard error is a terminal (progress lines are shown only then).
    static var stderrIsTerminal: Bool { isatty(2) == 1 }

    private static func drain(_ buffer: inout [UInt8]) {
        writeAll(1, buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                // The reader went away (`parley … | head -1`): stop quietly, as `cat` does.
                if errno == EPIPE { _exit(0) }
                if fd == 1 { error("parley: cannot write to standard output: \(String(cString: strerror(errno)))"); _exit(74) }
                return
            }
            offset += written
        }
    }
}
