import HopLogic
import Testing

/// `ConditionList`: families read as their members, in order, and are spelled
/// out only where a member is not valid.
@Suite struct ConditionListTests {
  /// "c0", "c1", ... all with one outcome.
  struct Numbered: ConditionFamily {
    var count: Int
    var outcome: ProofOutcome
    func condition(at offset: Int) -> ProcedureVerdict.Condition {
      .init("c\(offset)", outcome: outcome, reasonWithoutQuery: "rule")
    }
  }

  @Test func aFamilyReadsAsItsMembersInOrder() {
    let written = ProcedureVerdict.Condition("w", outcome: .valid)
    let list = ConditionList(pieces: [.family(Numbered(count: 2, outcome: .valid)), .written([written]),
                                      .family(Numbered(count: 0, outcome: .invalid)), .family(Numbered(count: 1, outcome: .valid))])
    #expect(list.map(\.description) == ["c0", "c1", "w", "c0"])
    #expect(list.count == 4)
    #expect(list.pieces.count == 3) // the empty family is dropped: it has no outcome to give
    #expect(list.worstOutcome == .valid)
    #expect(list.failing.isEmpty)
    #expect(list == ConditionList(Array(list)))
    #expect(list != ConditionList(Array(list.dropLast())))
  }

  @Test func aFailingFamilyIsSpelledOutAndDecidesTheOutcome() {
    let list = ConditionList(pieces: [.written([.init("w", outcome: .unknown)]), .family(Numbered(count: 2, outcome: .invalid))])
    #expect(list.failing.map(\.description) == ["w", "c0", "c1"])
    #expect(ProcedureVerdict(name: "f", layer: .async, conditions: list).outcome == .invalid)
    #expect(ProcedureVerdict(name: "f", layer: .async, conditions: ConditionList(pieces: [])).outcome == .unknown)
  }
}
