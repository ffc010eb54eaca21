import HopSyntax

/// One node of an SMT-LIB s-expression, with the source range it came from.
public struct SExpression: Hashable, Sendable {
  public enum Kind: Hashable, Sendable {
    /// A symbol (`pto`, `|quoted|` without bars) or a keyword (`:status`).
    case symbol(String)
    case numeral(String)
    case string(String)
    case list([SExpression])
  }

  public var kind: Kind
  public var range: SourceRange

  public var symbol: String? {
    if case .symbol(let name) = kind { return name }
    return nil
  }

  public var list: [SExpression]? {
    if case .list(let items) = kind { return items }
    return nil
  }

  /// The head symbol of a list (`assert` in `(assert ...)`).
  public var head: String? { list?.first?.symbol }

  /// `emp` or the indexed `(_ emp Loc Data)` of SL-COMP: the empty heap.
  public var isEmp: Bool {
    if symbol == "emp" { return true }
    guard let items = list, items.count >= 2 else { return false }
    return items[0].symbol == "_" && items[1].symbol == "emp"
  }
}

/// Reads the s-expressions of a file: `;` comments, `|quoted symbols|`,
/// strings, numerals. Malformed input gives an HH401 diagnostic; nesting is
/// limited (HH402) so no input can overflow the stack.
public struct SExpressionReader {
  public static let maximumDepth = 1_000

  private let bytes: [UInt8]
  private var position = 0

  public static func read(_ file: SourceFile) -> Result<[SExpression], SLCompError> {
    var reader = SExpressionReader(bytes: file.bytes)
    do throws(ReadError) {
      var items: [SExpression] = []
      while true {
        reader.skipBlanks()
        if reader.position >= reader.bytes.count { return .success(items) }
        items.append(try reader.expression(depth: 0))
      }
    } catch {
      return .failure(.malformed(error.diagnostic))
    }
  }

  private init(bytes: [UInt8]) { self.bytes = bytes }

  struct ReadError: Error {
    var diagnostic: Diagnostic
  }

  private func error(_ message: String, at start: Int, code: DiagnosticCode = .smtMalformed) -> ReadError {
    ReadError(diagnostic: Diagnostic(code: code, message: message,
                                     range: SourceRange(start: start, end: min(start + 1, bytes.count))))
  }

  private mutating func skipBlanks() {
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: ";") {
        while position < bytes.count, bytes[position] != UInt8(ascii: "\n") { position += 1 }
      } else if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
        position += 1
      } else {
        return
      }
    }
  }

  private mutating func expression(depth: Int) throws(ReadError) -> SExpression {
    let start = position
    let byte = bytes[position]
    switch byte {
    case UInt8(ascii: "("):
      guard depth < Self.maximumDepth else {
        throw error("nesting deeper than \(Self.maximumDepth) levels", at: start, code: .smtTooDeep)
      }
      position += 1
      var items: [SExpression] = []
      while true {
        skipBlanks()
        guard position < bytes.count else { throw error("this '(' is never closed", at: start) }
        if bytes[position] == UInt8(ascii: ")") {
          position += 1
          return SExpression(kind: .list(items), range: SourceRange(start: start, end: position))
        }
        items.append(try expression(depth: depth + 1))
      }
    case UInt8(ascii: ")"):
      throw error("unexpected ')'", at: start)
    case UInt8(ascii: "|"):
      return try delimited(start, closing: UInt8(ascii: "|"), what: "quoted symbol") { .symbol($0) }
    case UInt8(ascii: "\""):
      return try delimited(start, closing: UInt8(ascii: "\""), what: "string") { .string($0) }
    default:
      while position < bytes.count, Self.isSymbolByte(bytes[position]) { position += 1 }
      guard position > start else { throw error("unexpected character", at: start) }
      let text = String(decoding: bytes[start..<position], as: UTF8.self)
      let kind: SExpression.Kind = text.allSatisfy(\.isNumber) ? .numeral(text) : .symbol(text)
      return SExpression(kind: kind, range: SourceRange(start: start, end: position))
    }
  }

  private mutating func delimited(_ start: Int, closing: UInt8, what: String,
                                  _ make: (String) -> SExpression.Kind) throws(ReadError) -> SExpression {
    position += 1
    while position < bytes.count, bytes[position] != closing { position += 1 }
    guard position < bytes.count else { throw error("unterminated \(what)", at: start) }
    let text = String(decoding: bytes[(start + 1)..<position], as: UTF8.self)
    position += 1
    return SExpression(kind: make(text), range: SourceRange(start: start, end: position))
  }

  /// SMT-LIB simple-symbol characters, plus `:` for keywords and `.` for `sep.nil`.
  private static func isSymbolByte(_ byte: UInt8) -> Bool {
    if byte >= 0x80 || byte <= 0x20 { return false }
    return !"()|\";".utf8.contains(byte)
  }
}

extension DiagnosticCode {
  /// HH401: the SMT-LIB file is malformed (syntax, undeclared symbol, wrong arity).
  public static let smtMalformed = DiagnosticCode("HH401")
  /// HH402: s-expressions nested deeper than the reader's limit.
  public static let smtTooDeep = DiagnosticCode("HH402")
  /// HH403: a construct outside the supported fragment; the answer is `unknown`.
  public static let smtUnsupported = DiagnosticCode("HH403")
}

extension DiagnosticCatalog {
  /// HH4xx: the SMT-LIB front end of `hophop entail`.
  public static let smtLib = DiagnosticCatalog(stage: "entail", codes: [.smtMalformed, .smtTooDeep, .smtUnsupported])
}
