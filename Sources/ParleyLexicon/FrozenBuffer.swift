/// An immutable array of plain values that is either owned or read in place from memory that lives
/// as long as the program: the lexicon snapshot compiled into the binary.
///
/// The hash indexes of the bundled lexicons are 12 MB of slots. Decoding them into fresh arrays cost
/// more start-up time than anything else a run does once (zeroing and faulting in the pages), so the
/// snapshot stores them as they lie in memory and a frozen buffer reads them where they are. Tables
/// built at run time (`--lexicons`, tests) own a copy instead.
@usableFromInline
struct FrozenBuffer<Element: BitwiseCopyable>: RandomAccessCollection, @unchecked Sendable {
    // Unchecked: the memory is never written after the buffer is made, and an owned allocation is
    // released only with the last buffer that refers to it.
    @usableFromInline let base: UnsafePointer<Element>
    @usableFromInline let count: Int
    /// Keeps an owned allocation alive; nil for the embedded snapshot.
    private let owner: Allocation?

    /// A copy of `elements` in memory this buffer owns.
    init(_ elements: some Collection<Element>) {
        let allocation = Allocation(capacity: elements.count, of: Element.self)
        let copied = UnsafeMutableBufferPointer(start: allocation.pointer.bindMemory(to: Element.self, capacity: Swift.max(elements.count, 1)),
                                                count: elements.count)
        _ = copied.initialize(from: elements)
        base = UnsafePointer(copied.baseAddress!)
        count = elements.count
        owner = allocation
    }

    /// A copy of `count` elements stored in `bytes` (which need not be aligned).
    init(copying bytes: UnsafeRawBufferPointer, count: Int) {
        precondition(bytes.count == count * MemoryLayout<Element>.stride, "frozen buffer byte count")
        let allocation = Allocation(capacity: count, of: Element.self)
        if count > 0 { allocation.pointer.copyMemory(from: bytes.baseAddress!, byteCount: bytes.count) }
        base = UnsafePointer(allocation.pointer.bindMemory(to: Element.self, capacity: Swift.max(count, 1)))
        self.count = count
        owner = allocation
    }

    /// The elements at `base`, which must stay valid and unchanged for the life of the program.
    init(permanent base: UnsafePointer<Element>, count: Int) {
        self.base = base
        self.count = count
        owner = nil
    }

    @inlinable var startIndex: Int { 0 }
    @inlinable var endIndex: Int { count }

    /// The element at `index`, unchecked in release builds: every index a lookup computes is masked
    /// to the table size or was validated when the snapshot was read.
    @inlinable subscript(index: Int) -> Element {
        assert(index >= 0 && index < count, "frozen buffer index \(index) out of 0..<\(count)")
        return base[index]
    }

    /// The elements as a buffer, for copying them out whole.
    var buffer: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

    /// Memory owned by one or more frozen buffers.
    private final class Allocation {
        let pointer: UnsafeMutableRawPointer

        init<T>(capacity: Int, of type: T.Type) {
            pointer = UnsafeMutableRawPointer.allocate(byteCount: Swift.max(capacity, 1) * MemoryLayout<T>.stride,
                                                       alignment: MemoryLayout<T>.alignment)
        }

        deinit { pointer.deallocate() }
    }
}
