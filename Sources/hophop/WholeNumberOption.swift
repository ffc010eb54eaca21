import ArgumentParser

/// The value of a numeric option (`--timeout`, `--max-buffer`, ...), read so
/// that a wrong one is named for what it is. Declared with
/// `parsing: .unconditional`, so that `--timeout -5` reaches this check
/// instead of ArgumentParser taking `-5` for an option and saying the value
/// is missing.
enum WholeNumberOption {
  /// `text` as a whole number from `minimum` to `T.max`, or a `ValidationError` saying so.
  static func parse<T: FixedWidthInteger>(_ text: String, minimum: T, unit: String) throws -> T {
    guard let value = T(text), value >= minimum else {
      throw ValidationError("it must be a whole number of \(unit), from \(minimum) to \(T.max)")
    }
    return value
  }
}
