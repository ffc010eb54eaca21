import Foundation
import HopSyntax

/// Reads input files for the sessions, turning I/O problems into diagnostics.
public enum SourceLoader {
  /// The largest file hophop reads; bigger inputs get `HH001` instead of exhausting memory.
  public static let maximumFileSize = 32 * 1024 * 1024

  /// The file at `path`, or a diagnostic saying why it cannot be read.
  public static func load(_ path: String) -> Result<SourceFile, LoadFailure> {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      return .failure(LoadFailure(path: path, message: "no such file"))
    }
    guard !isDirectory.boolValue else { return .failure(LoadFailure(path: path, message: "is a directory, not a Hop file")) }
    if let attributes = try? FileManager.default.attributesOfItem(atPath: path),
       let size = attributes[.size] as? Int, size > maximumFileSize {
      return .failure(LoadFailure(path: path, message: "file is too large (\(size) bytes; the limit is \(maximumFileSize))"))
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      return .failure(LoadFailure(path: path, message: "cannot read the file"))
    }
    return .success(SourceFile(path: path, bytes: [UInt8](data)))
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
