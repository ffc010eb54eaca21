import HopAsync
import HopSyntax

/// A concrete interpreter of async programs with a random scheduler: the
/// semantics of docs/language.md §3.1 run for real, to test the checker against.
/// It handles the quantifier-free fragment the random programs use.
///
/// It is as adversarial as the semantics allows: `new()` may hand out a
/// freed address again (half of the time when there is one), and every
/// field of the cell it returns gets an arbitrary value; a freed cell keeps
/// its field values (formulas may still read them) until it is handed out
/// again. `/` and `%` are C's (Swift's are the same), and a zero divisor
/// is a fault.
struct ConcreteScheduler {
  struct Instance: Hashable {
    var procedure: String
    var arguments: [Int]
  }

  /// What went wrong in a run.
  enum Violation: Error, Equatable {
    case invalidAccess(procedure: String)
    case divisionByZero
    case preconditionFalse(Instance)
    case invariantFalse(procedure: String)
    case unsupported(String)
  }

  private let procedures: [String: AsyncProcedureDecl]
  private let fields: [String]
  private var globals: [String: Int] = [:]
  /// Every address ever allocated, with its field values (kept after `dispose`).
  private var cells: [Int: [String: Int]] = [:]
  private var valid = Set<Int>()
  private var nextAddress = 1
  private var pending = Set<Instance>()

  init(_ program: Program) {
    var procedures: [String: AsyncProcedureDecl] = [:]
    for case .asyncProcedure(let p) in program.declarations { procedures[p.name.name] = p }
    self.procedures = procedures
    fields = AsyncProgram(program).fields
    for case .global(let g) in program.declarations { for name in g.names { globals[name.name] = 0 } }
  }

  /// Runs `main`, then up to `steps` instances chosen by `random`.
  mutating func run<R: RandomNumberGenerator>(steps: Int, using random: inout R) throws {
    try start(Instance(procedure: "main", arguments: []), using: &random)
    for _ in 0..<steps {
      guard let next = pending.sorted(by: { ($0.procedure, $0.arguments.description) < ($1.procedure, $1.arguments.description) })
        .randomElement(using: &random) else { return }
      pending.remove(next)
      try start(next, using: &random)
    }
  }

  private mutating func start<R: RandomNumberGenerator>(_ instance: Instance, using random: inout R) throws {
    guard let procedure = procedures[instance.procedure] else { throw Violation.unsupported(instance.procedure) }
    var variables = Dictionary(uniqueKeysWithValues: zip(procedure.parameters.map(\.name), instance.arguments))
    for local in procedure.locals { variables[local.name] = 0 }
    if let precondition = procedure.precondition, try value(precondition, variables) == 0 {
      throw Violation.preconditionFalse(instance)
    }
    for statement in procedure.body { try execute(statement, &variables, instance.procedure, using: &random) }
  }

  /// A non-NULL address that is not allocated: a freed one half of the time, with arbitrary field values.
  private mutating func allocate<R: RandomNumberGenerator>(using random: inout R) -> Int {
    let freed = cells.keys.filter { !valid.contains($0) }.sorted()
    let address: Int
    if !freed.isEmpty && Bool.random(using: &random) {
      address = freed.randomElement(using: &random)!
    } else {
      address = nextAddress
      nextAddress += 1
    }
    cells[address] = Dictionary(uniqueKeysWithValues: fields.map { ($0, Int.random(in: -3...3, using: &random)) })
    valid.insert(address)
    return address
  }

