/// The outcome of parsing one file: a (possibly partial) program and the
/// diagnostics found on the way. Parsing never traps and never throws.
public struct ParseResult: Sendable {
  public var program: Program
  public var diagnostics: [Diagnostic]
  public init(program: Program, diagnostics: [Diagnostic]) {
    self.program = program
    self.diagnostics = diagnostics
  }
}

/// Recursive-descent parser for all three layers of the Hop language
/// (grammar/hop.ebnf). Expressions use precedence climbing over the shared
/// `OperatorPrecedence` tables.
///
/// Errors are thrown to the nearest recovery point — the enclosing statement
/// list or the top-level declaration loop — which records nothing more and
/// skips to a boundary, so one run reports several independent errors.
public struct Parser {
  /// Report at most this many errors per file, then stop.
  public static let maximumErrors = 20
  /// Deepest tree accepted: statement nesting plus the height of the
  /// expressions and formulas inside (see `Parser+DepthBudget.swift`).
  public static let maximumDepth = 256

  let file: SourceFile
  let tokens: [Token]
  var index = 0
  var diagnostics: [Diagnostic] = []
  var depth = 0
  /// Which precedence table expressions use: Smallfoot's in sync procedures, first-order in async ones.
  var table = OperatorPrecedence.smallfoot
  /// The token before which a missing `}` was last reported, so that the
  /// enclosing blocks, closed at the same place, do not report it again.
  var missingBraceReportedAt: Int?
  /// The first `}` in the procedure being parsed that closed a block although it is indented less
  /// than the line that opened it: where a `}` is likely missing (`Parser+UnclosedBlocks`).
  var lessIndentedClosing: Int?
  /// In a second parse of a procedure body: the token before which the block that is still open
  /// lacks its `}`, so that it is closed there and the `}` left for the enclosing block.
  var missingBraceBefore: Int?

  /// Parses a whole file.
  public static func parse(_ file: SourceFile) -> ParseResult {
    let (tokens, lexical) = Lexer.tokenize(file)
    var parser = Parser(file: file, tokens: tokens)
    parser.diagnostics = lexical
    if lexical.contains(where: { $0.code == .invalidInput }) || lexical.count >= maximumErrors {
      return ParseResult(program: Program(fields: nil, declarations: []), diagnostics: lexical)
    }
    let program = parser.parseProgram()
    return ParseResult(program: program, diagnostics: parser.diagnostics)
  }

  init(file: SourceFile, tokens: [Token]) {
    self.file = file
    self.tokens = tokens
  }

  // MARK: Cursor

  var current: Token { tokens[min(index, tokens.count - 1)] }

  func peek(_ offset: Int) -> Token { tokens[min(index + offset, tokens.count - 1)] }

  var isAtEnd: Bool { current.kind == .endOfFile }

  /// End offset of the last consumed token (where a missing token "should" be).
  var previousEnd: Int { index > 0 ? tokens[min(index, tokens.count) - 1].range.end : 0 }

  @discardableResult
  mutating func advance() -> Token {
    let token = current
    if index < tokens.count - 1 { index += 1 }
    return token
  }

  func text(_ token: Token) -> String { file.text(of: token.range) }

  func check(_ punctuator: Punctuator) -> Bool { current.kind == .punctuator(punctuator) }

  func check(_ keyword: Keyword) -> Bool { current.kind == .keyword(keyword) }

  func isIdentifier(_ token: Token, _ spelling: String) -> Bool {
    token.kind == .identifier && text(token) == spelling
  }

  mutating func consume(_ punctuator: Punctuator) -> Bool {
    guard check(punctuator) else { return false }
    advance()
    return true
  }

  mutating func consume(_ keyword: Keyword) -> Bool {
    guard check(keyword) else { return false }
    advance()
    return true
  }

  /// Consumes `punctuator` or fails with "expected 'p' <context>".
  @discardableResult
  mutating func expect(_ punctuator: Punctuator, _ context: String) throws(ParseAbort) -> Token {
    guard check(punctuator) else { throw fail(expected: "'\(punctuator.rawValue)' \(context)") }
    return advance()
  }

  mutating func expect(_ keyword: Keyword, _ context: String) throws(ParseAbort) {
    guard check(keyword) else { throw fail(expected: "'\(keyword.rawValue)' \(context)") }
    advance()
  }

  mutating func expectIdentifier(_ context: String) throws(ParseAbort) -> Identifier {
    guard current.kind == .identifier else { throw fail(expected: "\(context)") }
    let token = advance()
    return Identifier(text(token), range: token.range)
  }

  /// Consumes the identifier `word` (a contextual keyword) or fails, suggesting `word` for a misspelling of it.
  mutating func expectWord(_ word: String, _ context: String) throws(ParseAbort) {
    guard isIdentifier(current, word) else {
      let notes = current.kind == .identifier ? Diagnostic.Note.didYouMean(text(current), among: [word]) : []
      throw fail(expected: "'\(word)' \(context)", notes: notes)
    }
    advance()
  }

  func range(from start: Int) -> SourceRange { SourceRange(start: start, end: max(start, previousEnd)) }

  // MARK: Errors and nesting

  /// Records a syntax error at the current token and returns the error to throw.
  mutating func fail(expected what: String, notes: [Diagnostic.Note] = []) -> ParseAbort {
    let found = describe(current)
    return fail(message: "expected \(what), found \(found)", at: current.range, notes: notes)
  }

  mutating func fail(message: String, at range: SourceRange, code: DiagnosticCode = .syntaxError,
                     notes: [Diagnostic.Note] = []) -> ParseAbort {
    var diagnostic = Diagnostic(code: code, message: message, range: range, notes: notes)
    let errors = diagnostics.filter { $0.severity == .error }.count
    if errors + 1 >= Self.maximumErrors {
      diagnostic.notes.append(.init("too many errors; hophop stopped parsing this file here"))
      diagnostics.append(diagnostic)
      return .fatal
    }
    diagnostics.append(diagnostic)
    return .syntax
  }

  func describe(_ token: Token) -> String {
    switch token.kind {
    case .endOfFile: "end of file"
    case .identifier: "identifier '\(text(token))'"
    case .number: "number \(text(token))"
    case .keyword(let keyword): "'\(keyword.rawValue)'"
    case .punctuator(let punctuator): "'\(punctuator.rawValue)'"
    }
  }

  /// Tries `body`; on a syntax error, forgets its diagnostics and rewinds (for the few ambiguous spots).
  mutating func speculate<T>(_ body: (inout Parser) throws(ParseAbort) -> T) -> T? {
    let savedIndex = index
    let savedCount = diagnostics.count
    do {
      return try body(&self)
    } catch {
      index = savedIndex
      diagnostics.removeSubrange(savedCount...)
      return nil
    }
  }
}

/// Why parsing of a construct stopped: a syntax error already recorded
/// (recover and go on), or a reason to stop the whole file.
public enum ParseAbort: Error {
  case syntax
  case fatal
}
