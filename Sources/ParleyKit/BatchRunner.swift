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
/// items ─► jobs workers (each takes the next item itself) ─► reorder window ─► emit (in order)
/// ```
/// At most `jobs` items are being processed and at most `window` items are taken but not yet
/// emitted, however long the input is; so memory stays flat and output never depends on timing.
///
/// Workers take items themselves and whichever worker completes the next item in order emits it,
/// so a document costs two short critical sections and no thread hand-off: the earlier design (a
/// producer feeding a queue through semaphores) made ~2.4 context switches per document, which
/// cost a tenth of the second core on corpora of short articles.
public struct BatchRunner: Sendable {
    /// Worker threads.
    public let jobs: Int
    /// Items in flight (processing or waiting to be emitted), at least `jobs`. The default, 16 per
    /// worker, lets the other workers run on past a long article (news lengths vary tenfold) where 4
    /// per worker stalled them; finished reports are a few kilobytes each, so memory stays flat.
    public let window: Int

    /// Creates a runner with `jobs` workers (clamped to at least 1).
    public init(jobs: Int, window: Int? = nil) {
        self.jobs = max(1, jobs)
        self.window = max(self.jobs, window ?? self.jobs * 16)
    }

    /// Processes every item and calls `emit` once per item, in order.
    ///
    /// `emit` is called from worker threads but never concurrently. The call returns when every
    /// item has been emitted. The sequence is iterated under a lock, one item at a time.
    public func run<Item: Sendable, Output: Sendable>(
        _ items: some Sequence<Item>,
        process: @escaping @Sendable (Item) -> Output,
        emit: @escaping @Sendable (Int, Output) -> Void
    ) {
        if jobs == 1 {
            // One job: no threads, no locks; the simplest path is also the reference for ordering.
            for (index, item) in items.enumerated() { emit(index, process(item)) }
            return
        }
        let state = RunnerState(AnyIterator(items.makeIterator()), window: window, emit: emit)
        // The first item runs alone, before the other workers start: whatever it initialises once (the
        // lexicon build, which spreads itself over the cores) then has the cores to itself instead of
        // competing with workers blocked on the same initialisation.
        guard state.workOnce(process) else { return }
        let group = DispatchGroup()
        let queue = DispatchQueue(label: "parley.batch", attributes: .concurrent)
        for _ in 1..<jobs {
            queue.async(group: group) { state.work(process) }
        }
        state.work(process)  // the calling thread is one of the workers
        group.wait()
    }
}

/// What the workers of one `BatchRunner.run` share: the item iterator, the reorder buffer and
/// who is emitting, behind one mutex and one condition (signalled when the window moves).
private final class RunnerState<Item: Sendable, Output: Sendable>: @unchecked Sendable {
    private var iterator: AnyIterator<Item>
    private var exhausted = false
    private var nextToTake = 0
    private var nextToEmit = 0
    private var pending: [Int: Output] = [:]
    private var emitting = false
    private let window: Int
    private let emit: @Sendable (Int, Output) -> Void
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let windowMoved = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    init(_ iterator: AnyIterator<Item>, window: Int, emit: @escaping @Sendable (Int, Output) -> Void) {
        self.iterator = iterator
        self.window = window
        self.emit = emit
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(windowMoved, nil)
    }

    deinit {
        pthread_cond_destroy(windowMoved)
        pthread_mutex_destroy(mutex)
        windowMoved.deallocate()
        mutex.deallocate()
    }

    /// One worker's loop: take the next item, process it outside the lock, hand the output over.
    func work(_ process: (Item) -> Output) {
        while workOnce(process) {}
    }

    /// Takes, processes and hands over one item; false when there was none left.
    func workOnce(_ process: (Item) -> Output) -> Bool {
        guard let (index, item) = take() else { return false }
        deposit(process(item), at: index)
        return true
    }

    private func take() -> (Int, Item)? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while !exhausted && nextToTake - nextToEmit >= window { pthread_cond_wait(windowMoved, mutex) }
        guard !exhausted, let item = iterator.next() else {
            exhausted = true
            pthread_cond_broadcast(windowMoved)
            return nil
        }
        defer { nextToTake += 1 }
        return (nextToTake, item)
    }

    /// Stores an output; if no other worker is emitting, emits everything now contiguous. `emit`
    /// runs outside the lock (a slow write must not stop the other workers from taking items),
    /// and the `emitting` flag keeps emissions one at a time and in order.
    private func deposit(_ output: Output, at index: Int) {
        pthread_mutex_lock(mutex)
        pending[index] = output
        guard !emitting else { pthread_mutex_unlock(mutex); return }
        emitting = true
        while let next = pending.removeValue(forKey: nextToEmit) {
            let emitIndex = nextToEmit
            pthread_mutex_unlock(mutex)
            emit(emitIndex, next)
            pthread_mutex_lock(mutex)
            nextToEmit += 1
            pthread_cond_broadcast(windowMoved)
        }
        emitting = false
        pthread_mutex_unlock(mutex)
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
