import ParleyModel

/// Checks that a standoff layer is well-formed, for stage tests.
public enum LayerInvariants {
    /// Lists every way `ranges` fail to be a clean, flat layer over `text`.
    ///
    /// A clean layer has non-empty ranges inside the text, starting and ending on Unicode-scalar
    /// boundaries (never inside a multi-byte UTF-8 sequence), sorted by start and not overlapping.
    /// - Parameters:
    ///   - ranges: the layer's ranges in layer order.
    ///   - text: the document text.
    ///   - name: layer name used in the messages.
    /// - Returns: one human-readable message per violation; empty when the layer is clean.
    public static func violations(_ ranges: [TextRange], in text: String, name: String) -> [String] {
        let bytes = Array(text.utf8)
        func isBoundary(_ offset: Int) -> Bool { offset == bytes.count || (offset < bytes.count && bytes[offset] & 0xC0 != 0x80) }
        var problems: [String] = []
        var previousEnd = 0
        for (index, range) in ranges.enumerated() {
            if range.isEmpty { problems.append("\(name)[\(index)] \(range) is empty") }
            if range.start < 0 || range.end > bytes.count {
                problems.append("\(name)[\(index)] \(range) is outside 0..<\(bytes.count)")
                continue
            }
            if !isBoundary(range.start) || !isBoundary(range.end) {
                problems.append("\(name)[\(index)] \(range) splits a UTF-8 sequence")
            }
            if range.start < previousEnd { problems.append("\(name)[\(index)] \(range) overlaps or precedes the range before it") }
            previousEnd = max(previousEnd, range.end)
        }
        return problems
    }
}
