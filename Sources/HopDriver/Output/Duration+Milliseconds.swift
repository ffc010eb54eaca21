extension Duration {
  /// The duration in milliseconds, for reports and benchmarks.
  public var milliseconds: Double {
    Double(components.seconds) * 1_000 + Double(components.attoseconds) / 1e15
  }
}

extension Duration {
  /// The milliseconds with `decimals` digits after the point (0 or 1), without Foundation's
  /// `String(format:)`, whose first use costs more than checking a small file.
  public func millisecondsText(decimals: Int) -> String {
    let scale = decimals > 0 ? 10 : 1
    let scaled = Int((milliseconds * Double(scale)).rounded())
    return decimals > 0 ? "\(scaled / scale).\(scaled % scale)" : "\(scaled)"
  }
}
