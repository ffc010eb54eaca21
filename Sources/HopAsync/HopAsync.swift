/// Namespace marker for the `HopAsync` stage (see ../shared/DESIGN.md).
///
/// The stage's engine arrives with its own issue; until then the driver
/// reports that the analysis is not available.
public enum HopAsyncStage {
  public static let name = "HopAsync"
}
