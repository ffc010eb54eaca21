import Foundation
import HopDriver
import HopTestSupport
import Testing

/// What `hophop check FILE...` prints, file by file: every file gets its
/// verdict line on standard output (one that cannot be checked says `bad
/// input`), and its diagnostics follow it on standard error, before the next
/// file's verdict, so that on a terminal each file's errors are under its name.
@Suite struct CheckOutputLayoutTests {
  static func temporary(_ name: String, _ text: String) throws -> String {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("layout-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let path = directory.appendingPathComponent(name).path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test func aFileThatCannotBeCheckedHasItsVerdictLine() throws {
    let bad = try Self.temporary("bad.hop", "f(x) [emp] {\n  x = ;\n} [emp]\n")
    let good = CheckCommandLineTests.examples.appendingPathComponent("smallfoot/list_reverse.hop").path
    let result = CheckSession.check([bad, "/nonexistent/missing.hop", good])
    let lines = CheckSession.summary(result).split(separator: "\n").filter { !$0.hasPrefix(" ") }.map(String.init)
    #expect(lines.count == 3, "\(lines)")
    #expect(lines[0] == "\(bad): bad input" && lines[1] == "/nonexistent/missing.hop: bad input")
    #expect(lines[2].hasPrefix("\(good): valid"))
  }

  @Test func eachFilesDiagnosticsFollowItsVerdict() throws {
    let bad = try Self.temporary("bad.hop", "f(x) [emp] {\n  x = ;\n} [emp]\n")
    let leak = CheckCommandLineTests.examples.appendingPathComponent("smallfoot/leak.hop").path
    let good = CheckCommandLineTests.examples.appendingPathComponent("smallfoot/list_reverse.hop").path
    // Both streams into one pipe, as a terminal shows them.
    let process = Process()
    process.executableURL = EntailCommandLineTests.hophop
    process.arguments = ["check", "--no-color", bad, leak, good]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 2)
    let places = ["\(bad): bad input", "\(bad):2:7: error:", "\(leak): invalid", "\(leak):", "\(good): valid"]
      .map { text.range(of: $0)?.lowerBound }
    #expect(places.allSatisfy { $0 != nil }, "\(text)")
    let afterVerdict = try #require(text.range(of: "\(leak): invalid")).upperBound
    let leakError = text.range(of: "\(leak):", options: [], range: afterVerdict..<text.endIndex)
    #expect(places[0]! < places[1]! && places[1]! < places[2]!, "\(text)")
    #expect(try #require(leakError).lowerBound < places[4]!, "\(text)")
  }
}
