import HopSyntax
import HopTestSupport
import Testing

/// Forms that Smallfoot 0.1 accepts and its own example files use.
@Suite struct SmallfootCompatibilityTests {
  @Test func theConditionOfAnIfFormulaMayBeParenthesised() throws {
    let (_, result) = parseText("f(x, p, n) [lseg(x, p) * p |-> n * (if (n != x) then (lseg(n, x)) else emp)] {}")
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
    guard case .procedure(let p)? = result.program.declarations.first, let pre = p.precondition else {
      Issue.record("no procedure")
      return
    }
    #expect(PrettyPrinter.assertion(pre) == "lseg(x, p) * p |-> tl: n * (if n != x then lseg(n, x) else emp)")
    // A parenthesised term is still a term: `(a) == b` is a comparison of a and b.
    #expect(parseText("f(a, b) [if (a) == b then emp else emp] {}").1.diagnostics.isEmpty)
    // Deep parentheses end in the nesting limit, not a crash.
    let deep = String(repeating: "(", count: 5_000) + "a == b" + String(repeating: ")", count: 5_000)
    #expect(parseText("f(a, b) [if \(deep) then emp else emp] {}").1.diagnostics.contains { $0.code.rawValue == "HH011" })
  }

  @Test func aSyncProcedureDeclaredTwiceIsAWarningAsInSmallfoot() {
    let result = Frontend.analyze(SourceFile(path: "t.hop", text: "f(x) {}\nf(x, y) {}\ng() {}\ng() {}\n"))
    #expect(result.isUsable)
    #expect(result.diagnostics.map { "\($0.code) \($0.severity)" } == ["HH021 warning", "HH021 warning"])
    // An async procedure declared twice is still an error.
    let async = Frontend.analyze(SourceFile(path: "t.hop", text: "async f() {}\nasync f() {}\n"))
    #expect(async.diagnostics.map { "\($0.code) \($0.severity)" } == ["HH021 error"])
  }
}
