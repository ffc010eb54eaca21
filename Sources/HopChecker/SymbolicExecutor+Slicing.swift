import HopLogic
import HopProver

/// Field accesses and calls proved on the part of the state they can reach
/// (`StateSlice`, decision 84): the prover is given that part, and the cells
/// left out are put back where it would have kept them, so each command costs
/// what its footprint costs in the prover instead of a walk of every cell.
///
/// Each answer taken from a part is the one the whole state gives, state for
/// state and name for name; where that is not sure, nil is returned and the
/// caller asks about the whole state (a failure, in particular, is always
/// reported from the whole state). Nothing of an answer not taken is kept:
/// the supply of fresh names is as it was.
extension SymbolicExecutor {
  /// `expose` of a cell when the part of `state` that `address` reaches is one plain
  /// cell and facts of the equality fragment, and the prover finds the cell there.
  mutating func exposedInSlice(_ kind: OwnedKind, at address: Term, in state: SymbolicHeap) -> [SymbolicHeap]? {
    guard slicing, kind == .cell, state.spatial.count > 1, let slice = cut(state, around: address.variables),
          slice.touched.spatial.count == 1, slice.touched.pure.allSatisfy(\.isInEqualityFragment),
          case .exposed(let heaps) = prover.rearrange(slice.touched, at: address), heaps.count == 1,
          heaps[0].spatial.count == 1, case .pointsTo = heaps[0].spatial[0] else { return nil }
    // The whole state's answer is this cell, then the other cells in their order.
    slicedSteps += 1
    leftOut = LeftOutCells(start: 1, count: slice.untouchedCount, index: slice.untouchedIndex)
    return [slice.whole(inCheckerNames(heaps[0], asked: slice.touched).closed, after: 1)]
  }

  /// The cut of `state` around `reached`: from the block the last cut left out where that block is
  /// `state`'s (decision 88), else by a walk of its atoms. (In a debug build both are made and must agree.)
  mutating func cut(_ state: SymbolicHeap, around reached: Set<Variable>) -> StateSlice? {
    guard reusingCuts, var block = untouchedBlock, block.describes(state) else { return StateSlice(state, around: reached) }
    // The block is used up: the step makes the next one, with this index changed (not copied).
    untouchedBlock = nil
    let index = block.takeIndex()
    let slice = StateSlice(state, around: reached, block: block, index: index)
    cutsFromBlock += 1
    assert({
      // The walk, given as many passes as it may need to settle, makes the same cut.
      let walked = StateSlice(state, around: reached, passes: state.spatial.count + 1)
      guard let slice, let walked else { return slice == nil && walked == nil }
      return slice.touched == walked.touched && slice.untouched == walked.untouched
    }(), "a cut from the block differs from the walk's")
    return slice
  }

  /// The states after the calls of `step` from `state`, proved on the part of `state` their
  /// specifications reach, when that part is plain cells whose every case the preconditions
  /// use up, with facts of the equality fragment only.
  ///
  /// Frame inference over the whole state would add, for each cell used up and each cell left
  /// out, that their addresses differ (an address no longer in the frame, decision 47); after
  /// the call those facts are dropped when the postcondition gives the cell back
  /// (`withoutSeparationFacts`). So the part's answer is taken only when every cell used up is
  /// given back at the address the frame names it by: then the facts it leaves out are the ones
  /// dropped, and the states are the whole state's.
  mutating func callInSlice(_ step: CallStep, _ state: SymbolicHeap) -> [SymbolicHeap]? {
    guard slicing else { return nil }
    var reached = Set<Variable>()
    for heap in step.preconditions { heap.forEachVariable { reached.insert($0) } }
    for cases in step.postconditions { for heap in cases { heap.forEachVariable { reached.insert($0) } } }
    for substitution in step.substitutions { for value in substitution.values { value.forEachVariable { reached.insert($0) } } }
    for name in step.changed { reached.insert(Variable(name)) }
    guard let slice = cut(state, around: reached) else { return nil }
    var usedUp: [Variable] = []
    for atom in slice.touched.spatial {
      guard case .pointsTo(.variable(let address), _) = atom else { return nil }
      usedUp.append(address)
    }
    guard slice.touched.pure.allSatisfy(\.isInEqualityFragment),
          step.preconditions.allSatisfy({ $0.pure.allSatisfy(\.isInEqualityFragment) }),
          case .proved(let frames) = DisjunctiveEntailment(prover: prover, precise: false)
            .prove(slice.touched, step.preconditions) else { return nil }
    let saved = supply
    var after: [SymbolicHeap] = []
    for proverFrame in frames {
      let found = inCheckerNames(proverFrame, asked: slice.touched)
      guard found.heap.spatial.isEmpty else {
        supply = saved
        return nil
      }
      // The name the frame gives each used-up address (its class's representative).
      var named: [Variable: Term] = [:]
      for case .equal(.variable(let member), let representative) in found.heap.pure { named[member] = representative }
      let (states, old) = afterCalls(step, found)
      for result in states {
        let addresses = result.cellAddresses
        let givenBack = usedUp.allSatisfy { address in
          addresses.contains((named[address] ?? .variable(address)).substituting(old))
        }
        guard givenBack, result.pure.allSatisfy(\.isInEqualityFragment) else {
          supply = saved
          return nil
        }
        let part = result.withoutSeparationFacts
        // The cells left out share no variable with the rest and are at distinct addresses: they change nothing.
        if prover.satisfiability(part.closed) != .unsatisfiable { after.append(slice.whole(part, after: 0)) }
      }
    }
    slicedSteps += 1
    leftOut = LeftOutCells(start: 0, count: slice.untouchedCount, index: slice.untouchedIndex)
    return after
  }
}
