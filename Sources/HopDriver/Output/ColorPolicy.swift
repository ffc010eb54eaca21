#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// When hophop colours its output, by the usual conventions: only on a
/// terminal, and never with `--no-color`, with `NO_COLOR` set to a non-empty
/// value (no-color.org: an empty `NO_COLOR` is as if unset), or on a terminal
/// that cannot show colour (`TERM=dumb`). One policy for every command.
public enum ColorPolicy {
  /// The decision from its inputs (the environment as name → value).
  public static func useColor(noColorFlag: Bool, environment: (String) -> String?, isTerminal: Bool) -> Bool {
    if noColorFlag || !isTerminal { return false }
    if let value = environment("NO_COLOR"), !value.isEmpty { return false }
    if environment("TERM") == "dumb" { return false }
    return true
  }

  /// The decision for this process writing to `descriptor` (`STDERR_FILENO` for diagnostics).
  public static func useColor(noColorFlag: Bool, descriptor: Int32) -> Bool {
    useColor(noColorFlag: noColorFlag, environment: { name in getenv(name).map { String(cString: $0) } },
             isTerminal: isatty(descriptor) != 0)
  }
}
