#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes the files hophop produces (`-o`, `--dump-smt`) and standard output's bytes, with plain POSIX
/// calls: problems come back in words that name the path's problem, and the shipped executable
/// links no Foundation (issue 27). `SourceLoader` is its reading counterpart.
public enum FileWriter {
  /// Writes `bytes` to the file at `path` (created or truncated); returns what went wrong, if
  /// anything. `fileName` is offered when `path` is a directory.
  public static func write(_ bytes: [UInt8], to path: String, fileName: String) -> String? {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
    guard descriptor >= 0 else { return reason(errno, path: path, fileName: fileName) }
    defer { close(descriptor) }
    return writeAll(bytes, to: descriptor) ? nil : reason(errno, path: path, fileName: fileName)
  }

  /// `bytes` on standard output (a broken pipe ends the writing, as for text).
  public static func standardOutput(_ bytes: [UInt8]) { _ = writeAll(bytes, to: STDOUT_FILENO) }

  /// Makes the directory at `path` and those above it that are missing (`mkdir -p`); returns what
  /// went wrong, if anything.
  public static func makeDirectories(_ path: String) -> String? {
    var prefix = path.hasPrefix("/") ? "/" : ""
    for component in path.split(separator: "/") {
      prefix += component
      if mkdir(prefix, 0o777) != 0 && errno != EEXIST { return String(cString: strerror(errno)) }
      prefix += "/"
    }
    var status = stat()
    guard stat(path, &status) == 0 else { return String(cString: strerror(errno)) }
    return status.st_mode & S_IFMT == S_IFDIR ? nil : "'\(path)' is not a directory"
  }

  /// The file name at the end of `path`, without its extension (`dir/a.hop` -> `a`).
  public static func stem(of path: String) -> String {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
    return String(name[..<dot])
  }

  private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
    bytes.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 && errno == EINTR { continue }
        guard written > 0 else { return false }
        offset += written
      }
      return true
    }
  }

  private static func reason(_ error: Int32, path: String, fileName: String) -> String {
    // The directory as the user wrote it, not made absolute.
    let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
    let directory = trimmed.lastIndex(of: "/").map { String(trimmed[..<$0]) }.map { $0.isEmpty ? "/" : $0 } ?? "."
    switch error {
    case EISDIR: return "it is a directory; give a file name, such as '\(trimmed)/\(fileName)'"
    case ENOENT: return "the directory '\(directory)' does not exist"
    case ENOTDIR: return "'\(directory)' is not a directory"
    case EACCES, EPERM: return "permission denied"
    default: return String(cString: strerror(error))
    }
  }
}
