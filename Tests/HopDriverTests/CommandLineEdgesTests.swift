import Foundation
import HopTestSupport
import Testing

/// The rough edges of the command line (issue 25 §4): a misspelt subcommand
/// gets a suggestion, a negative number is read as a value and refused for
/// what it is, every default is shown once in the help, and with `--format
/// json` a wrong command line is a JSON document too.
@Suite struct CommandLineEdgesTests {
  typealias Run = EntailCommandLineTests.Run
  static let program = CheckCommandLineTests.examples.appendingPathComponent("smallfoot/list_reverse.hop").path
  static let contracts = CheckCommandLineTests.examples.appendingPathComponent("list_transfer.hop").path

  static func run(_ arguments: [String]) throws -> Run { try EntailCommandLineTests.run(arguments) }

  @Test func aMisspeltSubcommandGetsTheClosestOne() throws {
    let run = try Self.run(["chekc", Self.program])
    #expect(run.status == 2 && run.output.isEmpty)
    #expect(run.errors.hasPrefix("Error: Unknown command 'chekc'. Did you mean 'check'?\n"), "\(run.errors)")
    #expect(!run.errors.contains("unexpected argument"), "\(run.errors)")
    let far = try Self.run(["frobnicate"])
    #expect(far.status == 2 && far.errors.hasPrefix("Error: Unknown command 'frobnicate'.\n"), "\(far.errors)")
    // Subcommands, help and options still go through as before.
    #expect(try Self.run(["help", "check"]).status == 0)
    #expect(try Self.run(["--version"]).status == 0)
  }

  /// `--version` alone is printed without ArgumentParser (issue 27): the same line as ArgumentParser
  /// prints for `--version` among other options, which still go through it.
  @Test func versionAloneIsArgumentParsersLine() throws {
    let alone = try Self.run(["--version"])
    #expect(alone.status == 0 && alone.output == "hophop 0.1.0\n" && alone.errors.isEmpty, "\(alone)")
    let parsed = try Self.run(["check", "--version"])
    #expect(parsed.status == 0 && parsed.output == alone.output, "\(parsed)")
    let misspelt = try Self.run(["--versio"])
    #expect(misspelt.status == 2 && misspelt.output.isEmpty, "\(misspelt)")
  }

  @Test(arguments: [
    (["run", "--seed", "-5"], "it must be a whole number, from 0 to"),
    (["run", "--runs", "-1"], "it must be a whole number of runs, from 1 to"),
    (["run", "--runs", "0"], "it must be a whole number of runs, from 1 to"),
    (["run", "--max-steps", "-3"], "it must be a whole number of commands, from 1 to"),
    (["explain", "--cases", "0"], "it must be a whole number of cases, from 1 to"),
    (["explain", "--cases", "-2"], "it must be a whole number of cases, from 1 to"),
    (["explain", "--width", "-5"], "it must be a whole number of columns, from 40 to"),
    (["explain", "--line", "-3"], "it must be a whole number of lines, from 1 to"),
    (["check", "--jobs", "0"], "it must be a whole number of jobs, from 1 to"),
    (["check", "--jobs", "-1"], "it must be a whole number of jobs, from 1 to"),
  ])
  func aNegativeOrZeroValueIsRefusedForWhatItIs(_ option: [String], _ message: String) throws {
    let run = try Self.run(option + [Self.program])
    #expect(run.status == 2 && run.output.isEmpty, "\(option): \(run)")
    #expect(run.errors.contains(message) && !run.errors.contains("Missing value"), "\(option): \(run.errors)")
  }

  @Test func theValuesAtTheLowerBoundAreAccepted() throws {
    #expect(try Self.run(["run", "--seed", "0", "--runs", "1", "--max-steps", "1", Self.program]).status == 0)
    #expect(try Self.run(["explain", "--cases", "1", Self.program]).status == 0)
    #expect(try Self.run(["check", "--jobs", "1", Self.program]).status == 0)
  }

