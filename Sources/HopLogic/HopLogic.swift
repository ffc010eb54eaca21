/// Namespace marker for the `HopLogic` stage (see ../shared/DESIGN.md).
///
/// The stage's engine arrives with its own issue; until then the driver
/// reports that the analysis is not available.
public enum HopLogicStage {
  public static let name = "HopLogic"
}
