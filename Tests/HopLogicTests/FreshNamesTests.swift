import HopLogic
import Testing

/// One fresh-name supply for the prover and the sync checker, told apart by a tag.
@Suite struct FreshNamesTests {
  @Test func namesAreExistentialAndNeverRepeat() {
    var names = FreshNames()
    let made = [names.variable("x"), names.variable("_y"), names.variable("_x#7"), names.variable("x")]
    #expect(made.map(\.name) == ["_x#1", "_y#2", "_x#3", "_x#4"])
    #expect(made.allSatisfy { $0.isExistential })
  }

  @Test func twoTagsNeverMakeTheSameName() {
    var prover = FreshNames(), checker = FreshNames(tag: "s")
    let a = (0..<20).map { _ in prover.variable("u") }, b = (0..<20).map { _ in checker.variable("u") }
    #expect(Set(a).isDisjoint(with: b))
    #expect(b.first?.name == "_u#s1")
  }

  @Test func openingRenamesTheExistentialsApart() {
    var names = FreshNames()
    let heap = SymbolicHeap(existentials: [Variable("_a")], pure: [.equal(.variable(Variable("_a")), .variable(Variable("x")))])
    let (opened, renaming) = names.openExistentials(of: heap)
    #expect(renaming == [Variable("_a"): Variable("_a#1")])
    #expect(opened.pure == [.equal(.variable(Variable("_a#1")), .variable(Variable("x")))])
    #expect(opened.existentials.isEmpty)
  }
}
