import HopSyntax
import Testing

/// The input errors about variables more than one thread or procedure reads (decision 58):
/// resource invariants name only what the resource protects (HH026), message invariants only
/// `val`, `src` and existentials (HH027), `init` is not called (HH028), a global is not passed
/// by reference (HH029). Each is rejected at the offending name and accepted in its correct form.
@Suite struct SharedVariableRuleTests {
  @Test func aResourceInvariantNamesOnlyWhatOnlyItsWithsChange() {
    let buf = "resource buf(c) [if g == 0 then emp else c |-> ]\ninit() { c = NULL; g = 0; }\n"
    // g is written outside any `with`: a `with buf` would believe `c |->` on a stale g.
    #expect(resolve(buf + "setg() { g = 1; }") == ["HH026 3:10"])
    #expect(resolve(buf + "setg() { local y; y = 1; if (y == 1) { g = y; } }") == ["HH026 3:40"])
    // A reference argument is an assignment too.
    #expect(resolve(buf + "set(x;) { x = 1; }\nsetg() { set(g;); }") == ["HH026 4:10"])
    // Inside `with buf` (the invariant is re-established at its end) or in init, g may change;
    // a procedure's own g is another variable; so is a variable the invariant does not name.
    #expect(resolve(buf + "setg() { with buf when (true) { if (g == 0) { g = 1; c = new(); } } }") == [])
    #expect(resolve(buf + "setg() { local g; g = 1; }\nseth() { h = 1; }") == [])
    // Inside another resource's `with` is outside this one's.
    #expect(resolve(buf + "resource r(h) [emp]\nsetg() { with r when (true) { g = 1; } }") == ["HH026 4:31"])
    // Protected by another resource: it changes under that resource's `with`, unchecked here.
    #expect(resolve("resource a(g) [emp]\nresource b(c) [c |-> g]") == ["HH026 2:22"])
    #expect(resolve("resource buf(c, g) [if g == 0 then emp else c |-> ]\nsetg() { with buf when (true) { g = 1; } }")
            == [])
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

  @Test func aGlobalIsNeverPassedByReferenceToAProcedureThatMentionsIt() {
    let setg = "setg(x;) [emp] { x = 1; g = 2; } [x == 1]\n"
    #expect(resolve(setg + "main() { setg(g;); }") == ["HH029 2:15"])
    #expect(resolve(setg + "main() { local y; setg(y;) || setg(g;); }") == ["HH029 2:36"])
    // Mentioned in the specification only, or through a callee: the same two names.
    #expect(resolve("spec(x;) [emp] { x = 1; } [x == g]\nmain() { spec(g;); }") == ["HH029 2:15"])
    #expect(resolve(setg + "via(x;) { setg(x;); }\nmain() { via(g;); }") == ["HH029 3:14"])
    // A local, a parameter, a global passed by value, and a global passed to a procedure that
    // never mentions it (Smallfoot's rule: only a callee that mentions it could see two names).
    #expect(resolve(setg + "main() { local y; setg(y;); }") == [])
    #expect(resolve(setg + "f(y;) { setg(y;); }\nh(z) { setg(z;); }") == [])
    #expect(resolve("show(x) {}\nmain() { show(g); }") == [])
    #expect(resolve("set(x;) [emp] { x = 1; } [x == 1]\nmain() { set(g;); }") == [])
  }
}
