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
  /// For each procedure with a precondition, what the precondition reads of
  /// the shared state (its variables cut down to the globals), computed once:
  /// condition 4 compares it with every sibling's writes, N² times.
  let preconditionReads: [String: Footprint]

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
    var preconditionReads: [String: Footprint] = [:]
    for procedure in procedures {
      guard let precondition = procedure.precondition else { continue }
      var reads = Footprint(readsOf: precondition)
      reads.variables.formIntersection(globalSet)
      preconditionReads[procedure.name.name] = reads
    }
    self.preconditionReads = preconditionReads
  }

  public func procedure(named name: String) -> AsyncProcedureDecl? {
    procedures.first { $0.name.name == name }
  }

  /// The procedures `procedure` posts, in the order of their first `post`.
  func children(of procedure: String) -> [String] {
    var seen = Set<String>()
    return (postSites[procedure] ?? []).map(\.callee).filter { seen.insert($0).inserted }
  }

  /// True when some procedure posts `procedure`.
  func isPosted(_ procedure: String) -> Bool {
    postSites.values.contains { $0.contains { $0.callee == procedure } }
  }

  /// The procedures that may run while some instance is pending: all of
  /// them, except `main` when nothing posts it (it then runs first and alone).
  var siblings: [AsyncProcedureDecl] {
    procedures.filter { $0.name.name != "main" || isPosted("main") }
  }
}
