import CZ3
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `--format json` prints when Z3 is needed but cannot be loaded.
///
/// Sources/CZ3 stops the process with a text diagnostic and exit status 2 at
/// the first query that needs Z3 (decision 26): there is no sound answer
/// without it. A tool reading standard output would then get nothing; with
/// this handler installed it gets the command's JSON document, no file
/// processed, and the reason as the document's `error`.
public enum Z3Failure {
  /// The command and files of the run, for the document (set once, before the run).
  nonisolated(unsafe) private static var run: (command: String, files: [String]) = ("", [])

  public static func reportAsJSON(command: String, files: [String]) {
    run = (command, files)
    hophop_z3_set_failure_handler { reason in
      let message = reason.map { String(cString: $0) } ?? "cannot load the Z3 library"
      let bytes = Array(Z3Failure.document(reason: message).utf8)
      var offset = 0
      while offset < bytes.count {
        let written = bytes[offset...].withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
        if written < 0 && errno == EINTR { continue }
        guard written > 0 else { break }
        offset += written
      }
    }
  }

  /// The document: every file without a result, and the reason with the note the text diagnostic gives.
  static func document(reason: String) -> String {
    JSONReport<JSONNoResult>(
      command: run.command, exitStatus: .badInput,
      files: run.files.map { JSONFileReport(FileReport(path: $0, source: nil, diagnostics: []), result: nil) },
      error: JSONFatalError(message: reason, notes: [
        "hophop needs Z3 for arithmetic and quantified side conditions; install Debian's libz3-dev, "
          + "or set HOPHOP_Z3_LIBRARY to the path of libz3.so",
      ])).text
  }
}
