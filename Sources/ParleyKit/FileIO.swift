#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ParleyModel

/// Reading inputs and writing outputs with errors that say which file and why.
public enum FileIO {
    /// Reads a whole file, refusing files above `maxBytes` before reading them.
    /// - Throws: ``ParleyError`` `unreadable` or `too-large`.
    public static func read(_ path: String, maxBytes: Int) throws(ParleyError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .unreadable("\(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .unreadable("\(path): \(String(cString: strerror(errno)))") }
        guard (info.st_mode & S_IFMT) != S_IFDIR else { throw .unreadable("\(path): is a directory") }
        if (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) > maxBytes {
            throw .tooLarge(bytes: Int(info.st_size), limit: maxBytes)
        }
        let isRegular = (info.st_mode & S_IFMT) == S_IFREG
        return try readAll(fd, name: path, maxBytes: maxBytes, regularFileSize: isRegular ? Int(info.st_size) : nil)
    }

    /// Reads a descriptor to its end (standard input, pipes, regular files).
    /// - Throws: ``ParleyError`` `unreadable` or `too-large`.
    public static func readAll(_ fd: Int32, name: String, maxBytes: Int) throws(ParleyError) -> [UInt8] {
        var info = stat()
        let isRegular = fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
        return try readAll(fd, name: name, maxBytes: maxBytes, regularFileSize: isRegular ? Int(info.st_size) : nil)
    }

    /// Reads a descriptor to its end; `regularFileSize` is the size fstat gave for a regular file.
    private static func readAll(_ fd: Int32, name: String, maxBytes: Int, regularFileSize: Int?) throws(ParleyError) -> [UInt8] {
        // Read straight into the array's uninitialised storage, sized from fstat for regular files
        // (one read, no zero-filling, no copy); pipes and files that grow double the buffer.
        // Thousands of small articles make system calls count: a regular file is read once for its
        // size and once more only to see the end of a file that grew.
        // One byte past the limit tells "exactly at the limit" from "over it"; saturating, because
        // callers without a limit pass Int.max.
        let bound = maxBytes < Int.max ? maxBytes + 1 : Int.max
        var capacity = min(regularFileSize.map { $0 + 1 } ?? (1 << 16), bound)
        var bytes: [UInt8] = []
        var atEnd = false
        while !atEnd {
            var failure: Int32 = 0
            let previous = bytes
            bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                previous.withUnsafeBufferPointer { old in
                    if let start = old.baseAddress { buffer.baseAddress!.initialize(from: start, count: old.count) }
                }
                count = previous.count
                while count < buffer.count {
                    let got = Glibc.read(fd, buffer.baseAddress! + count, buffer.count - count)
                    if got < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        return
                    }
                    if got == 0 { atEnd = true; return }
                    count += got
                    // A regular file read to the size fstat gave is done: the 0-byte read that would
                    // confirm the end costs a system call per article.
                    if let size = regularFileSize, count == size { atEnd = true; return }
                }
            }
            if failure != 0 { throw .unreadable("\(name): \(String(cString: strerror(failure)))") }
            if !atEnd {
                if bytes.count > maxBytes { throw .tooLarge(bytes: nil, limit: maxBytes) }
                capacity = capacity > bound / 2 ? bound : capacity * 2
            }
        }
        return bytes
    }

    /// Writes `bytes` to `path` atomically: to a temporary file in the same folder, flushed, then
    /// renamed over the target, so readers never see a half-written file. Missing folders are created.
    /// - Throws: ``ParleyError`` `output-failed` naming the path and the system's reason.
    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws(ParleyError) {
        let directory = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        if !directory.isEmpty { try makeDirectories(directory) }
        let temporary = (directory.isEmpty ? "" : directory + "/") + ".parley-\(getpid())-\(TemporaryFiles.shared.nextSerial()).tmp"
        let fd = TemporaryFiles.shared.create(temporary)
        guard fd >= 0 else { throw outputError(path) }
        defer { TemporaryFiles.shared.unregister(temporary) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, $0.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                let error = outputError(path)
                close(fd)
                unlink(temporary)
                throw error
            }
            written += count
        }
        if fsync(fd) != 0 || close(fd) != 0 {
            let error = outputError(path)
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let error = outputError(path)
            unlink(temporary)
            throw error
        }
    }

    /// Creates `path` and its parents, like `mkdir -p`.
    public static func makeDirectories(_ path: String) throws(ParleyError) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST { throw outputError(prefix) }
            prefix += "/"
        }
    }

    private static func outputError(_ path: String) -> ParleyError {
        ParleyError(code: "output-failed", message: "cannot write \(path): \(String(cString: strerror(errno)))")
    }
}

/// Temporary output files currently being written, so an interrupted run can remove them.
///
/// A file is created and registered in one step under the lock, and clean-up closes the registry:
/// with registering and creating as two steps, an interruption's clean-up could run between them and
/// a worker then create a file nobody would remove (ThreadSanitizer's slow runs left two behind).
public final class TemporaryFiles: Sendable {
    /// The registry `FileIO.writeAtomically` uses and the signal handlers clean up.
    public static let shared = TemporaryFiles()

    private let state = Locked<(serial: Int, paths: Set<String>, closed: Bool)>((0, [], false))

    init() {}

    func nextSerial() -> Int { state.withLock { $0.serial += 1; return $0.serial } }

    /// Creates `path` for writing (it must not exist) and registers it; -1 with `errno` set when it
    /// cannot be created or clean-up has begun (`ECANCELED`).
    func create(_ path: String) -> Int32 {
        state.withLock { state in
            guard !state.closed else {
                errno = ECANCELED
                return -1
            }
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if fd >= 0 { state.paths.insert(path) }
            return fd
        }
    }

    func unregister(_ path: String) { state.withLock { _ = $0.paths.remove(path) } }

    /// Deletes every temporary file still registered and refuses new ones; called from a signal
    /// handler's queue before the process exits.
    public func removeAll() {
        state.withLock { state in
            state.closed = true
            for path in state.paths { unlink(path) }
            state.paths.removeAll()
        }
    }
}
