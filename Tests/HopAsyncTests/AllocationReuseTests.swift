import HopAsync
import Testing

/// `new()` may hand out an address that was freed while a pending instance
/// still points to it, with fresh field values: a precondition that reads a
/// field of a freed cell is broken by any allocation, straight-line or in a
/// loop, whatever fields the allocating code writes afterwards.
@Suite struct AllocationReuseTests {
  /// The errors of `text` (those whose message mentions `about`, if given)
  /// with whether each has a counterexample note.
  private func errorsWithCounterexamples(about: String? = nil, _ text: String) -> [String] {
    let (report, file) = checkAsync(text)
    let errors = report.diagnostics.filter { $0.severity == .error && about.map($0.message.contains) != false }
    return errors.map { diagnostic in
      let shown = diagnostic.notes.contains { $0.message.hasPrefix("counterexample:") }
      return "\(diagnostic.code) \(file.location(of: diagnostic.range.start).line)" + (shown ? " with counterexample" : "")
    }
  }

  @Test func aSiblingThatAllocatesMayHandOutTheFreedCellOfAPendingInstance() {
    // accept writes only `fd`, but its new() may return c with any `state`.
    let program = { (hangup: String, reap: String) in """
      async main() { }
      async hangup(c) [valid(c)] {
        c->state = 2;
        \(hangup)
        post reap(c); }
      async reap(c) [\(reap)] { }
      async accept(k) { local c2;
        c2 = new();
        c2->fd = k; }
      """ }
    #expect(errorsWithCounterexamples(program("dispose c;", "c->state == 2")) == ["HH204 8 with counterexample"])
    // A cell that stays allocated is never handed out again.
    #expect(errorsWithCounterexamples(program("", "valid(c) && c->state == 2")) == [])
  }

  @Test func aLoopThatAllocatesForgetsTheFieldsOfFreedCells() {
    // Straight-line, `d = new()` may return c; the loop must not know more.
    let program = { (after: String, f: String) in """
      global g;
      async main() { local c, d, v;
        d = new();
        c = new();
        c->x = 5;
        dispose c;
        while (*) [valid(d)] {
          d = new();
        }
        \(after)
      }
      async f(d, c) [\(f)] { }
      """ }
    #expect(errorsWithCounterexamples(program("post f(d, c);", "valid(d) && (d == c ==> d->x == 5)"))
            == ["HH202 10 with counterexample"])
    #expect(errorsWithCounterexamples(program("if (d == c) { v = d->x; g = 10 / (v - 4); }", "true"))
            == ["HH211 10 with counterexample"])
  }

  @Test func aLoopThatAllocatesInASiblingIsBlamedForThePendingPrecondition() {
    // (The loop also forgets that hangup's cell is allocated: a second HH204 there, not counted here.)
    #expect(errorsWithCounterexamples(about: "reap(c)", """
      async main() { }
      async hangup(c) [valid(c)] {
        c->state = 2;
        dispose c;
        post reap(c); }
      async reap(c) [c->state == 2] { }
      async accept(n) { local c2;
        while (*) [true] {
          c2 = new();
        } }
      """) == ["HH204 8 with counterexample"])
  }

  @Test func aLoopThatOnlyAllocatesKeepsAllocatedCellsAndTheirFields() {
    let program = { (body: String) in """
      async main() { local c, d;
        c = new();
        c->x = 5;
        while (*) [true] { \(body) }
        post f(c); }
      async f(c) [valid(c) && c->x == 5] { }
      """ }
    #expect(asyncErrors(program("d = new();")) == [])
    #expect(asyncErrors(program("if (*) { d = new(); }")) == [])
    // Freeing and allocating again may hand c out with another value.
    #expect(asyncErrors(program("d = new(); dispose d;")) == ["HH202 5"])
  }
}
