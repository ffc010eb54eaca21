/// The declarations of a program, indexed by name, as name resolution sees them.
///
/// Built once per program; the first declaration of a name wins and later
/// ones are reported as duplicates.
public struct SymbolTable: Sendable {
  /// What the resolver needs to know about a procedure to check its uses.
  public struct ProcedureSignature: Sendable {
    public enum Layer: Sendable { case sync, async }
    public var name: Identifier
    public var layer: Layer
    public var referenceCount: Int
    public var valueCount: Int
  }

  public var procedures: [String: ProcedureSignature] = [:]
  public var messages: [String: Identifier] = [:]
  /// Contract name → (declaration name, state names → declaration range).
  public var contracts: [String: (name: Identifier, states: [String: SourceRange])] = [:]
  public var resources: [String: Identifier] = [:]
  public var globals: [String: Identifier] = [:]
  /// The declared field list, or `nil` when the program declares none (any field allowed).
  public var fields: Set<String>?

  /// Builds the table, appending a diagnostic for each duplicate declaration.
  public init(program: Program, diagnostics: inout [Diagnostic]) {
    if let fieldList = program.fields {
      var seen: [String: SourceRange] = [:]
      for field in fieldList {
        if let previous = seen[field.name] {
          diagnostics.append(.duplicate("field", field, previous: previous))
        } else {
          seen[field.name] = field.range
        }
      }
      fields = Set(seen.keys)
    }
    for declaration in program.declarations {
      switch declaration {
      case .procedure(let p):
        addProcedure(ProcedureSignature(name: p.name, layer: .sync, referenceCount: p.referenceParameters.count,
                                        valueCount: p.valueParameters.count), &diagnostics)
      case .asyncProcedure(let p):
        addProcedure(ProcedureSignature(name: p.name, layer: .async, referenceCount: 0,
                                        valueCount: p.parameters.count), &diagnostics)
      case .message(let m):
        Self.add(m.name, kind: "message", to: &messages, &diagnostics)
      case .resource(let r):
        Self.add(r.name, kind: "resource", to: &resources, &diagnostics)
      case .global(let g):
        for name in g.names { Self.add(name, kind: "global variable", to: &globals, &diagnostics) }
      case .contract(let c):
        if let previous = contracts[c.name.name] {
          diagnostics.append(.duplicate("contract", c.name, previous: previous.name.range))
          continue
        }
        var states: [String: SourceRange] = [:]
        for state in c.states {
          if let previous = states[state.name.name] {
            diagnostics.append(.duplicate("state", state.name, in: "contract '\(c.name.name)'", previous: previous))
          } else {
            states[state.name.name] = state.name.range
          }
        }
        contracts[c.name.name] = (c.name, states)
      }
    }
  }

  private mutating func addProcedure(_ signature: ProcedureSignature, _ diagnostics: inout [Diagnostic]) {
    if let previous = procedures[signature.name.name] {
      // Smallfoot accepts a sync procedure declared twice (its xlseg.sf does, with other
      // parameters): a warning, both bodies are checked, calls use the first (decision 34).
      let bothSync = previous.layer == .sync && signature.layer == .sync
      diagnostics.append(bothSync ? .redeclared(signature.name, previous: previous.name.range)
                                   : .duplicate("procedure", signature.name, previous: previous.name.range))
    } else {
      procedures[signature.name.name] = signature
    }
  }

  private static func add(_ name: Identifier, kind: String, to table: inout [String: Identifier],
                          _ diagnostics: inout [Diagnostic]) {
    if let previous = table[name.name] {
      diagnostics.append(.duplicate(kind, name, previous: previous.range))
    } else {
      table[name.name] = name
    }
  }
}
