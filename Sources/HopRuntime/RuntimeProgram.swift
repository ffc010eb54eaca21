import HopContracts
import HopLogic
import HopSyntax

/// A program ready to run: procedures compiled to instructions, every name
/// (field, global, message, contract, resource) turned into an index once, so
/// the interpreter's loop never hashes a string.
///
/// Built by `RuntimeProgram.compile(_:)` from a resolved AST; the contracts
/// are HopContracts' automata, not a second reading of the declarations.
public struct RuntimeProgram: Sendable {
  public var source: Program
  public var procedures: [CompiledProcedure]
  /// Name → index of its first declaration (calls use the first, decision 34).
  public var procedureIndex: [String: Int]
  /// Every field name of the program and its formulas, interned.
  public var fields: [String]
  /// `fields[..<usedFields]` are the ones the program declares or mentions (the rest are the predicates' defaults).
  public var usedFields: Int
  public var fieldIndex: [String: Int]
  /// Variables that are no procedure's parameter or local, sorted by name.
  public var globals: [String]
  public var globalIndex: [String: Int]
  public var messages: [String]
  public var messageIndex: [String: Int]
  /// Each message's invariant as disjuncts (emp when none is declared), by message index.
  public var messageInvariants: [[SymbolicHeap]]
  public var resources: [ResourceDecl]
  public var resourceIndex: [String: Int]
  /// Each contract as declared (`C`); `dualContracts[i]` is `~C`.
  public var contracts: [ContractAutomaton]
  public var dualContracts: [ContractAutomaton]
  public var contractIndex: [String: Int]
  /// `contractMessage[c][m]`: the automaton's index of program message `m`, or -1.
  var contractMessage: [[Int]]

  /// The contract automaton an endpoint follows.
  func automaton(_ contract: Int, dual: Bool) -> ContractAutomaton {
    dual ? dualContracts[contract] : contracts[contract]
  }

  /// The compiled `name`, first declaration.
  public func procedure(named name: String) -> CompiledProcedure? {
    procedureIndex[name].map { procedures[$0] }
  }

  /// True for files of the async layer (an async `main` is the start of a run).
  public var isAsync: Bool { procedures.contains(where: \.isAsync) }
}

/// Why a program cannot be run: diagnostics at the offending declarations.
public struct RuntimeCompileError: Error, Sendable {
  public var diagnostics: [Diagnostic]
}
