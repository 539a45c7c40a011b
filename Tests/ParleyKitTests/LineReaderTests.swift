#if canImport(Glibc)
import Glibc
#endif
import ParleyKit
import Testing

@Suite struct LineReaderTests {
    /// Writes `text` to a temporary file and reads it back with a tiny chunk size, so lines
    /// straddle chunk boundaries.
    func lines(_ text: String, chunkSize: Int) throws -> [(Int, String)] {
        var template = Array("/tmp/parley-lines-XXXXXX".utf8CString)
        let fd = mkstemp(&template)
        try #require(fd >= 0)
        defer { unlink(template); close(fd) }
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        lseek(fd, 0, SEEK_SET)
        return try LineReader(fd: fd, name: "test", chunkSize: chunkSize).map { result in
            let line = try result.get()
            return (line.number, String(decoding: line.bytes, as: UTF8.self))
        }
    }

    @Test(arguments: [1, 2, 3, 7, 64, 1 << 16])
    func numbersNonBlankLinesAcrossChunkBoundaries(chunkSize: Int) throws {
        let got = try lines("{\"a\":1}\n\n  \t\r\n{\"b\":22}\r\nlast without newline", chunkSize: chunkSize)
        #expect(got.map(\.0) == [1, 4, 5])
        #expect(got.map(\.1) == ["{\"a\":1}", "{\"b\":22}\r", "last without newline"])
    }

    @Test func emptyAndBlankInputsHaveNoLines() throws {
        #expect(try lines("", chunkSize: 4).isEmpty)
        #expect(try lines("\n \n\t\n", chunkSize: 2).isEmpty)
    }
}