  private mutating func execute<R: RandomNumberGenerator>(_ statement: Statement, _ variables: inout [String: Int],
                                                          _ procedure: String, using random: inout R) throws {
    func set(_ name: String, _ value: Int) {
      if variables[name] != nil { variables[name] = value } else { globals[name] = value }
    }
    func address(_ pointer: Expression) throws -> Int {
      let a = try value(pointer, variables)
      guard valid.contains(a) else { throw Violation.invalidAccess(procedure: procedure) }
      return a
    }
    switch statement.kind {
    case .assign(let name, let e):
      set(name.name, e.kind == .nondeterministic ? Int.random(in: -3...3, using: &random) : try value(e, variables))
    case .lookup(let name, let pointer, let field):
      set(name.name, cells[try address(pointer)]![field.name] ?? 0)
    case .mutate(let pointer, let field, let e):
      let a = try address(pointer)
      cells[a]![field.name] = try value(e, variables)
    case .allocate(let name):
      set(name.name, allocate(using: &random))
    case .dispose(let pointer):
      valid.remove(try address(pointer))
    case .block(let statements):
      for s in statements { try execute(s, &variables, procedure, using: &random) }
    case .ifThenElse(let condition, let thenBranch, let elseBranch):
      let taken = condition.kind == .nondeterministic ? Bool.random(using: &random) : try value(condition, variables) != 0
      if taken {
        try execute(thenBranch, &variables, procedure, using: &random)
      } else if let elseBranch {
        try execute(elseBranch, &variables, procedure, using: &random)
      }
    case .whileLoop(let condition, let invariant, let body):
      var invariantExpression: Expression?
      if case .firstOrder(let formula)? = invariant { invariantExpression = formula }
      for iteration in 0... {
        if let invariantExpression, try value(invariantExpression, variables) == 0 {
          throw Violation.invariantFalse(procedure: procedure)
        }
        let again = condition.kind == .nondeterministic
          ? Int.random(in: 0..<3, using: &random) != 0 : try value(condition, variables) != 0
        guard again else { break }
        guard iteration < 100 else { throw Violation.unsupported("a loop of more than 100 iterations") }
        try execute(body, &variables, procedure, using: &random)
      }
    case .post(let callee, let arguments):
      pending.insert(Instance(procedure: callee.name, arguments: try arguments.map { try value($0, variables) }))
    case .delete(let callee, let arguments):
      pending.remove(Instance(procedure: callee.name, arguments: try arguments.map { try value($0, variables) }))
    default:
      throw Violation.unsupported("\(statement.kind)")
    }
  }

  /// Integers and truth values (0 / 1) of the quantifier-free fragment;
  /// `&&`, `||` and `==>` evaluate their right side only when needed.
  private func value(_ e: Expression, _ variables: [String: Int]) throws -> Int {
    func b(_ x: Bool) -> Int { x ? 1 : 0 }
    switch e.kind {
    case .variable(let name): return variables[name.name] ?? globals[name.name] ?? 0
    case .integer(let digits): return Int(digits) ?? 0
    case .null: return 0
    case .boolean(let x): return b(x)
    case .unary(.not, let x): return b(try value(x, variables) == 0)
    case .unary(.negate, let x): return -(try value(x, variables))
    case .valid(let x): return b(valid.contains(try value(x, variables)))
    case .fieldRead(let pointer, let field): return cells[try value(pointer, variables)]?[field.name] ?? 0
    case .instance(.pending, let callee, let arguments):
      return b(pending.contains(Instance(procedure: callee.name, arguments: try arguments.map { try value($0, variables) })))
    case .binary(.and, let l, let r): return b(try value(l, variables) != 0 && value(r, variables) != 0)
    case .binary(.or, let l, let r): return b(try value(l, variables) != 0 || value(r, variables) != 0)
    case .binary(.implies, let l, let r): return b(try value(l, variables) == 0 || value(r, variables) != 0)
    case .binary(let op, let l, let r):
      let x = try value(l, variables), y = try value(r, variables)
      switch op {
      case .equal: return b(x == y)
      case .notEqual: return b(x != y)
      case .less: return b(x < y)
      case .lessEqual: return b(x <= y)
      case .greater: return b(x > y)
      case .greaterEqual: return b(x >= y)
      case .plus: return x + y
      case .minus: return x - y
      case .times: return x * y
      case .divide, .modulo:
        guard y != 0 else { throw Violation.divisionByZero }
        return op == .divide ? x / y : x % y
      default: throw Violation.unsupported(op.rawValue)
      }
    default:
      throw Violation.unsupported("\(e.kind)")
    }
  }
}
