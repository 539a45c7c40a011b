#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fresh folder under /tmp for one test, removed with its contents by ``remove()``.
public struct TemporaryDirectory {
    /// Absolute path of the folder.
    public let path: String

    /// Creates the folder.
    public init() {
        var template = Array("/tmp/parley-test-XXXXXX".utf8CString)
        let created = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(created != nil, "mkdtemp failed")
        path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Writes `bytes` to `name` (relative, folders created) and returns the full path.
    @discardableResult
    public func write(_ name: String, _ bytes: [UInt8]) -> String {
        let full = path + "/" + name
        var folder = ""
        for component in full.split(separator: "/").dropLast() {
            folder += "/" + component
            mkdir(folder, 0o755)
        }
        let fd = open(full, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        precondition(fd >= 0, "cannot create \(full)")
        _ = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)
        return full
    }

    /// Writes UTF-8 text to `name` and returns the full path.
    @discardableResult
    public func write(_ name: String, _ text: String) -> String { write(name, Array(text.utf8)) }

    /// Names of the entries in `folder` (relative to this directory), sorted, hidden ones included.
    public func list(_ folder: String = "") -> [String] {
        guard let handle = opendir(path + "/" + folder) else { return [] }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
            let name = String(cString: (UnsafeRawPointer(entry) + offset).assumingMemoryBound(to: CChar.self))
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Deletes the folder and everything in it.
    public func remove() {
        _ = system("rm -rf '\(path)'")
    }
}
