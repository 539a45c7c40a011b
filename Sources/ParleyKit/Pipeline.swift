import ParleyModel

/// Placeholder until the pipeline lands.
public enum ParleyVersion {
    /// The version printed by `parley --version`.
    public static let string = "0.1.0"
}
