import CZ3

/// libz3 could not be loaded when a query needed it (decision 63). A value,
/// not an exit: the checkers answer `unknown` for what they could not decide
/// and the driver renders the failure (`hophop: error: ...`, exit status 2).
public struct SMTUnavailable: Error, Hashable, Sendable, CustomStringConvertible {
  /// What failed and why, as `what: detail` (for example
  /// `cannot load the Z3 library named by HOPHOP_Z3_LIBRARY: /x/libz3.so: cannot open shared object file: ...`).
  public let reason: String

  public init(reason: String) { self.reason = reason }

  public var description: String { reason }
}

/// libz3, opened on first use by Sources/CZ3 (decision 26).
public enum SMTLibrary {
  /// Loads libz3 unless it is loaded already; nil when it is, else why it cannot be.
  public static func load() -> SMTUnavailable? {
    hophop_z3_load().map { SMTUnavailable(reason: String(cString: $0)) }
  }

  /// Why libz3 could not be loaded, if this process tried and failed; nil when
  /// it was not needed yet or is loaded. Never loads it.
  public static var failure: SMTUnavailable? {
    hophop_z3_failure().map { SMTUnavailable(reason: String(cString: $0)) }
  }
}
