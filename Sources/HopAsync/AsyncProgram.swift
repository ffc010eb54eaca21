import HopSyntax

/// The async part of a Hop program, indexed for the rely/guarantee
/// conditions: procedures in source order, globals, the heap fields the
/// procedures use, and the post graph (who posts whom, and where).
public struct AsyncProgram: Sendable {
  public let procedures: [AsyncProcedureDecl]
  public let globals: [String]
  /// Every field read or written by an async procedure or its specifications, sorted.
  public let fields: [String]
  /// For each procedure, the `post` statements of its body, in source order.
  let postSites: [String: [PostSite]]
  /// For each procedure (in the order of `procedures`), what condition 4
  /// needs to know of it as the pending one, computed once: condition 4 is
  /// looked at for every pair, N² times.
  let relyTargets: [RelyTarget]
  /// Whether some procedure posts `main` (then it is a sibling too).
  let mainIsPosted: Bool

  /// A procedure as the pending one of condition 4.
  final class RelyTarget: Sendable {
    let name: String
    /// No precondition and no rely: nothing can break it.
    let isUnconstrained: Bool
    /// With a precondition and no written rely: what the precondition reads
    /// of the shared state (its variables cut down to the globals).
    let preconditionReads: Footprint?

    init(name: String, isUnconstrained: Bool, preconditionReads: Footprint?) {
      self.name = name
      self.isUnconstrained = isUnconstrained
      self.preconditionReads = preconditionReads
    }
  }

  /// A `post` statement: the procedure it posts and where it is written.
  struct PostSite: Hashable, Sendable {
    var callee: String
    var range: SourceRange
  }

  public init(_ program: Program) {
    var procedures: [AsyncProcedureDecl] = []
    var globals: [String] = []
    for declaration in program.declarations {
      switch declaration {
      case .asyncProcedure(let p): procedures.append(p)
      case .global(let g): globals.append(contentsOf: g.names.map(\.name))
      default: break
      }
    }
    self.procedures = procedures
    self.globals = globals
    var fields = Set<String>()
    var postSites: [String: [PostSite]] = [:]
    for procedure in procedures {
      let footprint = Footprint(procedure)
      fields.formUnion(footprint.fieldsRead)
      fields.formUnion(footprint.fieldsWritten)
      postSites[procedure.name.name] = footprint.posts
    }
    self.fields = fields.sorted()
    self.postSites = postSites
    let globalSet = Set(globals)
    relyTargets = procedures.map { procedure in
      var reads: Footprint?
      if procedure.rely == nil, let precondition = procedure.precondition {
        reads = Footprint(readsOf: precondition)
        reads?.variables.formIntersection(globalSet)
      }
      return RelyTarget(name: procedure.name.name,
                        isUnconstrained: procedure.precondition == nil && procedure.rely == nil,
                        preconditionReads: reads)
    }
    mainIsPosted = postSites.values.contains { $0.contains { $0.callee == "main" } }
  }

  public func procedure(named name: String) -> AsyncProcedureDecl? {
    procedures.first { $0.name.name == name }
  }

  /// The procedures `procedure` posts, in the order of their first `post`.
  func children(of procedure: String) -> [String] {
    var seen = Set<String>()
    return (postSites[procedure] ?? []).map(\.callee).filter { seen.insert($0).inserted }
  }

  /// Whether the procedure `name` may run while some instance is pending:
  /// every one may, except `main` when nothing posts it (it then runs first and alone).
  func isSibling(_ name: String) -> Bool {
    name != "main" || mainIsPosted
  }
}
