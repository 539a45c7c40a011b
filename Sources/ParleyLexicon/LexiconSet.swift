import ParleyModel

/// All lexicons Parley uses, loaded once and shared read-only between threads.
public struct LexiconSet: Sendable {
    /// Creates an empty set (placeholder until the loader lands).
    public init() {}
}
