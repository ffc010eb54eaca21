import HopLogic
import HopRuntime
import HopSyntax
import Testing

/// The concrete model checker: exact matches, leaks, and failures.
@Suite struct ModelCheckerTests {
  /// A program whose only job is to declare the fields and contracts the formulas use.
  static let declarations = """
    hd, tl, l, r;
    message m
    contract C { initial state s { !m -> s; } final state t {} }
    """

  /// The disjuncts of `text` read as a precondition.
  func formula(_ text: String) throws -> [SymbolicHeap] {
    let front = Frontend.analyze(SourceFile(path: "t.hop", text: Self.declarations + "f() [\(text)] {}"))
    guard case .procedure(let p)? = front.program.declarations.last, let pre = p.precondition else {
      Issue.record("no precondition parsed")
      return []
    }
    return try AssertionTranslation.heaps(pre)
  }

  /// A list of `count` cells linked by `tl`, ending in `end`; its addresses, first first.
  func list(_ count: Int, end: Int = 0, in heap: inout ConcreteHeap, program: RuntimeProgram) -> [Int] {
    let tl = program.fieldIndex["tl"]!
    var cells: [Int] = []
    var next = end
    for _ in 0..<count {
      let cell = heap.allocateCell { _ in 0 }
      heap.setField(cell, tl, next)
      next = cell
      cells.insert(cell, at: 0)
    }
    return cells
  }

  @Test func aListMatchesExactly() throws {
    let program = try compiled(Self.declarations)
    var heap = ConcreteHeap(fieldCount: program.fields.count)
    let cells = list(3, in: &heap, program: program)
    let checker = ModelChecker(program: program, heap: heap) { $0 == "x" ? cells[0] : nil }
    #expect(checker.check(try formula("list(x)")) == .holds)
    #expect(checker.check(try formula("lseg(x, _y) * _y |-> tl: NULL")) == .holds)
    #expect(checker.check(try formula("x |-> tl: _a * _a |-> tl: _b * _b |-> tl: NULL")) == .holds)
    #expect(checker.check(try formula("if x == NULL then emp else list(x)")) == .holds)
  }

  @Test func aCellNotDescribedIsALeak() throws {
    let program = try compiled(Self.declarations)
    var heap = ConcreteHeap(fieldCount: program.fields.count)
    let cells = list(2, in: &heap, program: program)
    let extra = heap.allocateCell { _ in 0 }
    let checker = ModelChecker(program: program, heap: heap) { $0 == "x" ? cells[0] : nil }
    #expect(checker.check(try formula("list(x)")) == .leak([extra]))
    #expect(checker.check(try formula("emp")) == .leak((cells + [extra]).sorted()))
  }

  @Test func wrongValuesAndMissingCellsFail() throws {
    let program = try compiled(Self.declarations)
    var heap = ConcreteHeap(fieldCount: program.fields.count)
    let cells = list(1, in: &heap, program: program)
    let checker = ModelChecker(program: program, heap: heap) { $0 == "x" ? cells[0] : $0 == "y" ? 0 : nil }
    guard case .fails = checker.check(try formula("x |-> tl: 5")) else { Issue.record("tl is NULL, not 5"); return }
    guard case .fails = checker.check(try formula("x |-> * y |->")) else { Issue.record("y is NULL"); return }
    guard case .fails = checker.check(try formula("list(x) * x == NULL")) else { Issue.record("x is not NULL"); return }
    #expect(checker.check(try formula("x |-> tl: y * x != y")) == .holds)
  }

  @Test func treesAndCyclesAreRecognised() throws {
    let program = try compiled(Self.declarations)
    var heap = ConcreteHeap(fieldCount: program.fields.count)
    let (l, r) = (program.fieldIndex["l"]!, program.fieldIndex["r"]!)
    let leaf = heap.allocateCell { _ in 0 }
    let root = heap.allocateCell { _ in 0 }
    heap.setField(root, l, leaf)
    let checker = ModelChecker(program: program, heap: heap) { $0 == "t" ? root : nil }
    #expect(checker.check(try formula("tree(t)")) == .holds)
    heap.setField(leaf, r, root)
    let cyclic = ModelChecker(program: program, heap: heap) { $0 == "t" ? root : nil }
    #expect(cyclic.check(try formula("tree(t)")) != .holds)
    _ = r
  }

  @Test func aDeepTreeAndALongListAreCheckedWithoutRecursion() throws {
    let program = try compiled(Self.declarations)
    var heap = ConcreteHeap(fieldCount: program.fields.count)
    let l = program.fieldIndex["l"]!
    var root = 0
    for _ in 0..<20_000 {
      let cell = heap.allocateCell { _ in 0 }
      heap.setField(cell, l, root)
      root = cell
    }
    let checker = ModelChecker(program: program, heap: heap) { $0 == "t" ? root : nil }
    #expect(checker.check(try formula("tree(t)")) == .holds)
    #expect(checker.check(try formula("lseg(l; t, _end)")) == .holds)
  }

  @Test func endpointsMatchTheirContractState() throws {
    let program = try compiled(Self.declarations)
    var heap = ConcreteHeap(fieldCount: program.fields.count)
    let (e, f) = heap.openChannel(contract: 0, state: 0)
    let checker = ModelChecker(program: program, heap: heap) { $0 == "e" ? e : $0 == "f" ? f : nil }
    #expect(checker.check(try formula("e |-> C{s}, peer: f * f |-> ~C{s}, peer: e")) == .holds)
    #expect(checker.check(try formula("e |-> C{t} * f |-> ~C{s}")) != .holds)
    #expect(checker.check(try formula("e |-> ~C{s} * f |-> C{s}")) != .holds)
  }
}
