#if canImport(Glibc)
import Glibc
#endif
@testable import ParleyKit
import ParleyTestSupport
import Testing

/// The registry of temporary output files an interrupted run removes.
@Suite struct TemporaryFilesTests {
    /// Regression: registering a temporary file and creating it were two steps, so an interruption's
    /// clean-up could run between them and a worker then create a file nobody removed (the
    /// interrupted-run test left two `.parley-*.tmp` files under ThreadSanitizer). Clean-up now
    /// removes what exists and refuses anything after it.
    @Test func cleanUpRemovesRegisteredFilesAndRefusesNewOnes() {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let registry = TemporaryFiles()
        let first = directory.path + "/.first.tmp"
        let fd = registry.create(first)
        #expect(fd >= 0)
        if fd >= 0 { close(fd) }
        registry.removeAll()
        #expect(access(first, F_OK) != 0)
        let second = directory.path + "/.second.tmp"
        #expect(registry.create(second) == -1)
        #expect(errno == ECANCELED)
        #expect(access(second, F_OK) != 0)
        #expect(directory.list().isEmpty)
    }

    /// A finished atomic write leaves its file and no temporary one.
    @Test func finishedWriteLeavesOnlyItsFile() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        try FileIO.writeAtomically(Array("{}\n".utf8), to: directory.path + "/done.json")
        #expect(directory.list() == ["done.json"])
    }
}
