/// Namespace marker for the `HopProver` stage (see ../shared/DESIGN.md).
///
/// The stage's engine arrives with its own issue; until then the driver
/// reports that the analysis is not available.
public enum HopProverStage {
  public static let name = "HopProver"
}
