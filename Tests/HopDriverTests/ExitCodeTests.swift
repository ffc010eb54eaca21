import Foundation
import Testing

/// A wrong command line is bad input: exit 2 (as the help says), not
/// ArgumentParser's 64, with ArgumentParser's message; `--help` and
/// `--version` still exit 0.
@Suite struct ExitCodeTests {
  static let program = CheckCommandLineTests.examples.appendingPathComponent("smallfoot/list_reverse.hop").path

  @Test(arguments: [
    ["frobnicate"], ["check"], ["lint"], ["parse"], ["explain"], ["fmt"], ["entail"], ["contract", program],
    ["check", "--format", "xml", program], ["parse", program, program], ["entail", program, program],
    ["check", "--timeout", "-5", program], ["check", "--no-such-option", program],
  ])
  func usageErrorsExit2(_ arguments: [String]) throws {
    let run = try EntailCommandLineTests.run(arguments)
    #expect(run.status == 2, "\(arguments): \(run.errors)")
    #expect(run.errors.contains("Error:"), "\(arguments): \(run.errors)")
    #expect(run.output.isEmpty)
  }

  @Test func aWrongNumberSaysWhatIsWrongWithIt() throws {
    for value in ["-5", "soon", "99999999999"] {
      let run = try EntailCommandLineTests.run(["check", "--timeout", value, Self.program])
      #expect(run.errors.contains("it must be a whole number of milliseconds"), "\(value): \(run.errors)")
      #expect(run.errors.contains("'\(value)'") && !run.errors.contains("Missing value"), "\(run.errors)")
    }
    #expect(try EntailCommandLineTests.run(["check", "--timeout", "20000", Self.program]).status == 0)
    let contracts = CheckCommandLineTests.examples.appendingPathComponent("list_transfer.hop").path
    for option in ["--max-buffer", "--max-configurations"] {
      for value in ["-1", "0", "many"] {
        let run = try EntailCommandLineTests.run(["lint", option, value, contracts])
        #expect(run.status == 2 && run.errors.contains("it must be a whole number of") && run.errors.contains("from 1"),
                "\(option) \(value): \(run.errors)")
      }
      #expect(try EntailCommandLineTests.run(["lint", option, "3", contracts]).status == 0)
    }
  }

  @Test func helpAndVersionExit0() throws {
    for arguments in [["--help"], ["check", "--help"], ["help", "lint"], ["--version"]] {
      let run = try EntailCommandLineTests.run(arguments)
      #expect(run.status == 0, "\(arguments)")
      #expect(!run.output.isEmpty, "\(arguments)")
    }
  }
}
