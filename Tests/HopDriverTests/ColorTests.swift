import Foundation
import HopDriver
import HopSyntax
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Colour follows the conventions: only on a terminal, off with `--no-color`,
/// with `NO_COLOR` set and not empty (no-color.org), and with `TERM=dumb`;
/// every coloured span is reset before its newline.
@Suite struct ColorTests {
  static let escape = "\u{1B}["

  /// Runs hophop with standard error on a pseudo-terminal (so that it may colour), and returns what it wrote there.
  static func standardErrorOnATerminal(_ arguments: [String], environment: [String: String]) throws -> String {
    // posix_openpt and friends are not visible from Swift's Glibc: /dev/ptmx and Linux's ioctls instead.
    let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
    #expect(master >= 0, "no pseudo-terminal: \(String(cString: strerror(errno)))")
    defer { close(master) }
    var unlock: Int32 = 0
    var number: UInt32 = 0
    let tiocsptlck: UInt = 0x4004_5431, tiocgptn: UInt = 0x8004_5430
    #expect(ioctl(master, tiocsptlck, &unlock) == 0 && ioctl(master, tiocgptn, &number) == 0)
    let slave = try #require(FileHandle(forWritingAtPath: "/dev/pts/\(number)"))
    let process = Process()
    process.executableURL = EntailCommandLineTests.hophop
    process.arguments = arguments
    var base = ProcessInfo.processInfo.environment
    base["NO_COLOR"] = nil
    base["TERM"] = "xterm"
    process.environment = base.merging(environment) { _, new in new }
    process.standardOutput = FileHandle.nullDevice
    process.standardError = slave
    try process.run()
    process.waitUntilExit()
    try slave.close()
    var output: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    // Everything the child wrote is in the terminal's buffer now; read it without blocking.
    _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
    while true {
      let count = read(master, &buffer, buffer.count)
      if count <= 0 { break }
      output += buffer[..<count]
    }
    return String(decoding: output, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
  }

  static let leak = CheckCommandLineTests.examples.appendingPathComponent("smallfoot/leak.hop").path

  @Test func colourOnATerminalUnlessTheEnvironmentSaysNo() throws {
    let coloured = try Self.standardErrorOnATerminal(["check", Self.leak], environment: [:])
    #expect(coloured.contains(Self.escape + "1;31m"), "\(coloured.debugDescription)")
    #expect(try Self.standardErrorOnATerminal(["check", Self.leak], environment: ["NO_COLOR": ""]).contains(Self.escape),
            "an empty NO_COLOR is as if unset")
    for environment in [["NO_COLOR": "1"], ["NO_COLOR": "yes"], ["TERM": "dumb"]] {
      let plain = try Self.standardErrorOnATerminal(["check", Self.leak], environment: environment)
      #expect(!plain.contains(Self.escape) && plain.contains("error:"), "\(environment): \(plain.debugDescription)")
    }
    let flagged = try Self.standardErrorOnATerminal(["check", "--no-color", Self.leak], environment: [:])
    #expect(!flagged.contains(Self.escape) && flagged.contains("error:"))
  }

  @Test func thePolicyByItsInputs() {
    func decide(_ environment: [String: String], terminal: Bool = true, flag: Bool = false) -> Bool {
      ColorPolicy.useColor(noColorFlag: flag, environment: { environment[$0] }, isTerminal: terminal)
    }
    #expect(decide([:]))
    #expect(decide(["NO_COLOR": "", "TERM": "xterm-256color"]))
    #expect(!decide(["NO_COLOR": "0"]))
    #expect(!decide(["TERM": "dumb"]))
    #expect(!decide([:], terminal: false))
    #expect(!decide([:], flag: true))
  }

  @Test func everyColouredSpanIsResetBeforeItsNewline() throws {
    let source = SourceFile(path: "t.hop", text: "main() {\n  x = y;\n}\n")
    let diagnostic = Diagnostic(code: .syntaxError, message: "first line\nsecond line", range: SourceRange(start: 11, end: 16),
                                notes: [.init("a note\nwith two lines"), .init("here", at: SourceRange(start: 0, end: 4))])
    let text = TextRenderer(useColor: true).render(diagnostic, path: "t.hop", source: source)
    let terminal = try Self.standardErrorOnATerminal(["check", Self.leak], environment: [:])
    for output in [text, terminal] {
      for line in output.split(separator: "\n") where line.contains(Self.escape) {
        // Opened and reset on the same line: as many resets as colour codes.
        let codes = line.components(separatedBy: Self.escape).dropFirst()
        #expect(codes.filter { $0.hasPrefix("0m") }.count * 2 == codes.count, "\(line.debugDescription)")
      }
      #expect(!output.contains("\n" + Self.escape + "0m"))
    }
  }
}
