import Foundation
import HopDriver
import HopTestSupport
import Testing

/// Every sync example (examples/smallfoot, examples/heaphop and the
/// README's examples/list_transfer.hop) gets the verdict its first line
/// declares, at the declared line, with the exit status that goes with it;
/// an example that gives several errors declares each on a `// expect:` line of its own.
@Suite struct SyncExamplesTests {
  static let files = ExampleCatalog.hopFiles(under: "examples/smallfoot") + ExampleCatalog.hopFiles(under: "examples/heaphop")
    + ExampleCatalog.hopFiles(under: "examples/tutorial")
    + [ExampleCatalog.projectRoot.appendingPathComponent("examples/list_transfer.hop").path]

  @Test func theGalleryHasAProgramForEveryErrorKind() throws {
    let codes = Set(try Self.files.compactMap { path -> String? in
      if case .error(let code, _)? = try ExampleCatalog.expectation(of: path) { code } else { nil }
    })
    #expect(codes.isSuperset(of: ["HH101", "HH102", "HH103", "HH104", "HH105", "HH106", "HH107", "HH108", "HH109",
                                  "HH110", "HH113", "HH114"]))
    #expect(try Self.files.filter { try ExampleCatalog.expectation(of: $0) == .valid }.count >= 10)
  }

  @Test(arguments: files)
  func exampleHasItsDeclaredVerdict(path: String) throws {
    let expectation = try #require(try ExampleCatalog.expectation(of: path), "\(path) declares no verdict")
    let result = CheckSession.check([path])
    let file = try #require(result.files.first)
    let errors = file.report.diagnostics.filter { $0.severity == .error }
    let located = errors.map { (code: $0.code.rawValue, line: file.report.source!.location(of: $0.range.start).line) }
    switch expectation {
    case .valid:
      #expect(errors.isEmpty, "\(path): \(errors.map(\.message))")
      #expect(!file.procedures.isEmpty && file.procedures.allSatisfy { $0.outcome == .valid })
      #expect(result.exitStatus == .success)
    case .error:
      let declared = try #require(try ExampleCatalog.expectedErrors(of: path))
      // Every error, none missing and none extra: one `// expect: error` line each.
      #expect(ExampleCatalog.matches(located, declared), "\(path): got \(located)")
      #expect(result.exitStatus == .failure)
      #expect(file.procedures.contains { $0.outcome == .invalid })
    }
  }
}
