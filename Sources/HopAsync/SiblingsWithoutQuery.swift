import HopLogic

/// Condition 4 of one pending procedure against a run of consecutive
/// siblings (by source order), each pair settled without a query for the
/// same reason. For N procedures that do not touch what each other's
/// preconditions read there are N² such pairs; they are kept as one record
/// per run (the pending procedure, the first and last sibling, the reason)
/// and their text is made only when a report spells them out (`check
/// --format json`), not once per pair (decision 85).
struct SiblingsWithoutQuery: ConditionFamily {
  /// Why the pairs hold without a query.
  enum Reason: Sendable {
    /// The pending procedure has no precondition and no rely: nothing can break it.
    case noPrecondition
    /// The pending procedure has a precondition and no rely, and the sibling's
    /// body writes nothing that precondition reads (`Footprint.overlaps`).
    case writesNothingRead
  }

  let pending: String
  let reason: Reason
  /// Every async procedure's name, in source order (shared by every run).
  let names: [String]
  /// The siblings, as indices in `names`.
  let siblings: Range<Int>

  var count: Int { siblings.count }
  var outcome: ProofOutcome { .valid }

  /// The pair with the `offset`-th sibling of the run, as the checker records a verdict.
  func verdict(at offset: Int) -> AsyncConditionVerdict {
    let sibling = names[siblings.lowerBound + offset]
    return AsyncConditionVerdict(condition: .siblingRespectsRely(sibling: sibling), outcome: .valid,
                                 reasonWithoutQuery: Self.text(reason, sibling: sibling, pending: pending))
  }

  func condition(at offset: Int) -> ProcedureVerdict.Condition {
    let verdict = verdict(at: offset)
    return ProcedureVerdict.Condition(verdict.description, outcome: .valid, reasonWithoutQuery: verdict.reasonWithoutQuery)
  }

  /// Why the pair (pending, sibling) holds without a query, as reports say it.
  static func text(_ reason: Reason, sibling: String, pending: String) -> String {
    switch reason {
    case .noPrecondition: "'\(pending)' has no precondition"
    case .writesNothingRead: "'\(sibling)' changes nothing the precondition of '\(pending)' reads"
    }
  }
}