  @Test(arguments: [
    ("check", ["--timeout", "(default: 5000)", "--counterexample-budget", "(default: 1000)",
               "--jobs", "(default: the number of cores)"]),
    ("lint", ["--max-buffer", "(default: 16)", "--max-configurations", "(default: 100000)"]),
    ("explain", ["--cases", "(default: 4)", "--width", "(default: the terminal's width on a terminal, else 80)"]),
    ("run", ["--seed", "(default: 1)", "--runs", "(default: 100)", "--max-steps", "(default: 100000)"]),
  ])
  func everyDefaultIsShownOnce(_ command: String, _ expected: [String]) throws {
    let help = try Self.run([command, "--help"])
    #expect(help.status == 0)
    // ArgumentParser wraps the help; a default may follow its option on a later line.
    // Each option's entry: its line and the continuation lines ArgumentParser wraps its help into.
    let options = try #require(help.output.range(of: "OPTIONS:")).upperBound
    var entries: [String] = []
    for line in help.output[options...].split(separator: "\n") {
      if line.hasPrefix("  -") { entries.append(String(line)) } else if !entries.isEmpty { entries[entries.count - 1] += String(line) }
    }
    for pair in stride(from: 0, to: expected.count, by: 2) {
      let (option, value) = (expected[pair], expected[pair + 1])
      let entry = try #require(entries.first { $0.hasPrefix("  \(option) <") }, "\(command) \(option)")
      let flat = entry.split(whereSeparator: \.isWhitespace).joined(separator: " ")
      #expect(flat.components(separatedBy: "(default").count == 2 && flat.contains(value), "\(command): \(flat)")
    }
  }

  @Test func aUsageErrorWithFormatJSONIsADocument() throws {
    let run = try Self.run(["check", "--format", "json", "--timeout", "-5", Self.program])
    #expect(run.status == 2)
    let document = try JSONValue.parse(run.output)
    #expect(JSONSchemaTests.validator.errors(in: document).isEmpty, "\(JSONSchemaTests.validator.errors(in: document))")
    #expect(document["command"]?.stringValue == "check" && document["exitStatus"] == .number(2, isInteger: true))
    #expect(document["files"]?.arrayValue?.isEmpty == true)
    #expect(document["error"]?["message"]?.stringValue?.contains("it must be a whole number of milliseconds") == true)
    let notes = document["error"]?["notes"]?.arrayValue?.compactMap(\.stringValue) ?? []
    #expect(notes.contains { $0.hasPrefix("Usage: hophop check") }, "\(notes)")
    #expect(run.errors.contains("Error:"), "the text still goes to standard error")

    let unknown = try Self.run(["chekc", "--format=json", Self.program])
    let unknownDocument = try JSONValue.parse(unknown.output)
    #expect(unknown.status == 2 && JSONSchemaTests.validator.errors(in: unknownDocument).isEmpty)
    #expect(unknownDocument["command"]?.stringValue == "hophop")
    #expect(unknownDocument["error"]?["message"]?.stringValue == "Unknown command 'chekc'. Did you mean 'check'?")
  }

  @Test func contractPrintsItsAutomatonAsJSON() throws {
    let run = try Self.run(["contract", "--format", "json", Self.contracts, "C"])
    #expect(run.status == 0 && run.errors.isEmpty, "\(run)")
    let document = try JSONValue.parse(run.output)
    #expect(JSONSchemaTests.validator.errors(in: document).isEmpty, "\(JSONSchemaTests.validator.errors(in: document))")
    #expect(document["command"]?.stringValue == "contract")
    let result = try #require(document["files"]?.arrayValue?.first?["result"])
    let states = try #require(result["states"]?.arrayValue)
    // The table says the same: as many states, one of them initial, the named final ones.
    let table = try Self.run(["contract", Self.contracts, "C"]).output
    #expect(table.hasPrefix("contract C: \(states.count) states"), "\(table)")
    #expect(states.filter { $0["initial"] == .boolean(true) }.count == 1)
    #expect(result["initial"]?.stringValue == states.first { $0["initial"] == .boolean(true) }?["name"]?.stringValue)
    let transitions = states.flatMap { $0["transitions"]?.arrayValue ?? [] }
    #expect(!transitions.isEmpty && transitions.allSatisfy { ["send", "receive"].contains($0["direction"]?.stringValue ?? "") })
    // The dual swaps every direction.
    let dual = try JSONValue.parse(try Self.run(["contract", "--format", "json", "--dual", Self.contracts, "C"]).output)
    let dualTransitions = (dual["files"]?.arrayValue?.first?["result"]?["states"]?.arrayValue ?? [])
      .flatMap { $0["transitions"]?.arrayValue ?? [] }
    #expect(dualTransitions.map { $0["direction"]?.stringValue == "send" } == transitions.map { $0["direction"]?.stringValue == "receive" })
    // A contract the file does not declare: the document, its error as a diagnostic, exit 2.
    let missing = try Self.run(["contract", "--format", "json", Self.contracts, "D"])
    let missingDocument = try JSONValue.parse(missing.output)
    #expect(missing.status == 2 && JSONSchemaTests.validator.errors(in: missingDocument).isEmpty)
    let diagnostic = missingDocument["files"]?.arrayValue?.first?["diagnostics"]?.arrayValue?.first
    #expect(diagnostic?["message"]?.stringValue == "no contract named 'D' in this file" && diagnostic?["range"] == nil)
  }
}
