import Foundation
import HopDriver
import HopSyntax
import HopTestSupport
import Testing

/// Every loop of examples/ (diagnostic programs included) with its written
/// invariant deleted (issue 26): the file must keep its verdicts and errors
/// (code and line). The loops that do not are listed below, each with why;
/// a listed loop that starts keeping its verdict fails the test too, so the
/// list stays true.
@Suite struct InferenceExamplesTests {
  /// The loops whose file does not keep its errors, as `path:line` under examples/, and why.
  static let changes: [String: String] = [
    // The written invariant is the error these programs show; inferred, the loop is proved, and the
    // program's remaining error (the postcondition or a leak after the loop) is reported instead.
    "diagnostics/HH104_bad.hop:4": "the wrong written invariant is the error under test",
    "diagnostics/HH105_bad.hop:4": "the wrong written invariant is the error under test",
    "smallfoot/loop_entry.hop:9": "the wrong written invariant is the error under test",
    "smallfoot/loop_preserve.hop:9": "the wrong written invariant is the error under test",
  ]

  static var files: [String] {
    ExampleCatalog.hopFiles(under: "examples").filter { path in
      (try? String(contentsOfFile: path, encoding: .utf8))?.contains("while") == true
    }
  }

  @Test(arguments: files)
  func aDeletedInvariantKeepsTheVerdictOrTheChangeIsExplained(_ path: String) throws {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let relative = String(path.split(separator: "/examples/").last ?? "")
    for measurement in InvariantDeletion.measure(SourceFile(path: path, text: text)) {
      let key = "\(relative):\(measurement.line)"
      guard let why = Self.changes[key] else {
        #expect(measurement.written == measurement.deleted, "\(key): \(measurement.deleted.errors)")
        continue
      }
      #expect(measurement.written != measurement.deleted, "\(key) is listed (\(why)) but keeps its verdicts")
      // A procedure that was invalid stays invalid: inference never turns an error into a proof.
      let invalid = { (verdicts: [String]) in verdicts.filter { $0.hasSuffix(": invalid") }.map { $0.split(separator: ":")[0] } }
      #expect(Set(invalid(measurement.written.verdicts)).isSubset(of: Set(invalid(measurement.deleted.verdicts))), "\(key)")
      // Where the deleted invariant leaves a loop unproved, its error says why.
      if measurement.inference?.reasonGivenUp != nil {
        #expect(measurement.diagnostics.contains { $0.notes.contains { $0.message.hasPrefix("this loop has no written invariant") } },
                "\(key)")
      }
    }
  }

  /// list_transfer's receiver, whose invariant is disjunctive over `done`, is proved without it.
  @Test func listTransferIsProvedWithBothInvariantsDeleted() throws {
    let path = ExampleCatalog.projectRoot.appendingPathComponent("examples/list_transfer.hop").path
    var source = SourceFile(path: path, text: try String(contentsOfFile: path, encoding: .utf8))
    let program = Frontend.analyze(source).program
    for loop in InvariantDeletion.loops(in: program, source: source).reversed() {
      source = InvariantDeletion.deleting(loop, from: source)
    }
    #expect(InvariantDeletion.loops(in: Frontend.analyze(source).program, source: source).isEmpty)
    let deleted = try Self.temporary("list_transfer_no_invariants.hop", source.bytes)
    let checked = CheckSession.check([deleted])
    #expect(checked.files.first?.procedures.map { "\($0.name): \($0.outcome.rawValue)" }
            == ["put: valid", "get: valid", "main: valid"])
    // `hophop infer` writes both invariants in; with inference off, check proves what it prints.
    let inferred = InferSession.infer(deleted)
    #expect(inferred.remarks.isEmpty)
    let written = try Self.temporary("list_transfer_inferred.hop", Array((inferred.text ?? "").utf8))
    let off = CheckSession.check([written], options: .init(infersInvariants: false))
    #expect(off.files.first?.procedures.map { "\($0.name): \($0.outcome.rawValue)" }
            == ["put: valid", "get: valid", "main: valid"])
    #expect(InvariantDeletion.loops(in: Frontend.analyze(SourceFile(path: written, bytes: Array((inferred.text ?? "").utf8))).program,
                                    source: SourceFile(path: written, bytes: Array((inferred.text ?? "").utf8))).count == 2)
  }

  /// The valid examples with loops, every written invariant deleted: where `hophop infer` writes every
  /// invariant in, `check --no-infer` proves its output (the written-in invariants are real invariants).
  static var validFiles: [String] {
    files.filter { path in
      (try? String(contentsOfFile: path, encoding: .utf8))?.hasPrefix("// expect: valid") == true
    }
  }

  /// The valid examples some of whose inferred invariants `hophop infer` cannot write as one formula: none since
  /// decision 81 (msort's and dlist's cases, which differ only in shape, are written as one coarser case).
  static let unwritable: Set<String> = []

  @Test(arguments: validFiles)
  func inferWritesInInvariantsThatProveWithoutInference(_ path: String) throws {
    var source = SourceFile(path: path, text: try String(contentsOfFile: path, encoding: .utf8))
    for loop in InvariantDeletion.loops(in: Frontend.analyze(source).program, source: source).reversed() {
      source = InvariantDeletion.deleting(loop, from: source)
    }
    let deleted = try Self.temporary(URL(fileURLWithPath: path).lastPathComponent, source.bytes)
    let inferred = InferSession.infer(deleted)
    let name = URL(fileURLWithPath: path).lastPathComponent
    // Cases that differ only in shape (msort: which of a and b reaches l; the doubly linked walk: a cell's back
    // link) are written as one coarser case the loop rule proves (decision 81).
    #expect(inferred.remarks.isEmpty != Self.unwritable.contains(name), "\(name): \(inferred.remarks)")
    guard inferred.remarks.isEmpty, let text = inferred.text else { return }
    let written = try Self.temporary(URL(fileURLWithPath: path).lastPathComponent, Array(text.utf8))
    let off = CheckSession.check([written], options: .init(infersInvariants: false))
    let original = CheckSession.check([path])
    #expect(off.files.first?.procedures.map(\.outcome) == original.files.first?.procedures.map(\.outcome), "\(path)")
  }

  /// A file in a fresh temporary folder.
  static func temporary(_ name: String, _ bytes: [UInt8]) throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hophop-infer-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let file = folder.appendingPathComponent(name)
    try Data(bytes).write(to: file)
    return file.path
  }
}
