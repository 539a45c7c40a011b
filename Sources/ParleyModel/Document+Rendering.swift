extension Document {
    /// The article as readable text: its paragraphs, each with runs of whitespace (line breaks of
    /// hard-wrapped text included) collapsed to one space, separated by a blank line.
    ///
    /// This is what `parley text` prints. Offsets in reports refer to ``text``, which for plain
    /// text keeps the input's own layout.
    public func renderedText() -> String {
        var output: [UInt8] = []
        output.reserveCapacity(byteCount)
        withUTF8 { bytes in
            for paragraph in paragraphs {
                if !output.isEmpty { output.append(0x0A); output.append(0x0A) }
                var pendingSpace = false
                for byte in bytes[paragraph.range.start..<paragraph.range.end] {
                    if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                        pendingSpace = true
                        continue
                    }
                    if pendingSpace { output.append(0x20); pendingSpace = false }
                    output.append(byte)
                }
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
