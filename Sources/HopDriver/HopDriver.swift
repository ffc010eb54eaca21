import HopSyntax
/// Placeholder.
public enum HopDriverStage {}
