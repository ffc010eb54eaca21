/// The interpreter's only source of randomness: SplitMix64, seeded, so a run
/// (inputs, schedule, fresh field values) replays exactly from its seed.
///
/// A struct with value semantics: copying it forks the sequence, which the
/// input generator uses to retry a build from a known point.
public struct SeededRandom: RandomNumberGenerator, Sendable {
  private var state: UInt64

  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in `0..<bound` (`bound` > 0); cheaper than `Int.random(in:using:)` in the hot loop.
  public mutating func below(_ bound: Int) -> Int {
    Int(truncatingIfNeeded: next() % UInt64(bound))
  }

  /// True with probability 1 / `odds`.
  public mutating func oneIn(_ odds: Int) -> Bool { below(odds) == 0 }

  /// The value of a field or variable nobody initialised: C leaves it unspecified
  /// (decision 29), so a run picks NULL half the time and otherwise a small
  /// negative number, which is never an address.
  public mutating func garbage() -> Int { oneIn(2) ? 0 : -1 - below(1000) }
}
