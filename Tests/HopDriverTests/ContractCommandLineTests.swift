import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// `hophop contract` and `hophop lint` as a user runs them: a PNG is never
/// written to a terminal, `-o` problems are said in words, and lint's
/// exploration bounds must be at least 1.
@Suite struct ContractCommandLineTests {
  static let listTransfer = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("examples/list_transfer.hop").path

  typealias Run = EntailCommandLineTests.Run

  /// Runs hophop with standard output on a pseudo-terminal (standard error on a pipe).
  static func runOnTerminal(_ arguments: [String]) throws -> Run {
    var master: Int32 = -1, slave: Int32 = -1
    #expect(openpty(&master, &slave, nil, nil, nil) == 0)
    defer { close(master) }
    let process = Process()
    process.executableURL = EntailCommandLineTests.hophop
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    process.environment = environment
    let terminal = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
    let errors = Pipe()
    process.standardOutput = terminal
    process.standardError = errors
    try process.run()
    let errorData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    close(slave)
    // With the last slave descriptor closed, reading the master ends with EIO after the buffered output.
    var output = [UInt8]()
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = read(master, &buffer, buffer.count)
      if count <= 0 { break }
      output += buffer[0..<count]
    }
    return Run(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self),
               errors: String(decoding: errorData, as: UTF8.self))
  }

  static func temporaryDirectory() throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hophop-contract-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory
  }

  @Test func aPNGIsNotWrittenToATerminal() throws {
    let run = try Self.runOnTerminal(["contract", "--format", "png", Self.listTransfer, "C"])
    #expect(run.status == 2)
    #expect(run.output.isEmpty)
    #expect(run.errors.contains("--format png writes a binary image") && run.errors.contains("-o C.png"),
            "\(run.errors)")
  }

  @Test func textGoesToATerminalAndAPNGToAPipe() throws {
    let text = try Self.runOnTerminal(["contract", Self.listTransfer, "C"])
    #expect(text.status == 0 && text.output.contains("contract C: 3 states"), "\(text)")
    let piped = try EntailCommandLineTests.run(["contract", "--format", "png", Self.listTransfer, "C"])
    // Exit 2 only when Graphviz is missing, and then it says so.
    // A PNG starts with the byte 0x89 (decoded here as one replacement character), then "PNG".
    #expect(piped.status != 0 || piped.output.dropFirst().hasPrefix("PNG"), "\(piped.output.prefix(8))")
    #expect(piped.status == 0 || piped.errors.contains("Graphviz"), "\(piped.errors)")
    #expect(!piped.errors.contains("binary image"))
  }

  @Test func outputIntoADirectoryIsExplained() throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = try EntailCommandLineTests.run(["contract", "--format", "dot", "-o", directory.path, Self.listTransfer, "C"])
    #expect(run.status == 2)
    #expect(run.errors == "hophop contract: cannot write '\(directory.path)': it is a directory; "
            + "give a file name, such as '\(directory.path)/C.dot'\n")
  }

  @Test func outputIntoAMissingDirectoryIsExplained() throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let target = directory.appendingPathComponent("missing/C.dot").path
    let run = try EntailCommandLineTests.run(["contract", "--format", "dot", "-o", target, Self.listTransfer, "C"])
    #expect(run.status == 2)
    #expect(run.errors == "hophop contract: cannot write '\(target)': the directory '\(directory.path)/missing' "
            + "does not exist\n")
    #expect(!run.errors.contains("NSCocoaErrorDomain"))
    let file = directory.appendingPathComponent("plain")
    try "x".write(to: file, atomically: true, encoding: .utf8)
    let under = try EntailCommandLineTests.run(["contract", "-o", file.path + "/C.txt", Self.listTransfer, "C"])
    #expect(under.status == 2 && under.errors.hasSuffix("'\(file.path)' is not a directory\n"), "\(under.errors)")
  }

  @Test func outputIntoAFileIsWhatStandardOutputGets() throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let target = directory.appendingPathComponent("C.dot")
    let written = try EntailCommandLineTests.run(["contract", "--format", "dot", "-o", target.path, Self.listTransfer, "C"])
    #expect(written == Run(status: 0, output: "", errors: ""))
    let printed = try EntailCommandLineTests.run(["contract", "--format", "dot", Self.listTransfer, "C"])
    #expect(try String(contentsOf: target, encoding: .utf8) == printed.output)
  }

  @Test func lintRefusesBoundsOfZero() throws {
    for option in ["--max-buffer", "--max-configurations"] {
      let refused = try EntailCommandLineTests.run(["lint", option, "0", Self.listTransfer])
      #expect(refused.status == 2 && refused.errors.contains("it must be a whole number of"), "\(refused)")
      #expect(refused.output.isEmpty)
      let accepted = try EntailCommandLineTests.run(["lint", option, "1", Self.listTransfer])
      #expect(accepted.status == 0 && accepted.output.contains("contract C"), "\(accepted)")
    }
  }
}
