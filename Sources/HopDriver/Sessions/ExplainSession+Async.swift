import HopSyntax

/// `explain` shows the proofs of sync procedures; async ones are proved by
/// rely/guarantee conditions that have no state after each command to show.
/// A file with only async procedures is therefore checked as `hophop check`
/// checks it, and says so: the same diagnostics, the same exit status (an
/// invalid async file is not "explained" with exit 0), and the command that
/// does this job named for next time.
extension ExplainSession {
  /// The result for a program with async procedures and no sync ones, else nil.
  static func explainAsyncOnly(_ program: Program, path: String) -> Result? {
    let hasSync = program.declarations.contains { if case .procedure = $0 { true } else { false } }
    let hasAsync = program.declarations.contains { if case .asyncProcedure = $0 { true } else { false } }
    guard hasAsync && !hasSync else { return nil }
    let checked = CheckSession.check([path])
    let text = "\(path): no sync procedures to explain (explain shows the proofs of sync procedures); "
      + "its async procedures are checked as 'hophop check \(path)' does:\n" + CheckSession.summary(checked)
    return Result(report: checked.files[0].report, text: text, traces: [], exitStatus: checked.exitStatus,
                  z3Failure: checked.z3Failure)
  }

  /// Whether `name` is an async procedure of `program` (for `--proc`).
  static func isAsync(_ name: String, in program: Program) -> Bool {
    program.declarations.contains { if case .asyncProcedure(let p) = $0 { p.name.name == name } else { false } }
  }
}
