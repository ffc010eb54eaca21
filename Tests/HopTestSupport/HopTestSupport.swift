import HopSyntax
/// Placeholder.
public enum HopTestSupport {}
