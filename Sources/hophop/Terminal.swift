#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a command knows of the terminal it prints on: its width (to wrap
/// `explain`'s comments) and whether standard output and standard error
/// are the same terminal (then a diagnostic `explain` already shows under
/// its command is not printed a second time on standard error).
enum Terminal {
  /// The columns of the terminal standard output is, or nil when it is none (a file, a pipe).
  static var outputWidth: Int? {
    guard isatty(STDOUT_FILENO) == 1 else { return nil }
    var size = winsize()
    guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
    return Int(size.ws_col)
  }

  /// Whether standard output and standard error are one terminal (the same device file).
  static var outputAndErrorShareOne: Bool {
    guard isatty(STDOUT_FILENO) == 1, isatty(STDERR_FILENO) == 1 else { return false }
    var output = stat(), error = stat()
    guard fstat(STDOUT_FILENO, &output) == 0, fstat(STDERR_FILENO, &error) == 0 else { return false }
    return output.st_dev == error.st_dev && output.st_ino == error.st_ino && output.st_rdev == error.st_rdev
  }
}
