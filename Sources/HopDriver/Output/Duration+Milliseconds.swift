extension Duration {
  /// The duration in milliseconds, for reports and benchmarks.
  public var milliseconds: Double {
    Double(components.seconds) * 1_000 + Double(components.attoseconds) / 1e15
  }
}
