#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HopSyntax

/// Reads input files for the sessions, turning I/O problems into diagnostics.
///
/// Plain POSIX calls rather than Foundation's FileManager: `hophop entail` is
/// started once per file by benchmark harnesses, and FileManager's first use
/// costs more than reading a small file.
public enum SourceLoader {
  /// The largest file hophop reads; bigger inputs get `HH001` instead of exhausting memory.
  public static let maximumFileSize = 32 * 1024 * 1024

  /// The file at `path`, or a diagnostic saying why it cannot be read.
  public static func load(_ path: String) -> Result<SourceFile, LoadFailure> {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      let reason = errno
      if reason == ENOENT || reason == ENOTDIR {
        return .failure(LoadFailure(path: path, message: "no such file"))
      }
      return .failure(LoadFailure(path: path, message: "cannot read the file"))
    }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      return .failure(LoadFailure(path: path, message: "cannot read the file"))
    }
    if status.st_mode & S_IFMT == S_IFDIR {
      return .failure(LoadFailure(path: path, message: "is a directory, not a Hop file"))
    }
    let size = Int(status.st_size)
    if size > maximumFileSize {
      return .failure(LoadFailure(path: path, message: "file is too large (\(size) bytes; the limit is \(maximumFileSize))"))
    }
    guard let bytes = readAll(descriptor, expected: size) else {
      return .failure(LoadFailure(path: path, message: "cannot read the file"))
    }
    return .success(SourceFile(path: path, bytes: bytes))
  }

  /// Every byte up to the end of the file (which may differ from `expected`, e.g. for a pipe), or nil on an error.
  private static func readAll(_ descriptor: Int32, expected: Int) -> [UInt8]? {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(expected)
    var chunk = [UInt8](repeating: 0, count: max(4096, min(expected + 1, 1 << 20)))
    while true {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        return nil
      }
      if count == 0 { return bytes }
      bytes += chunk[..<count]
      if bytes.count > maximumFileSize { return nil }
    }
  }

  /// Why a file could not be read; rendered as `path: error: message [HH001]`.
  public struct LoadFailure: Error, Sendable {
    public var path: String
    public var message: String
    public var diagnostic: Diagnostic {
      Diagnostic(code: .invalidInput, message: message, range: .point(0))
    }
  }
}
