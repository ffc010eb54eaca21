import ArgumentParser

/// The value of a numeric option (`--timeout`, `--max-buffer`, `--seed`, ...),
/// read so that a wrong one is named for what it is. Declared with
/// `parsing: .unconditional`, so that `--timeout -5` reaches this check
/// instead of ArgumentParser taking `-5` for an option and saying the value
/// is missing.
enum WholeNumberOption {
  /// `text` as a whole number from `minimum` to `T.max`, or a `ValidationError` saying so
  /// ("a whole number of milliseconds", or just "a whole number" when `unit` is nil).
  static func parse<T: FixedWidthInteger>(_ text: String, minimum: T, unit: String?) throws -> T {
    guard let value = T(text), value >= minimum else {
      throw ValidationError("it must be a whole number\(unit.map { " of \($0)" } ?? ""), from \(minimum) to \(T.max)")
    }
    return value
  }

  /// The option's help with its default, as ArgumentParser words it for other
  /// options ("... (default: 5000)"): it shows none for an option read by a
  /// transform, as these are.
  static func help(_ text: String, default value: some BinaryInteger) -> ArgumentHelp {
    ArgumentHelp("\(text) (default: \(value))")
  }
}
