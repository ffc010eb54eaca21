import HopLogic
import HopSyntax

/// Builds an `SLCompProblem` from an SMT-LIB file of the SL-COMP'18 dialect:
/// declare-sort, declare-datatypes, declare-heap, define-fun-rec (list
/// segments are recognised by structure, not by name), declare-const,
/// assert, check-sat, set-info.
public struct SLCompReader {
  /// Constructor name → its field names, from declare-datatypes.
  var constructors: [String: [String]] = [:]
  var segments: [String: ListSegmentDefinition] = [:]
  /// Recursive definitions that are not list segments (using one is unsupported).
  var otherDefinitions: Set<String> = []
  var constants: Set<String> = []
  var status: SLCompProblem.Status?
  var assertions: [SExpression] = []

  public static func read(_ file: SourceFile) -> Result<SLCompProblem, SLCompError> {
    switch SExpressionReader.read(file) {
    case .failure(let error): return .failure(error)
    case .success(let commands):
      var reader = SLCompReader()
      do throws(SLCompError) {
        for command in commands { try reader.take(command) }
        return .success(try reader.problem(end: SourceRange(start: file.bytes.count, end: file.bytes.count)))
      } catch {
        return .failure(error)
      }
    }
  }

  static func malformed(_ message: String, _ node: SExpression) -> SLCompError {
    .malformed(Diagnostic(code: .smtMalformed, message: message, range: node.range))
  }

  static func unsupported(_ message: String, _ node: SExpression) -> SLCompError {
    .unsupported(Diagnostic(code: .smtUnsupported, message: message, range: node.range))
  }

  private mutating func take(_ command: SExpression) throws(SLCompError) {
    guard let items = command.list, let head = command.head else {
      throw Self.malformed("expected a command '(...)'", command)
    }
    switch head {
    case "set-logic", "set-option", "check-sat", "exit", "declare-sort", "declare-heap", "get-model":
      return
    case "set-info":
      if items.count == 3, items[1].symbol == ":status" {
        guard let value = items[2].symbol, let parsed = SLCompProblem.Status(rawValue: value) else {
          throw Self.malformed("':status' must be sat, unsat or unknown", items[2])
        }
        status = parsed
      }
    case "declare-datatypes":
      try declareDatatypes(items, command)
    case "declare-const":
      guard items.count == 3, let name = items[1].symbol else { throw Self.malformed("expected (declare-const name sort)", command) }
      constants.insert(name)
    case "declare-fun":
      guard items.count == 4, let name = items[1].symbol, items[2].list?.isEmpty == true else {
        throw Self.unsupported("only constants (declare-fun f () S) are supported", command)
      }
      constants.insert(name)
    case "define-fun-rec":
      try defineRecursive(items, command)
    case "assert":
      guard items.count == 2 else { throw Self.malformed("expected (assert formula)", command) }
      assertions.append(items[1])
    default:
      throw Self.unsupported("command '\(head)' is not supported", command)
    }
  }

  /// `(declare-datatypes ((D 0) ...) (((c (f S) ...)) ...))`
  private mutating func declareDatatypes(_ items: [SExpression], _ command: SExpression) throws(SLCompError) {
    guard items.count == 3, let declarations = items[2].list else {
      throw Self.malformed("expected (declare-datatypes (sorts) (constructors))", command)
    }
    for datatype in declarations {
      guard let alternatives = datatype.list else { throw Self.malformed("expected a list of constructors", datatype) }
      for constructor in alternatives {
        guard let parts = constructor.list, let name = parts.first?.symbol else {
          throw Self.malformed("expected (constructor (field Sort) ...)", constructor)
        }
        var fields: [String] = []
        for field in parts.dropFirst() {
          guard let pair = field.list, pair.count == 2, let fieldName = pair[0].symbol else {
            throw Self.malformed("expected (field Sort)", field)
          }
          fields.append(fieldName)
        }
        constructors[name] = fields
      }
    }
  }

  private mutating func defineRecursive(_ items: [SExpression], _ command: SExpression) throws(SLCompError) {
    guard items.count == 5, let name = items[1].symbol, let parameters = items[2].list else {
      throw Self.malformed("expected (define-fun-rec name ((x S) ...) Bool body)", command)
    }
    let names = parameters.compactMap { $0.list?.first?.symbol }
    if let definition = ListSegmentRecognizer(constructors: constructors)
      .recognise(name: name, parameters: names, body: items[4]) {
      segments[name] = definition
    } else {
      otherDefinitions.insert(name)
    }
  }

  private func problem(end: SourceRange) throws(SLCompError) -> SLCompProblem {
    guard !assertions.isEmpty else {
      throw .malformed(Diagnostic(code: .smtMalformed, message: "the file asserts nothing", range: end))
    }
    let translator = SLCompFormulaTranslator(constructors: constructors, segments: segments,
                                             otherDefinitions: otherDefinitions, constants: constants)
    if assertions.count >= 2, let last = assertions.last, last.head == "not", let negated = last.list, negated.count == 2 {
      var antecedent = SymbolicHeap.emp
      for assertion in assertions.dropLast() {
        antecedent = try translator.conjoin(antecedent, try translator.heap(assertion), at: assertion)
      }
      let consequent = try translator.heap(negated[1])
      return SLCompProblem(status: status, query: .entailment(antecedent: antecedent, consequent: consequent))
    }
    var heap = SymbolicHeap.emp
    for assertion in assertions { heap = try translator.conjoin(heap, try translator.heap(assertion), at: assertion) }
    return SLCompProblem(status: status, query: .satisfiability(heap))
  }
}
