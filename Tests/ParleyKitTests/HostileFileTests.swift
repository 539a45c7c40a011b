#if canImport(Glibc)
import Glibc
#endif
import ParleyKit
import ParleyReport
import ParleyTestSupport
import Testing

/// Hostile file-system situations at the library level: special files, unreadable files, files
/// that vanish between the folder walk and the read, symlink loops and dangling links.
@Suite struct HostileFileTests {
    let processor = BatchProcessor(parley: Parley(), format: .auto, output: .report(DocumentReportFormatter()), maxBytes: 1 << 20)

    func problem(_ entries: [InputEntry], _ suffix: String) -> ParleyError? {
        for case .problem(let path, let error) in entries where path.hasSuffix(suffix) { return error }
        return nil
    }

    /// Regression: a FIFO named `x.txt` in a folder was opened for reading and blocked the batch forever.
    @Test func namedPipeInAFolderIsReportedNotOpened() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        directory.write("a.txt", "The minister said the talks went well.")
        #expect(mkfifo(directory.path + "/pipe.txt", 0o644) == 0)
        let entries = InputCollector.collect([directory.path])
        #expect(entries.first == .file(path: directory.path + "/a.txt"))
        let error = try #require(problem(entries, "/pipe.txt"))
        #expect(error.code == "unreadable")
        #expect(error.message.hasSuffix("pipe.txt: not a regular file (a named pipe)"))
    }

    @Test func danglingLinkInAFolderSaysSo() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        symlink(directory.path + "/missing.txt", directory.path + "/dangling.txt")
        symlink(directory.path, directory.path + "/loop")
        let entries = InputCollector.collect([directory.path])
        #expect(entries.count == 1)
        #expect(try #require(problem(entries, "/dangling.txt")).message.hasSuffix("dangling.txt: dangling symbolic link"))
    }

    /// Tests run as root here, so `chmod 000` does not stop a read. What holds for everyone: a file
    /// whose read fails (a link to `/proc/self/mem`, whose offset 0 is unmapped: EIO), and for
    /// non-root users additionally `chmod 000`.
    @Test func unreadableFileIsAnErrorRecord() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        symlink("/proc/self/mem", directory.path + "/mem.txt")
        let blocked = directory.write("blocked.txt", "The minister said the talks went well.")
        chmod(blocked, 0)
        let entries = InputCollector.collect([directory.path])
        #expect(entries == [.file(path: blocked), .file(path: directory.path + "/mem.txt")])
        let mem = processor.process(.file(path: directory.path + "/mem.txt", outputName: "mem.txt"))
        #expect(mem.error?.code == "unreadable")
        #expect(mem.error?.message.hasSuffix("mem.txt: Input/output error") == true)
        let chmodded = processor.process(.file(path: blocked, outputName: "blocked.txt"))
        if geteuid() == 0 {
            #expect(chmodded.error == nil, "root reads mode-000 files")
        } else {
            #expect(chmodded.error?.code == "unreadable")
            #expect(chmodded.error?.message.hasSuffix("Permission denied") == true)
        }
    }

    /// A file listed by the walk and deleted before its turn (as in a crawler's spool folder).
    @Test func fileThatDisappearsAfterTheWalk() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.write("gone.txt", "The minister said the talks went well.")
        #expect(InputCollector.collect([directory.path]) == [.file(path: path)])
        unlink(path)
        let result = processor.process(.file(path: path, outputName: "gone.txt"))
        #expect(result.error?.code == "unreadable")
        #expect(result.error?.message == "\(path): No such file or directory")
        #expect(String(decoding: result.record, as: UTF8.self).contains(#""error":{"code":"unreadable""#))
    }

    @Test func directoryNamedLikeAnArticleIsWalkedNotRead() {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        directory.write("x.txt/inner.txt", "The minister said the talks went well.")
        #expect(InputCollector.collect([directory.path]) == [.file(path: directory.path + "/x.txt/inner.txt")])
        let result = processor.process(.file(path: directory.path + "/x.txt", outputName: "x.txt"))
        #expect(result.error?.message.hasSuffix("x.txt: is a directory") == true)
    }
}
