import Foundation
import HopTestSupport
import Testing

/// `scripts/install.sh PREFIX` installs a working hophop built as shipped
/// (static Swift runtime). The static release build takes minutes, so the
/// test runs only when asked (`HOPHOP_TEST_INSTALL=1`), as .ci/run does
/// after Benchmarks/sl-comp.sh has built the same binary in .build-static.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["HOPHOP_TEST_INSTALL"] == "1",
                "the static release build is slow; .ci/run sets HOPHOP_TEST_INSTALL=1"), .serialized)
struct InstallScriptTests {
  static let script = JSONSchemaTests.root.appendingPathComponent("scripts/install.sh").path

  static func shell(_ arguments: [String]) throws -> ProcessRun {
    try runProcess(URL(fileURLWithPath: "/usr/bin/env"), arguments)
  }


  @Test func installsAWorkingStaticHophop() throws {
    let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("hophop-install-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: prefix) }
    let install = try Self.shell(["bash", Self.script, prefix.path])
    #expect(install.status == 0, "\(install.errors)")
    let hophop = prefix.appendingPathComponent("bin/hophop").path
    #expect(FileManager.default.isExecutableFile(atPath: hophop))
    let version = try Self.shell([hophop, "--version"])
    #expect(version.status == 0 && version.output.hasPrefix("hophop "))
    let program = CheckCommandLineTests.examples.appendingPathComponent("smallfoot/list_reverse.hop").path
    let check = try Self.shell([hophop, "check", program])
    #expect(check.status == 0 && check.output.contains("valid"), "\(check)")
    // As shipped: the Swift runtime is inside the executable, not a shared library beside it.
    let libraries = try Self.shell(["ldd", hophop])
    #expect(!libraries.output.contains("libswiftCore"), "\(libraries.output)")
    // The shipped build is compiled with other flags than the tests' (decision 87): it gives every
    // example the verdict its first line declares, as the checker does in process (ExamplesTests).
    var checked = 0
    for path in ExampleCatalog.examples {
      guard let expectation = try ExampleCatalog.expectation(of: path) else { continue }
      let run = try Self.shell([hophop, "check", path])
      switch expectation {
      case .valid:
        #expect(run.status == 0, "\(path): \(run.output)\(run.errors)")
      case .error(let code, _):
        // 1 for a verdict, 2 for bad input (an ill-formed contract, say).
        #expect((run.status == 1 || run.status == 2) && run.errors.contains("[\(code)]"), "\(path): \(run.output)\(run.errors)")
      }
      checked += 1
    }
    #expect(checked >= 90, "examples with a declared verdict: \(checked)")
  }

  @Test func aPrefixThatCannotBeWrittenFails() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("hophop-install-\(UUID().uuidString)")
    try "not a folder".write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    let install = try Self.shell(["bash", Self.script, file.path])
    #expect(install.status == 1 && install.errors.contains("cannot create or write \(file.path)/bin"), "\(install)")
  }
}
