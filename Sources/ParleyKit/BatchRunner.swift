import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a function over a stream of items on several threads and hands the results back
/// **in input order**, with bounded memory.
///
/// ```
/// items ─► producer (caller's thread) ─► ≤ jobs workers ─► reorder window ─► emit (in order)
/// ```
/// At most `jobs` items are being processed and at most `window` results wait for an earlier
/// one, however long the input is; so memory stays flat and output never depends on timing.
public struct BatchRunner: Sendable {
    /// Worker threads.
    public let jobs: Int
    /// Items in flight (processing or waiting to be emitted), at least `jobs`.
    public let window: Int

    /// Creates a runner with `jobs` workers (clamped to at least 1).
    public init(jobs: Int, window: Int? = nil) {
        self.jobs = max(1, jobs)
        self.window = max(self.jobs, window ?? self.jobs * 4)
    }

    /// Processes every item and calls `emit` once per item, in order.
    ///
    /// `emit` is called from worker threads but never concurrently. The call returns when every
    /// item has been emitted.
    public func run<Item: Sendable, Output: Sendable>(
        _ items: some Sequence<Item>,
        process: @escaping @Sendable (Item) -> Output,
        emit: @escaping @Sendable (Int, Output) -> Void
    ) {
        if jobs == 1 {
            // One job: no threads, no queues; the simplest path is also the reference for ordering.
            for (index, item) in items.enumerated() { emit(index, process(item)) }
            return
        }
        let slots = DispatchSemaphore(value: jobs)
        let windowSlots = DispatchSemaphore(value: window)
        let group = DispatchGroup()
        let reorder = Locked(ReorderBuffer<Output>())
        let queue = DispatchQueue(label: "parley.batch", attributes: .concurrent)
        for (index, item) in items.enumerated() {
            windowSlots.wait()
            slots.wait()
            group.enter()
            queue.async {
                let output = process(item)
                slots.signal()
                // Emit everything that is now contiguous. Emission happens under the lock so
                // outputs are written one at a time and in order.
                reorder.withLock { buffer in
                    buffer.pending[index] = output
                    while let next = buffer.pending.removeValue(forKey: buffer.nextIndex) {
                        emit(buffer.nextIndex, next)
                        buffer.nextIndex += 1
                        windowSlots.signal()
                    }
                }
                group.leave()
            }
        }
        group.wait()
    }
}

/// A value behind a lock, shared by reference between threads.
///
/// Built on `pthread_mutex_t` rather than `Synchronization.Mutex`: ThreadSanitizer understands
/// pthread locks but not the futex underneath `Mutex`, so the latter made every guarded access look
/// like a race; and a class, because capturing a non-copyable `Mutex` local in escaping closures
/// compiled but crashed at run time.
public final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    /// Wraps `value`.
    public init(_ value: Value) {
        self.value = value
        mutex = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Runs `body` with exclusive access to the value.
    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}

/// Results that finished ahead of an earlier item.
private struct ReorderBuffer<Output> {
    var pending: [Int: Output] = [:]
    var nextIndex = 0
}
