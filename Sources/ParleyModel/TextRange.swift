/// A half-open range of **UTF-8 byte offsets** into ``Document/text``.
///
/// Every annotation in Parley is standoff: it names the bytes it covers and never copies
/// or edits the text. Byte offsets are converted to Unicode-scalar offsets only when a
/// report is written (see ``ScalarOffsetMap``).
public struct TextRange: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// First byte covered.
    public var start: Int
    /// One past the last byte covered.
    public var end: Int

    /// Creates a range; `start` must not exceed `end`.
    @inlinable
    public init(_ start: Int, _ end: Int) {
        precondition(start <= end, "TextRange start \(start) > end \(end)")
        self.start = start
        self.end = end
    }

    /// Creates a range from a Swift half-open range of byte offsets.
    @inlinable
    public init(_ range: Range<Int>) { self.init(range.lowerBound, range.upperBound) }

    /// Number of bytes covered.
    @inlinable public var length: Int { end - start }
    /// True when the range covers no bytes.
    @inlinable public var isEmpty: Bool { start == end }
    /// The same range as a Swift `Range<Int>`.
    @inlinable public var bytes: Range<Int> { start..<end }

    /// True when `other` lies entirely inside this range.
    @inlinable public func contains(_ other: TextRange) -> Bool { start <= other.start && other.end <= end }
    /// True when `offset` lies inside this range.
    @inlinable public func contains(_ offset: Int) -> Bool { start <= offset && offset < end }
    /// True when the two ranges share at least one byte.
    @inlinable public func overlaps(_ other: TextRange) -> Bool { start < other.end && other.start < end }

    /// Orders by start, then by end, so sorted layers read left to right.
    @inlinable
    public static func < (lhs: TextRange, rhs: TextRange) -> Bool {
        lhs.start != rhs.start ? lhs.start < rhs.start : lhs.end < rhs.end
    }

    /// `start..<end`, for dumps and messages.
    public var description: String { "\(start)..<\(end)" }
}
