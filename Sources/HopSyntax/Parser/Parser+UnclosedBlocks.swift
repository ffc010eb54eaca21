/// A `}` forgotten inside a procedure, found by the indentation.
///
/// Without a `}` after `if (...) {`, the `if`'s block takes the procedure's
/// own `}`, and the errors come later and elsewhere: at the postcondition
/// (a `[` where a statement should be), then at the end of the file or the
/// next procedure (the procedure's `}` missing), with a note at the
/// procedure's `{` and never at the `if`. The `}` that the `if` took is
/// usually indented less than the line of the `if`, as the end of an outer
/// block is. So the first such `}` in a procedure is remembered, and when
/// the procedure's body has errors, it is parsed again with the block that
/// `}` closed taken as unclosed before it: one error, at the `if`, with a
/// note at its `{`. The second parse is kept only when it has no more errors
/// than the first (it adds one, so it must remove one), and only a body with
/// errors is parsed again: a program that is merely indented oddly parses as before.
extension Parser {
  /// A block `{ ... }` that is a statement, or the body of `owner` (`if`, `else`, `while`, `with`).
  mutating func parseBlock(owner: Token?) throws(ParseAbort) -> Statement {
    let start = current.range.start
    let opening = advance().range
    let body = try parseStatements()
    let what = owner.map { "this '\(text($0))' block" } ?? "this block"
    if check(.rightBrace), index == missingBraceBefore {
      let line = file.location(of: current.range.start).line
      let abort = fail(message: "\(what) is never closed: expected '}' before the '}' on line \(line), "
                         + "which is indented as the end of an outer block",
                       at: owner?.range ?? opening, notes: [.init("to match this '{'", at: opening)])
      if abort == .fatal { throw abort }
      return Statement(.block(body), range: range(from: start))
    }
    if check(.rightBrace), lessIndentedClosing == nil, isOnLaterLine(current),
       indentation(at: current.range.start) < indentation(at: owner?.range.start ?? opening.start) {
      lessIndentedClosing = index
    }
    try expectClosingBrace("to close \(owner == nil ? "the block" : "the '\(text(owner!))' block")", opening: opening)
    return Statement(.block(body), range: range(from: start))
  }

  /// The statement after `if (...)`, `else`, `while (...)` or `with r when (...)`.
  mutating func parseBody(of owner: Token) throws(ParseAbort) -> Statement {
    guard check(.leftBrace) else { return try parseStatement() }
    return try nested { (parser: inout Parser) throws(ParseAbort) -> Statement in try parser.parseBlock(owner: owner) }
  }

  /// Runs `parse` (a procedure body); when it reports errors after a block
  /// was closed by a less indented `}`, runs it again from the same place
  /// with that block taken as unclosed, and keeps that run unless it has more errors.
  mutating func parseRecoveringUnclosedBlock<T>(_ parse: (inout Parser) throws(ParseAbort) -> T) throws(ParseAbort) -> T {
    var first = self
    first.lessIndentedClosing = nil
    first.missingBraceBefore = nil
    let firstOutcome = Self.attempt(&first, parse)
    let firstErrors = first.diagnostics.count - diagnostics.count
    guard firstErrors > 0, let suspect = first.lessIndentedClosing else { return try adopt(first, firstOutcome) }
    var second = self
    second.lessIndentedClosing = nil
    second.missingBraceBefore = suspect
    let secondOutcome = Self.attempt(&second, parse)
    let secondErrors = second.diagnostics.count - diagnostics.count
    return secondErrors <= firstErrors ? try adopt(second, secondOutcome) : try adopt(first, firstOutcome)
  }

  private static func attempt<T>(_ parser: inout Parser, _ parse: (inout Parser) throws(ParseAbort) -> T)
    -> Result<T, ParseAbort> {
    do throws(ParseAbort) {
      return .success(try parse(&parser))
    } catch {
      return .failure(error)
    }
  }

  /// Continues as `parser` left off, with its outcome.
  private mutating func adopt<T>(_ parser: Parser, _ outcome: Result<T, ParseAbort>) throws(ParseAbort) -> T {
    self = parser
    lessIndentedClosing = nil
    missingBraceBefore = nil
    return try outcome.get()
  }

  /// The width of the whitespace that starts the line holding `offset` (a tab counts as one).
  func indentation(at offset: Int) -> Int {
    var start = min(offset, file.bytes.count)
    while start > 0, file.bytes[start - 1] != UInt8(ascii: "\n") { start -= 1 }
    var end = start
    while end < file.bytes.count, file.bytes[end] == UInt8(ascii: " ") || file.bytes[end] == UInt8(ascii: "\t") {
      end += 1
    }
    return end - start
  }
}
