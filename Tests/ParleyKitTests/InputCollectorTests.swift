#if canImport(Glibc)
import Glibc
#endif
import Foundation
import ParleyKit
import ParleyTestSupport
import Testing

@Suite struct InputCollectorTests {
    @Test func walksFoldersSortedSkippingHiddenAndNonArticles() {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        for name in ["b.txt", "a.html", "sub/c.htm", "sub/deeper/d.xhtml", "notes.md", ".hidden.txt", ".git/e.txt", "F.TXT"] {
            directory.write(name, "x")
        }
        let entries = InputCollector.collect([directory.path])
        #expect(entries == ["F.TXT", "a.html", "b.txt", "sub/c.htm", "sub/deeper/d.xhtml"].map { .file(path: directory.path + "/" + $0) })
    }

    /// The lazy walk lists one folder at a time yet yields exactly the order of sorting every path:
    /// `a-b/…` and `a.txt` come before `a/…` because `-` and `.` sort before `/`.
    @Test func lazyWalkIsInFullPathOrder() {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let names = ["a/z.txt", "a-b/c.txt", "a.txt", "a/b/c.txt", "a/b.txt", "ab.txt", "b/a.txt", "a0/x.txt"]
        for name in names { directory.write(name, "x") }
        let walked = Array(InputCollector.entries([directory.path]))
        #expect(walked == names.sorted().map { .file(path: directory.path + "/" + $0) })
    }

    @Test func survivesSymlinkLoopsAndReportsDanglingLinks() {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        directory.write("sub/a.txt", "x")
        symlink(directory.path, directory.path + "/sub/loop")
        symlink(directory.path + "/missing.txt", directory.path + "/dangling.txt")
        let entries = InputCollector.collect([directory.path])
        #expect(entries.contains(.file(path: directory.path + "/sub/a.txt")))
        #expect(entries.filter { if case .file = $0 { return true } else { return false } }.count == 1)
        #expect(entries.contains { if case .problem(let path, let error) = $0 { return path.hasSuffix("dangling.txt") && error.code == "unreadable" } else { return false } })
    }

    @Test func missingPathIsAProblemEntry() {
        let entries = InputCollector.collect(["/nonexistent/parley/file.txt"])
        guard case .problem(_, let error) = entries.first else { Issue.record("expected a problem"); return }
        #expect(error.code == "unreadable")
    }

    /// (path, extension)
    static let extensions: [(String, String?)] = [("a/b.TXT", "txt"), ("a.b/c", nil), (".hidden", nil), ("x.tar.gz", "gz"), ("page.html", "html"),
                                                     ("dir/.hidden", nil), ("file.", ""), ("noext", nil), ("/abs/x.HtM", "htm"),
                                                     ("Ärger.TXT", "txt"), ("x.ÄB", "äb")]

    @Test(arguments: extensions)
    func pathExtensions(path: String, expected: String?) {
        #expect(InputCollector.pathExtension(path) == expected)
    }
}

@Suite struct FileIOTests {
    @Test func atomicWriteLeavesOnlyTheTarget() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        try FileIO.writeAtomically(Array("{}\n".utf8), to: directory.path + "/out/nested/a.json")
        #expect(directory.list("out/nested") == ["a.json"])
        #expect(try FileIO.read(directory.path + "/out/nested/a.json", maxBytes: 100) == Array("{}\n".utf8))
    }

    /// Sizes around the 64 KiB first read and the limit, with and without a limit (regression: a
    /// caller passing Int.max as "no limit" overflowed `maxBytes + 1` and trapped in `report --merge`).
    @Test(arguments: [(0, Int.max), (10, Int.max), (70_000, Int.max), (200_000, Int.max), (5_000, 5_000), (70_000, 70_000)])
    func readsWholeFilesAndPipes(size: Int, maxBytes: Int) throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let content = (0..<size).map { UInt8(truncatingIfNeeded: $0 % 251) }
        let path = directory.write("file.bin", content)
        #expect(try FileIO.read(path, maxBytes: maxBytes) == content)
        // The same bytes through a pipe, where no size is known in advance.
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let (readEnd, writeEnd) = (fds[0], fds[1])
        let writer = Thread { _ = content.withUnsafeBytes { write(writeEnd, $0.baseAddress, $0.count) }; close(writeEnd) }
        writer.start()
        defer { close(readEnd) }
        #expect(try FileIO.readAll(readEnd, name: "pipe", maxBytes: maxBytes) == content)
    }

    @Test func unwritableTargetIsAClearError() {
        #expect { try FileIO.writeAtomically([1], to: "/dev/full/x.json") } throws: { error in
            (error as? ParleyError)?.code == "output-failed"
        }
    }

    @Test func readRefusesTooLargeFilesBeforeReading() {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.write("big.txt", [UInt8](repeating: 0x61, count: 5000))
        #expect { try FileIO.read(path, maxBytes: 4000) } throws: { ($0 as? ParleyError)?.code == "too-large" }
        #expect { try FileIO.read(directory.path, maxBytes: 4000) } throws: { ($0 as? ParleyError)?.code == "unreadable" }
    }
}
