import ParleyModel

/// Diagnostics for tuning the main-content extractor (benchmarks and development only; not API).
public enum _HTMLDebug {
    /// Describes the ancestor chain of the first text node containing `needle`: tag, flags and
    /// subtree text length per level, so a developer can see why text was dropped.
    public static func explain(_ bytes: UnsafeBufferPointer<UInt8>, needle: String) -> String {
        var decoded = HTMLReader.decode(bytes).text
        let parsed: Result<HTMLTree, ParleyError> = decoded.withUTF8 { buffer in
            Result { () throws(ParleyError) in try HTMLTreeWalker.parse(utf8: buffer) }
        }
        guard let tree = try? parsed.get() else { return "parse failed" }
        let needleBytes = Array(needle.utf8)
        var lines: [String] = []
        for node in tree.nodes where node.tag == .text {
            let text = Array(tree.textBytes[Int(node.textStart)..<Int(node.textEnd)])
            guard text.count >= needleBytes.count,
                  (0...(text.count - needleBytes.count)).contains(where: { Array(text[$0..<($0 + needleBytes.count)]) == needleBytes })
            else { continue }
            var current = Int(node.parent)
            while current >= 0 {
                let n = tree.nodes[current]
                lines.append("\(current) \(n.tag) flags=\(String(n.flags.rawValue, radix: 2)) nodes=\(Int(n.end) - current)")
                current = Int(n.parent)
            }
            lines.reverse()
            break
        }
        var trace: [String] = []
        let result = HTMLMainContentExtractor.extract(tree, trace: &trace)
        lines.append(contentsOf: trace)
        lines.append("roots: \(result.roots.map { "\($0) \(tree.nodes[Int($0)].tag)" }) blocks: \(result.blocks.count)")
        return lines.joined(separator: "\n")
    }
}
