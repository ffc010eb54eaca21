import HopSMT
import Testing

/// The Z3 binding on its own: queries, models, C's division, scripts, and loading libz3.
@Suite struct SMTContextTests {
  @Test func libz3LoadsAndNothingFailed() {
    #expect(SMTLibrary.load() == nil)
    #expect(SMTLibrary.failure == nil)
  }

  /// HH210 quotes the reason in its own parentheses: Z3's are taken off (issue 25 §4).
  @Test func anUnknownsReasonIsBareWords() {
    #expect(SMTCheckResult.reason("(incomplete quantifiers)") == "incomplete quantifiers")
    #expect(SMTCheckResult.reason("timeout") == "timeout")
    #expect(SMTCheckResult.reason("((nested))") == "nested")
  }

  /// A literal longer than a numeral chunk is built from pieces (Z3 reads long numerals in quadratic
  /// time, issue 27): the pieces, leading zeros and all, still make the same number.
  @Test func aLongLiteralIsTheSameNumber() throws {
    let smt = try SMTContext()
    let length = 2 * SMTContext.numeralChunk + 7
    let nines = smt.integer(String(repeating: "9", count: length))
    let power = smt.integer("1" + String(repeating: "0", count: length))
    let negative = smt.integer("-" + String(repeating: "9", count: length))
    let x = smt.constant("x", .int)
    // 99…9 + 1 == 10…0, and -(99…9) + 99…9 == 0, for every x: no model of the negation.
    guard case .unsatisfiable = smt.check([smt.equal(x, nines),
                                           smt.or([smt.not(smt.equal(smt.add(x, smt.integer(1)), power)),
                                                   smt.not(smt.equal(smt.add(negative, nines), smt.integer(0)))])]) else {
      Issue.record("a long literal is not the number its digits say")
      return
    }
    // And it is not any other number: 99…9 + 2 is not 10…0.
    guard case .satisfiable = smt.check([smt.equal(x, nines), smt.not(smt.equal(smt.add(x, smt.integer(2)), power))]) else {
      Issue.record("99…9 + 2 == 10…0 must be false")
      return
    }
  }

  @Test func answersAndModels() throws {
    let smt = try SMTContext()
    let x = smt.constant("x", .int), y = smt.constant("y", .int)
    let facts = [smt.less(x, y), smt.equal(smt.add(x, y), smt.integer(7)), smt.lessEqual(smt.integer(3), x)]
    guard case .satisfiable(let values) = smt.check(facts, observing: [x, y]) else {
      Issue.record("x < y, x + y == 7, 3 <= x has a model")
      return
    }
    #expect(values == ["3", "4"])
    guard case .unsatisfiable = smt.check(facts + [smt.less(smt.integer(3), x)]) else {
      Issue.record("3 < x makes it unsatisfiable")
      return
    }
  }

  /// `truncatingDivide` and `truncatingRemainder` are C's `/` and `%` (decision 21), not SMT-LIB's `div` and `mod`.
  @Test(arguments: [(-3, 2, -1, -1), (3, -2, -1, 1), (-7, -2, 3, -1), (7, 2, 3, 1)])
  func divisionAndRemainderAreC(_ a: Int, _ b: Int, _ quotient: Int, _ remainder: Int) throws {
    let smt = try SMTContext()
    let q = smt.constant("q", .int), r = smt.constant("r", .int)
    let facts = [smt.equal(q, smt.truncatingDivide(smt.integer(a), smt.integer(b))),
                 smt.equal(r, smt.truncatingRemainder(smt.integer(a), smt.integer(b)))]
    guard case .satisfiable(let values) = smt.check(facts, observing: [q, r]) else {
      Issue.record("\(a) / \(b) has a value")
      return
    }
    #expect(values == ["\(quotient)", "\(remainder)"])
  }

  @Test func arraysAndQuantifiers() throws {
    let smt = try SMTContext()
    let heap = smt.constant("heap", .array(arity: 1, element: .int)), i = smt.constant("i", .int)
    let stored = smt.store(heap, [smt.integer(1)], smt.integer(5))
    guard case .satisfiable = smt.check([smt.equal(smt.select(stored, [smt.integer(1)]), smt.integer(5)),
                                         smt.equal(smt.select(heap, [smt.integer(1)]), smt.integer(3))]) else {
      Issue.record("a store changes the array it makes, not the one it reads")
      return
    }
    let everywhereFive = smt.forall([i], smt.equal(smt.select(heap, [i]), smt.integer(5)))
    guard case .unsatisfiable = smt.check([everywhereFive, smt.not(smt.equal(smt.select(heap, [smt.integer(2)]), smt.integer(5)))]) else {
      Issue.record("forall i. heap[i] == 5 holds at 2")
      return
    }
  }

  /// What `--dump-smt` writes reads back to the same answer.
  @Test func aScriptReadsBack() throws {
    let smt = try SMTContext()
    let x = smt.constant("x", .int)
    let script = smt.script([smt.less(x, smt.integer(0)), smt.less(smt.integer(0), x)], comment: "empty")
    #expect(script.contains("(declare-fun x () Int)"))
    guard case .unsatisfiable = try #require(try SMTContext().checkScript(script)) else {
      Issue.record("x < 0 and 0 < x read back as satisfiable")
      return
    }
    #expect(smt.checkScript("(assert") == nil)
  }
}
