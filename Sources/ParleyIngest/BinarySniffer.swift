/// Tells binary files apart from text before any decoding is attempted, so an executable or an
/// image given a `.txt` name is reported instead of being analysed as mojibake.
enum BinarySniffer {
    /// A short description of the binary format detected, or nil when the bytes may be text.
    static func binaryKind(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        func starts(with magic: [UInt8]) -> Bool {
            bytes.count >= magic.count && zip(bytes, magic).allSatisfy { $0 == $1 }
        }
        for (name, magic) in Self.signatures where starts(with: magic) { return name }
        // UTF-16 text legitimately holds NULs; it is recognised by its BOM.
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            return nil
        }
        // Otherwise judge by the first 8 KB: many NULs or C0 controls mean binary. A few stray NULs
        // in text are tolerated (the plain-text reader removes them with a warning).
        let sample = UnsafeBufferPointer(rebasing: bytes[0..<min(bytes.count, 8192)])
        var nul = 0
        var control = 0
        // Only from each control byte on: most of a text has none.
        var index = ControlByteScan.firstControl(in: sample, from: 0)
        while index < sample.count {
            Self.tally(sample[index], nul: &nul, control: &control)
            index = ControlByteScan.firstControl(in: sample, from: index + 1)
        }
        if nul * 100 > sample.count * 1 + 100 || (nul + control) * 100 > sample.count * 10 {
            return "binary data (\(nul) NUL and \(control) control bytes in the first \(sample.count))"
        }
        return nil
    }

    /// Magic numbers of common binary formats, with how to name them.
    private static let signatures: [(String, [UInt8])] = [
        ("an ELF executable", [0x7F, 0x45, 0x4C, 0x46]),
        ("a PNG image", [0x89, 0x50, 0x4E, 0x47]),
        ("gzip-compressed data", [0x1F, 0x8B]),
        ("a JPEG image", [0xFF, 0xD8, 0xFF]),
        ("a GIF image", Array("GIF8".utf8)),
        ("a PDF document", Array("%PDF-".utf8)),
        ("a ZIP archive", [0x50, 0x4B, 0x03, 0x04]),
        ("a bzip2 archive", Array("BZh".utf8)),
        ("xz-compressed data", [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]),
        ("a Mach-O executable", [0xCF, 0xFA, 0xED, 0xFE]),
        ("a Windows executable", [0x4D, 0x5A, 0x90, 0x00]),
        ("WebAssembly", [0x00, 0x61, 0x73, 0x6D]),
    ]

    /// Counts a NUL or a C0 control other than tab, line feed, form feed and carriage return.
    @inline(__always)
    private static func tally(_ byte: UInt8, nul: inout Int, control: inout Int) {
        if byte == 0 { nul += 1 } else if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D, byte != 0x0C { control += 1 }
    }
}
