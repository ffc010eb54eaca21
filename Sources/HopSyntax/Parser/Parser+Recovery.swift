/// Syntax errors that say what the fix is, and recovery that does not cascade.
///
/// A forgotten `;` is reported right after the token it should follow (as
/// rustc and swiftc do), a forgotten `}` once, with a note at the `{` it should
/// match, and a misspelled keyword with the keyword it resembles. Where the
/// fix is certain (the `;` or `}` alone is missing), parsing goes on as if it
/// had been made, so the rest of the file is still checked and gives no
/// follow-on errors.
extension Parser {
  /// The words that start a command (docs/language.md §1–§3), for "did you mean".
  static let statementKeywords = ["close", "delete", "dispose", "else", "if", "local", "post", "receive", "send",
                                  "switch", "while", "with"]
  /// The statement keywords followed by a parenthesised condition, `if (c)` and `while (c)`.
  static let conditionKeywords = ["if", "while"]
  /// The words that start a declaration.
  static let declarationKeywords = ["async", "contract", "global", "message", "resource"]

  /// Consumes `;`, or reports it missing at the end of the previous token.
  ///
  /// When the next token starts a new line or closes the block, only the `;`
  /// is missing: parsing goes on as if it were there.
  mutating func expectSemicolon(_ context: String) throws(ParseAbort) {
    if consume(.semicolon) { return }
    let abort = fail(message: "expected ';' \(context), found \(describe(current))", at: .point(previousEnd))
    guard abort == .syntax, check(.rightBrace) || isOnLaterLine(current) else { throw abort }
  }

  /// Consumes the `}` that closes the `{` at `opening`, or reports it missing,
  /// with a note at the `{`.
  ///
  /// At the end of the file, where a declaration starts (which no block can
  /// contain), or where the caller knows the next sibling starts
  /// (`missingBefore`), the `}` alone is missing: the construct is closed
  /// there and parsing goes on; enclosing blocks closed at the same place are
  /// not reported again.
  mutating func expectClosingBrace(_ context: String, opening: SourceRange,
                                   missingBefore: Bool = false) throws(ParseAbort) {
    if consume(.rightBrace) { return }
    let isMissingBrace = missingBefore || isAtEnd || atUnambiguousDeclarationStart()
    if isMissingBrace, missingBraceReportedAt == index { return }
    let note = Diagnostic.Note("to match this '{'", at: opening)
    let abort = isMissingBrace
      ? fail(message: "expected '}' \(context), found \(describe(current))", at: .point(previousEnd), notes: [note])
      : fail(message: "expected '}' \(context), found \(describe(current))", at: current.range, notes: [note])
    guard abort == .syntax, isMissingBrace else { throw abort }
    missingBraceReportedAt = index
  }

  /// Whether the current token starts something only a declaration can start:
  /// `resource`, `message m`, `contract C`, `async f`, `global x`, or `f(...)`
  /// followed by `[` or `{` (a call is followed by `;` or `||`).
  ///
  /// Statement lists stop there, so a missing `}` does not swallow the next
  /// procedure. `whil (x) {` is taken for a misspelled `while`, not a declaration.
  func atUnambiguousDeclarationStart() -> Bool {
    if check(.resource) { return true }
    guard current.kind == .identifier else { return false }
    let word = text(current)
    if peek(1).kind == .identifier { return Self.declarationKeywords.contains(word) }
    guard peek(1).kind == .punctuator(.leftParen),
          Suggestion.closest(to: word, among: Self.conditionKeywords) == nil,
          let after = tokenAfterParentheses(at: index + 1) else { return false }
    return [.punctuator(.leftBracket), .punctuator(.leftBrace)].contains(after.kind)
  }

  /// The token after the `)` that matches the `(` at token `start`; `nil` when
  /// a brace, bracket or the end of the file comes first.
  func tokenAfterParentheses(at start: Int) -> Token? {
    var position = start
    var depth = 0
    while position < tokens.count {
      switch tokens[position].kind {
      case .punctuator(.leftParen): depth += 1
      case .punctuator(.rightParen):
        depth -= 1
        if depth == 0 { return tokens[min(position + 1, tokens.count - 1)] }
      case .punctuator(.leftBrace), .punctuator(.rightBrace), .punctuator(.leftBracket), .punctuator(.rightBracket),
           .endOfFile:
        return nil
      default: break
      }
      position += 1
    }
    return nil
  }

  /// "unknown statement 'dispse'" with "did you mean 'dispose'?", when the
  /// identifier that starts a statement is close to a keyword and cannot start
  /// an assignment, a call or a field write.
  mutating func misspelledStatementKeyword() -> ParseAbort? {
    let word = text(current)
    let suggestion: String?
    switch peek(1).kind {
    case .punctuator(.equal), .punctuator(.arrow):
      return nil
    case .punctuator(.leftParen):
      // `whil (x) {`: a call would be followed by `;` or `||`.
      let after = tokenAfterParentheses(at: index + 1)?.kind
      guard after != .punctuator(.semicolon), after != .punctuator(.barBar) else { return nil }
      suggestion = Suggestion.closest(to: word, among: Self.conditionKeywords)
    case .identifier, .number, .keyword(.null), .punctuator(.semicolon), .punctuator(.leftBrace):
      // `dispse x;`: no expression is followed by one of these.
      suggestion = Suggestion.closest(to: word, among: Self.statementKeywords)
    default:
      return nil
    }
    guard let suggestion else { return nil }
    return fail(message: "unknown statement '\(word)'", at: current.range, notes: [.didYouMean(suggestion)])
  }

  /// "unknown declaration 'mesage'" with "did you mean 'message'?", for a word
  /// followed by a name where a declaration starts.
  mutating func misspelledDeclarationKeyword() -> ParseAbort? {
    guard current.kind == .identifier, peek(1).kind == .identifier,
          let suggestion = Suggestion.closest(to: text(current), among: Self.declarationKeywords) else { return nil }
    return fail(message: "unknown declaration '\(text(current))'", at: current.range, notes: [.didYouMean(suggestion)])
  }

  /// Whether `token` starts on a later line than the previous token ends.
  func isOnLaterLine(_ token: Token) -> Bool {
    let from = min(previousEnd, file.bytes.count)
    let to = min(max(from, token.range.start), file.bytes.count)
    return file.bytes[from..<to].contains(UInt8(ascii: "\n"))
  }
}
