// The tool of DiagnosticPagesPlugin: reads the pages of `hophop explain`
// (docs/diagnostics/HHnnn.md) and their programs and recorded outputs
// (examples/diagnostics/), and writes one Swift source holding them as
// literals, so that the hophop binary needs no file at run time (decision 62).
//
// Usage: DiagnosticPagesGenerator PACKAGE_ROOT OUTPUT.swift
import Foundation

/// A page file that does not have the layout the generator reads; printed as
/// `file:line: error: message` so that the build shows where.
struct PageError: Error, CustomStringConvertible {
  var file: String
  var line: Int
  var message: String
  var description: String { "\(file):\(line): error: \(message)" }
}

/// One page file, read into the fields of `DiagnosticPage` (Sources/HopDriver/DiagnosticPages/DiagnosticPage.swift).
struct PageFile {
  var code: String
  var title: String
  var meaning: String
  var rule: String
  var fix: String
  /// `DiagnosticPage.Example(...)` as Swift source, or nil.
  var example: String?
  /// `DiagnosticPage.Input` of the fixed program as Swift source, or nil.
  var fixed: String?
}

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
  FileHandle.standardError.write(Data("usage: DiagnosticPagesGenerator PACKAGE_ROOT OUTPUT.swift\n".utf8))
  exit(2)
}
let root = URL(fileURLWithPath: arguments[1])
let pagesFolder = root.appendingPathComponent("docs/diagnostics")

/// The text of `relative` (to the package root), which must be UTF-8.
func read(_ relative: String, from page: String, line: Int) throws -> String {
  let url = root.appendingPathComponent(relative)
  guard let data = FileManager.default.contents(atPath: url.path) else {
    throw PageError(file: page, line: line, message: "cannot read \(relative)")
  }
  guard let text = String(data: data, encoding: .utf8) else {
    throw PageError(file: page, line: line, message: "\(relative) is not UTF-8")
  }
  return text
}

