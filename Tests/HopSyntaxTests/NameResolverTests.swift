import HopSyntax
import Testing

/// Name resolution: each check has a program that must be rejected with its code
/// at the right place, and the accepted forms it must not reject.
@Suite struct NameResolverTests {
  @Test func wellFormedProgramOfAllLayersHasNoDiagnostics() {
    #expect(resolve("""
      hd, tl;
      message cell [val |-> ]
      message fin [val |-> C{end} * val == src]
      contract C {
        initial state transfer { !cell -> transfer; !fin -> end; }
        final state end {}
      }
      resource buf(c) [if c == NULL then emp else c |-> ]
      put(e, x) [e |-> C{transfer} * x |-> ] {
        send(cell, e, x);
      } [e |-> C{transfer}]
      get(y;) [emp] { with buf when (c != NULL) { y = c; c = NULL; } } [y |-> ]
      main() {
        local e, f, x;
        (e, f) = open(C);
        x = new();
        put(e, x);
        send(fin, e, e);
        switch receive {
          x = receive(cell, f): { dispose x; }
          e = receive(fin, f): { close(e, f); }
        }
      }
      global owner;
      async write(id) [owner == id && forall k. pending_write(k) ==> k == id] {
        local t;
        t = *;
        if (*) { post write(id); } else { delete write(id); }
      }
      """) == [])
  }

  @Test func undeclaredNamesAreReportedWhereTheyAreUsed() {
    #expect(resolve("main() { foo(); }") == ["HH020 1:10"])
    #expect(resolve("main() { send(m, e); }") == ["HH020 1:15"])
    #expect(resolve("main() { (e, f) = open(D); }") == ["HH020 1:24"])
    #expect(resolve("main() { with r when (true) {} }") == ["HH020 1:15"])
    #expect(resolve("contract C { initial state a { !m -> b; } }") == ["HH020 1:33", "HH020 1:38"])
    #expect(resolve("contract C { initial final state a {} }\nf(e) [e |-> C{z}] {} [e |-> C{a}]") == ["HH020 2:15"])
  }

  @Test func fieldsAreCheckedOnlyWhenAFieldListIsDeclared() {
    #expect(resolve("f(x) [x |-> hd: 1] { y = x->nxt; }") == [])
    #expect(resolve("hd, tl;\nf(x) [x |-> hd: 1] { y = x->nxt; }") == ["HH020 2:29"])
    #expect(resolve("hd, tl;\nf(x) [x |-> val: 1] { x->hd = 2; }") == ["HH020 2:13"])
  }

  @Test func duplicatesPointAtTheSecondDeclaration() {
    #expect(resolve("f() {}\nf() {}") == ["HH021 2:1"])
    #expect(resolve("message m\nmessage m") == ["HH021 2:9"])
    #expect(resolve("contract C { initial final state a {} state a {} }") == ["HH021 1:45"])
    #expect(resolve("f(x, x) {}") == ["HH021 1:6"])
    #expect(resolve("f(x) { local x; }") == ["HH021 1:14"])
  }

  @Test func argumentCountsFollowTheReferenceValueSplit() {
    let callee = "g(a; b) {}\n"
    #expect(resolve(callee + "main(x) { g(x; y); }") == [])
    #expect(resolve(callee + "main(x) { g(x, y); }") == ["HH022 2:11", "HH022 2:11"])
    #expect(resolve(callee + "main(x) { g(x; y, z); }") == ["HH022 2:11"])
    #expect(resolve("f(x) [lseg(x)] {}") == ["HH022 1:7"])
    #expect(resolve("f(x) [tree(l; x)] {}") == ["HH022 1:7"])
  }

  @Test func referenceArgumentsMustBeDistinctVariables() {
    let callee = "g(a, b;) {}\n"
    #expect(resolve(callee + "main(x) { g(x, 1;); }") == ["HH023 2:16"])
    #expect(resolve(callee + "main(x) { g(x, x;); }") == ["HH023 2:16"])
  }

  @Test func asyncOnlyConstructsNeedAsyncProcedures() {
    #expect(resolve("f(x) {}\nasync main() { post f(1); }") == ["HH024 2:21"])
    #expect(resolve("f(x) {}\nglobal g;\nasync main() [!pending_f(g)] {}") == ["HH024 3:24"])
    #expect(resolve("async w(x) {}\nmain() { post w(1); }") == ["HH012 2:10"])
    #expect(resolve("async w(x) {}\nmain() { w(1); }") == ["HH025 2:10"])
    #expect(resolve("async w(x) {}\nasync main() { post w(1, 2); }") == ["HH022 2:16"])
  }

  @Test func asyncVariablesMustBeDeclared() {
    #expect(resolve("global g;\nasync main() { g = 1; }") == [])
    #expect(resolve("async main() { h = 1; }") == ["HH020 1:16"])
    #expect(resolve("async f(x) [forall y. y == x] {}") == [])
    #expect(resolve("async f(x) [forall y. y == z] {}") == ["HH020 1:28"])
  }

  @Test func syncCommandsAreRejectedInAsyncProcedures() {
    #expect(resolve("message m\nasync main() { local e; send(m, e); }") == ["HH012 2:25"])
  }

  @Test func channelCommandNamesCannotBeProcedureNames() {
    #expect(resolve("close(a, b) {}") == ["HH025 1:1"])
  }
}
