import HopSyntax
import Testing

/// The input errors about variables more than one thread or procedure reads (decision 58):
/// resource invariants name only what the resource protects (HH026), message invariants only
/// `val`, `src` and existentials (HH027), `init` is not called (HH028), a global is not passed
/// by reference (HH029). Each is rejected at the offending name and accepted in its correct form.
@Suite struct SharedVariableRuleTests {
  /// Parses (which must succeed) and resolves; returns `(code, line:col)` pairs.
  func resolve(_ text: String) -> [String] {
    let file = SourceFile(path: "t.hop", text: text)
    let parsed = Parser.parse(file)
    #expect(parsed.diagnostics.isEmpty, "parse must succeed: \(parsed.diagnostics.map(\.message))")
    return NameResolver.resolve(parsed.program).map { "\($0.code) \(file.location(of: $0.range.start))" }
  }

  @Test func aResourceInvariantNamesOnlyWhatTheResourceProtects() {
    // g is written outside any `with`: a `with buf` would believe `c |->` on a stale g.
    #expect(resolve("resource buf(c) [if g == 0 then emp else c |-> ]") == ["HH026 1:21"])
    // Once per name, at its first occurrence.
    #expect(resolve("resource buf(c) [if g == 0 then emp else c |-> g]") == ["HH026 1:21"])
    // Protected by another resource is not protected by this one.
    #expect(resolve("resource a(g) [emp]\nresource b(c) [c |-> g]") == ["HH026 2:22"])
    #expect(resolve("resource buf(c, g) [if g == 0 then emp else c |-> ]") == [])
    #expect(resolve("resource buf(c) [if c == NULL then emp else c |-> _v * list(_v)]") == [])
  }

  @Test func aMessageInvariantNamesOnlyValSrcAndExistentials() {
    #expect(resolve("message m [if g == 0 then emp else val |-> ]") == ["HH027 1:15"])
    // A procedure's local is no better: the receiver has another one, or none.
    #expect(resolve("message m [val |-> t]\nf() { local t; t = 0; }") == ["HH027 1:20"])
    #expect(resolve("message m [val |-> _t * val != src]") == [])
    #expect(resolve("message m") == [])
  }

  @Test func initIsNeverCalled() {
    #expect(resolve("init() {}\nmain() { init(); }") == ["HH028 2:10"])
    #expect(resolve("init() {}\nput(x) {}\nmain() { put(1) || init(); }") == ["HH028 3:20"])
    #expect(resolve("init() {}\nsetup() {}\nmain() { setup(); }") == [])
  }

  @Test func aGlobalIsNeverPassedByReference() {
    let setg = "setg(x;) [emp] { x = 1; } [x == 1]\n"
    #expect(resolve(setg + "main() { setg(g;); }") == ["HH029 2:15"])
    #expect(resolve(setg + "main() { local y; setg(y;) || setg(g;); }") == ["HH029 2:36"])
    // A local, a parameter, and a global passed by value are fine.
    #expect(resolve(setg + "main() { local y; setg(y;); }") == [])
    #expect(resolve(setg + "f(y;) { setg(y;); }\nh(z) { setg(z;); }") == [])
    #expect(resolve("show(x) {}\nmain() { show(g); }") == [])
  }
}