/// `text` as a Swift string literal that gives back exactly its characters.
func literal(_ text: String) -> String {
  var out = "\""
  for scalar in text.unicodeScalars {
    switch scalar {
    case "\\": out += "\\\\"
    case "\"": out += "\\\""
    case "\n": out += "\\n"
    case "\t": out += "\\t"
    case "\r": out += "\\r"
    default:
      if scalar.value < 0x20 || scalar.value == 0x7F {
        out += "\\u{\(String(scalar.value, radix: 16))}"
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
  }
  return out + "\""
}

/// The text between the first and the last backquote of `line`.
func quoted(_ line: Substring) -> String? {
  guard let first = line.firstIndex(of: "`"), let last = line.lastIndex(of: "`"), first < last else { return nil }
  return String(line[line.index(after: first)..<last])
}

/// The text between `[` and `]` of a link `[path](...)`.
func linked(_ line: Substring) -> String? {
  guard let open = line.firstIndex(of: "["), let close = line.firstIndex(of: "]"), open < close else { return nil }
  return String(line[line.index(after: open)..<close])
}

/// The `DiagnosticPage.Command` of a command line as the page shows it, and the example's file name.
func parseCommand(_ commandLine: String) -> (command: String, file: String)? {
  let unresolved = "FileContracts(program) of HopContracts, on "
  if commandLine.hasPrefix(unresolved), commandLine.hasSuffix(" parsed without name resolution") {
    let file = commandLine.dropFirst(unresolved.count).prefix { $0 != " " }
    return (".lintUnresolved", String(file))
  }
  let words = commandLine.split(separator: " ").map(String.init)
  guard words.count >= 3, words[0] == "hophop" else { return nil }
  let file = words[2]
  switch (words[1], words.count) {
  case ("check", 3): return (".check", file)
  case ("lint", 3): return (".lint", file)
  case ("entail", 3): return (".entail", file)
  case ("contract", 4): return (".contract(\(literal(words[3])))", file)
  case ("run", _):
    var rest = Array(words.dropFirst(3))
    var procedure = "nil"
    if rest.first == "--proc", rest.count >= 2 {
      procedure = literal(rest[1])
      rest.removeFirst(2)
    }
    guard rest.count == 4, rest[0] == "--seed", let seed = UInt64(rest[1]), rest[2] == "--runs", let runs = Int(rest[3])
    else { return nil }
    return (".run(procedure: \(procedure), seed: \(seed), runs: \(runs))", file)
  default: return nil
  }
}

/// Reads one page file: `# HHnnn: title`, then the sections `## What it means`, `## The rule`,
/// an optional `## Example` (a list of `- command:`, `- program:`, `- output:`, `- fixed:`),
/// and `## How to fix it`.
func readPage(_ name: String) throws -> PageFile {
  let relative = "docs/diagnostics/\(name)"
  let text = try read(relative, from: relative, line: 1)
  let code = String(name.dropLast(3))
  func fail(_ message: String, at line: Int = 1) -> PageError { PageError(file: relative, line: line, message: message) }
  guard text.hasPrefix("# \(code): "), let firstEnd = text.firstIndex(of: "\n") else {
    throw fail("the first line must be '# \(code): TITLE'")
  }
  let title = String(text[text.index(text.startIndex, offsetBy: code.count + 4)..<firstEnd])
  let headings = ["What it means", "The rule", "Example", "How to fix it"]
  var bodies: [String: String] = [:]
  var current: String?
  var lines: [Substring] = []
  let all = text[firstEnd...].dropFirst().split(separator: "\n", omittingEmptySubsequences: false)
  func close() {
    guard let heading = current else { return }
    while lines.first == "" { lines.removeFirst() }
    while lines.last == "" { lines.removeLast() }
    bodies[heading] = lines.joined(separator: "\n")
    lines = []
  }
  for line in all {
    if line.hasPrefix("## ") {
      close()
      current = String(line.dropFirst(3))
      guard headings.contains(current!) else { throw fail("unknown section '\(line)'") }
    } else if current == nil {
      guard line.isEmpty else { throw fail("text before the first section") }
    } else {
      lines.append(line)
    }
  }
  close()
  guard let meaning = bodies["What it means"], let rule = bodies["The rule"], let fix = bodies["How to fix it"] else {
    throw fail("a page needs the sections What it means, The rule and How to fix it")
  }
  var page = PageFile(code: code, title: title, meaning: meaning, rule: rule, fix: fix)
  guard let example = bodies["Example"] else { return page }
  var fields: [String: Substring] = [:]
  for line in example.split(separator: "\n") {
    guard line.hasPrefix("- "), let colon = line.firstIndex(of: ":") else { throw fail("not a '- key: value' line: \(line)") }
    fields[String(line[line.index(line.startIndex, offsetBy: 2)..<colon])] = line[colon...]
  }
  guard let commandLine = fields["command"].flatMap(quoted), let parsed = parseCommand(commandLine) else {
    throw fail("the example needs '- command: `hophop ...`' with a command line hophop's pages know")
  }
  let (command, file) = parsed
  let ext = file.split(separator: ".").last.map(String.init) ?? ""
  func input(_ key: String, _ suffix: String) throws -> String? {
    if let script = fields["\(key), written by"].flatMap(quoted) { return ".shell(\(literal(script)))" }
    guard let value = fields[key] else { return nil }
    if value == ": none" { return ".missing" }
    let expected = "examples/diagnostics/\(code)_\(suffix).\(ext)"
    guard linked(value) == expected else { throw fail("'- \(key):' must link \(expected)") }
    return ".text(\(literal(try read(expected, from: relative, line: 1))))"
  }
  guard let program = try input("program", "bad") else { throw fail("the example needs '- program:'") }
  let outputFile = "examples/diagnostics/\(code)_bad.out"
  guard fields["output"].flatMap(linked) == outputFile else { throw fail("'- output:' must link \(outputFile)") }
  let output = try read(outputFile, from: relative, line: 1)
  page.example = "DiagnosticPage.Example(\(command), file: \(literal(file)), input: \(program), output: \(literal(output)))"
  page.fixed = try input("fixed", "ok")
  return page
}

do {
  let names = try FileManager.default.contentsOfDirectory(atPath: pagesFolder.path)
    .filter { $0.hasSuffix(".md") }.sorted()
  var source = """
    // Generated by DiagnosticPagesGenerator (DiagnosticPagesPlugin) from docs/diagnostics/*.md
    // and examples/diagnostics/; edit those files, not this one.
    import HopSyntax

    extension DiagnosticPages {
      /// The pages of docs/diagnostics/, in the order of their codes.
      static let generated: [DiagnosticPage] = [

    """
  for name in names {
    let page = try readPage(name)
    source += """
          DiagnosticPage(
            code: DiagnosticCode(\(literal(page.code))), title: \(literal(page.title)),
            meaning: \(literal(page.meaning)),
            rule: \(literal(page.rule)),
            example: \(page.example ?? "nil"),
            fix: \(literal(page.fix)),
            fixed: \(page.fixed ?? "nil")),

      """
  }
  source += "  ]\n}\n"
  let output = URL(fileURLWithPath: arguments[2])
  if (try? String(contentsOf: output, encoding: .utf8)) != source {
    try source.write(to: output, atomically: true, encoding: .utf8)
  }
} catch {
  FileHandle.standardError.write(Data("\(error)\n".utf8))
  exit(1)
}
