#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ParleyModel

/// One article file found on disk, or a problem found while looking for them.
public enum InputEntry: Sendable, Equatable {
    /// A file to read; `id` is the path as the user wrote it (joined with names below it).
    case file(path: String)
    /// A path that could not be used (missing, dangling link, unreadable folder).
    case problem(path: String, error: ParleyError)
}

/// Expands the paths given on the command line into article files: folders are walked
/// recursively for article extensions, hidden entries are skipped, symlink loops are survived,
/// and each folder's files come back sorted by path so runs are reproducible.
public enum InputCollector {
    /// Extensions taken from folders (files named explicitly are always taken).
    public static let articleExtensions: Set<String> = ["txt", "text", "html", "htm", "xhtml"]

    /// Expands `paths` in order: each explicit file as given, each folder's files with one of
    /// `extensions` (default: article extensions), sorted by path.
    public static func collect(_ paths: [String], extensions: Set<String> = articleExtensions) -> [InputEntry] {
        Array(entries(paths, extensions: extensions))
    }

    /// The same entries as ``collect(_:extensions:)``, in the same order, walked lazily: only the
    /// folder being listed and the path to it are held, so memory does not grow with the corpus.
    public static func entries(_ paths: [String], extensions: Set<String> = articleExtensions) -> InputWalk {
        InputWalk(roots: paths, extensions: extensions)
    }

    /// The extension of a path, lower-cased, without the dot.
    public static func pathExtension(_ path: String) -> String? {
        // Over the UTF-8 bytes from the end: splitting the path into components and lower-casing with
        // Unicode rules cost ~25,000 instructions a file, called twice for every article of a batch.
        let utf8 = path.utf8
        var index = utf8.endIndex
        while index > utf8.startIndex {
            let before = utf8.index(before: index)
            switch utf8[before] {
            case UInt8(ascii: "/"): return nil
            case UInt8(ascii: "."):
                // A leading dot names a hidden file, not an extension.
                guard before > utf8.startIndex, utf8[utf8.index(before: before)] != UInt8(ascii: "/") else { return nil }
                let suffix = Substring(utf8[index...])
                return suffix.utf8.allSatisfy({ $0 < 0x80 })
                    ? String(decoding: suffix.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
                    : suffix.lowercased()
            default: index = before
            }
        }
        return nil
    }

    /// The name of a directory entry, read in place. glibc allocates records only as long as the name
    /// needs, so copying the whole fixed-size `d_name` field reads past the record (AddressSanitizer
    /// caught it on a folder of 10,000 files).
    public static func entryName(_ entry: UnsafeMutablePointer<dirent>) -> String {
        let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        return String(cString: (UnsafeRawPointer(entry) + offset).assumingMemoryBound(to: CChar.self))
    }
}

/// A lazy, sorted depth-first walk over the command-line paths (see ``InputCollector/entries(_:extensions:)``).
///
/// Sorting each folder's children by name, with `/` appended to folder names, yields exactly the
/// order of sorting every path found: all paths below a folder share its prefix, so they form one
/// contiguous run in path order.
public struct InputWalk: Sequence, IteratorProtocol, Sendable {
    /// One child of a folder being walked.
    private enum Child: Sendable {
        case entry(InputEntry)
        case folder(String)
    }

    /// A listed folder and how far through its sorted children the walk is.
    private struct Frame: Sendable {
        var children: [Child]
        var next = 0
    }

    private var roots: [String]
    private var nextRoot = 0
    private let extensions: Set<String>
    private var stack: [Frame] = []
    /// Real paths of the folders listed so far in the current root, so a symlink back to an
    /// ancestor is visited once.
    private var visited: Set<String> = []

    init(roots: [String], extensions: Set<String>) {
        self.roots = roots
        self.extensions = extensions
    }

    /// The next file or problem, or nil at the end.
    public mutating func next() -> InputEntry? {
        while true {
            if var frame = stack.popLast() {
                guard frame.next < frame.children.count else { continue }
                let child = frame.children[frame.next]
                frame.next += 1
                stack.append(frame)
                switch child {
                case .entry(let entry): return entry
                case .folder(let path): if let problem = enter(path) { return problem }
                }
                continue
            }
            guard nextRoot < roots.count else { return nil }
            let path = roots[nextRoot]
            nextRoot += 1
            var info = stat()
            guard stat(path, &info) == 0 else { return .problem(path: path, error: Self.unusable(path, errno)) }
            guard (info.st_mode & S_IFMT) == S_IFDIR else { return .file(path: path) }
            visited = []
            if let problem = enter(path) { return problem }
        }
    }

    /// Lists a folder onto the stack (children sorted), or returns why it cannot be listed.
    private mutating func enter(_ directory: String) -> InputEntry? {
        guard let real = realpath(directory, nil) else {
            return .problem(path: directory, error: .unreadable("\(directory): \(String(cString: strerror(errno)))"))
        }
        let key = String(cString: real)
        free(real)
        guard visited.insert(key).inserted else { return nil }
        guard let handle = opendir(directory) else {
            return .problem(path: directory, error: .unreadable("\(directory): \(String(cString: strerror(errno)))"))
        }
        defer { closedir(handle) }
        var children: [(key: String, child: Child)] = []
        while let entry = readdir(handle) {
            let name = InputCollector.entryName(entry)
            guard !name.hasPrefix(".") else { continue }  // hidden files and folders, ".", ".."
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            let isArticle = InputCollector.pathExtension(name).map(extensions.contains) ?? false
            // The directory entry's own type saves a stat per file; links and file systems that
            // leave the type unknown are still asked (stat follows links).
            let entryType = Int32(entry.pointee.d_type)
            if entryType == Int32(DT_REG) {
                if isArticle { children.append((name, .entry(.file(path: path)))) }
                continue
            }
            if entryType == Int32(DT_DIR) {
                children.append((name + "/", .folder(path)))
                continue
            }
            var info = stat()
            guard stat(path, &info) == 0 else {
                // A dangling link or a file that vanished: report it only if it looks like an article.
                if isArticle { children.append((name, .entry(.problem(path: path, error: Self.unusable(path, errno))))) }
                continue
            }
            let type = info.st_mode & S_IFMT
            if type == S_IFDIR {
                children.append((name + "/", .folder(path)))
            } else if isArticle {
                // Only regular files are read from folders: opening a FIFO named `x.txt` would
                // block the whole batch until some writer appeared (forever, in practice), and
                // a device could stream without end. A path named explicitly may still be a
                // pipe (`parley analyze <(curl …)`).
                children.append((name, .entry(type == S_IFREG ? .file(path: path)
                    : .problem(path: path, error: .unreadable("\(path): not a regular file (\(Self.fileTypeName(type)))")))))
            }
        }
        children.sort { $0.key < $1.key }
        stack.append(Frame(children: children.map(\.child)))
        return nil
    }

    /// Why a path that `stat` refused cannot be used (a dangling link says so).
    private static func unusable(_ path: String, _ code: Int32) -> ParleyError {
        let reason = String(cString: strerror(code))
        var linkInfo = stat()
        let dangling = lstat(path, &linkInfo) == 0 && (linkInfo.st_mode & S_IFMT) == S_IFLNK
        return .unreadable(dangling ? "\(path): dangling symbolic link" : "\(path): \(reason)")
    }

    private static func fileTypeName(_ type: mode_t) -> String {
        switch type {
        case S_IFIFO: return "a named pipe"
        case S_IFSOCK: return "a socket"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        default: return "a special file"
        }
    }
}
