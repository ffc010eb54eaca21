#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HopAsync
import HopChecker
import HopContracts
import HopRuntime
import HopSMTLib
import HopSyntax

extension DiagnosticCatalog {
  /// Every stage's catalog, in the order of their codes: the codes that exist.
  public static let all: [DiagnosticCatalog] = [.frontEnd, .syncCheck, .asyncCheck, .contracts, .smtLib, .run]
}

/// Every page of `hophop explain HHnnn`, one per diagnostic code of
/// docs/diagnostics.md, and the text they are printed as.
///
/// The pages are written in docs/diagnostics/HHnnn.md, their programs and
/// outputs in examples/diagnostics/; DiagnosticPagesPlugin builds them into
/// this target as `generated` (decision 62).
public enum DiagnosticPages {
  /// All pages, by code.
  public static let all: [DiagnosticPage] = generated.sorted { $0.code < $1.code }

  /// The page of `code` (`HH102`, `hh102`), if there is one.
  public static func page(for code: String) -> DiagnosticPage? {
    let wanted = DiagnosticCode(code.uppercased())
    return all.first { $0.code == wanted }
  }

  /// Whether `argument` has the form of a code: `HH` and three digits, in any case.
  public static func looksLikeCode(_ argument: String) -> Bool {
    let bytes = Array(argument.uppercased().utf8)
    return bytes.count == 5 && bytes[0] == UInt8(ascii: "H") && bytes[1] == UInt8(ascii: "H")
      && bytes[2...].allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
  }

  /// What `hophop explain ARGUMENT` prints when ARGUMENT names a code rather
  /// than a file: nil when it does not look like a code or a file of that
  /// name exists (then it is explained as a file).
  public static func explanation(for argument: String) -> (text: String, status: ExitStatus)? {
    guard looksLikeCode(argument), access(argument, F_OK) != 0 else { return nil }
    if let page = page(for: argument) { return (render(page), .success) }
    return ("hophop: error: \(unknownCodeMessage(argument))\n", .badInput)
  }

  /// Why `argument` is explained by no page, with the ranges of the codes that exist.
  static func unknownCodeMessage(_ argument: String) -> String {
    let ranges = DiagnosticCatalog.all.compactMap { catalog in
      catalog.codes.first.map { "\($0)–\(catalog.codes.last ?? $0) (\(catalog.stage))" }
    }
    return "no diagnostic code \(argument.uppercased()); the codes are " + ranges.joined(separator: ", ")
      + "; docs/diagnostics.md lists them"
  }

  /// The page as plain text: headed sections, programs and output indented by four spaces.
  public static func render(_ page: DiagnosticPage) -> String {
    var text = "\(page.code): \(page.title)\n\n"
    text += section("What it means", page.meaning)
    text += section("The rule", page.rule)
    if let example = page.example {
      text += "Example\n\n"
      switch example.input {
      case .text(let program): text += "  \(example.file):\n\n" + indented(program)
      case .shell(let command): text += "  \(example.file), written by:\n\n" + indented("$ " + command)
      case .missing: text += "  \(example.file) does not exist.\n\n"
      }
      text += "  \(example.command == .lintUnresolved ? "" : "$ ")\(example.commandLine)\n\n" + indented(example.output)
    }
    text += section("How to fix it", page.fix)
    if let file = page.example?.file {
      switch page.fixed {
      case .text(let program)?: text += "  \(file), fixed:\n\n" + indented(program)
      case .shell(let command)?: text += "  \(file), fixed, written by:\n\n" + indented("$ " + command)
      case .missing?, nil: break
      }
    }
    return String(text.dropLast())
  }

  private static func section(_ heading: String, _ body: String) -> String {
    "\(heading)\n\n" + body.split(separator: "\n", omittingEmptySubsequences: false)
      .map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n") + "\n\n"
  }

  private static func indented(_ block: String) -> String {
    let lines = block.split(separator: "\n", omittingEmptySubsequences: false)
    let body = lines.last == "" ? lines.dropLast() : lines[...]
    return body.map { $0.isEmpty ? "" : "    " + $0 }.joined(separator: "\n") + "\n\n"
  }
}
