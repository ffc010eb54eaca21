/// Turns the bytes of a file into tokens, skipping blanks and comments.
///
/// It never fails: bad bytes become diagnostics and lexing goes on, up to
/// `maximumErrors`. Nested `/* */` comments are counted in a loop, so no
/// input can exhaust the stack.
public struct Lexer {
  /// Stop reporting (and lexing) after this many errors.
  public static let maximumErrors = 20

  /// All tokens of the file, ending with `.endOfFile`, and the lexical diagnostics.
  public static func tokenize(_ file: SourceFile) -> (tokens: [Token], diagnostics: [Diagnostic]) {
    var lexer = Lexer(bytes: file.bytes)
    if let bad = firstInvalidUTF8Offset(file.bytes) {
      let diagnostic = Diagnostic(code: .invalidInput, message: "the file is not valid UTF-8 text",
                                  range: SourceRange(start: bad, end: bad + 1))
      return ([Token(kind: .endOfFile, range: .point(file.bytes.count))], [diagnostic])
    }
    lexer.run()
    return (lexer.tokens, lexer.diagnostics)
  }

  private let bytes: [UInt8]
  private var position = 0
  private var tokens: [Token] = []
  private var diagnostics: [Diagnostic] = []

  private init(bytes: [UInt8]) {
    self.bytes = bytes
    tokens.reserveCapacity(bytes.count / 4)
  }

  private func peek(_ offset: Int = 0) -> UInt8? {
    let index = position + offset
    return index < bytes.count ? bytes[index] : nil
  }

  private mutating func run() {
    while diagnostics.count < Self.maximumErrors {
      skipBlanksAndComments()
      guard let byte = peek() else { break }
      let start = position
      if Self.isIdentifierStart(byte) {
        while let next = peek(), Self.isIdentifierStart(next) || Self.isDigit(next) { position += 1 }
        let kind: TokenKind = Self.keyword(bytes[start..<position]).map { .keyword($0) } ?? .identifier
        tokens.append(Token(kind: kind, range: SourceRange(start: start, end: position)))
      } else if Self.isDigit(byte) {
        while let next = peek(), Self.isDigit(next) { position += 1 }
        tokens.append(Token(kind: .number, range: SourceRange(start: start, end: position)))
      } else if let punctuator = matchPunctuator() {
        position += punctuator.rawValue.utf8.count
        tokens.append(Token(kind: .punctuator(punctuator), range: SourceRange(start: start, end: position)))
      } else {
        // One diagnostic for a whole run of bytes that cannot start a token.
        while let next = peek(), !Self.canStartToken(next) { position += 1 }
        if position == start { position += 1 }
        let shown = byte < 0x80 && byte >= 0x20 ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x" + String(byte, radix: 16)
        diagnostics.append(Diagnostic(code: .illegalCharacter, message: "unexpected character \(shown)",
                                      range: SourceRange(start: start, end: position)))
      }
    }
    tokens.append(Token(kind: .endOfFile, range: .point(min(position, bytes.count))))
  }

  /// The longest punctuator at the current position (candidates are tried longest first).
  private func matchPunctuator() -> Punctuator? {
    guard let first = peek() else { return nil }
    for punctuator in Self.punctuatorsByFirstByte[Int(first)] {
      let spelling = punctuator.rawValue.utf8
      var matches = true
      var offset = 1
      for expected in spelling.dropFirst() {
        if peek(offset) != expected {
          matches = false
          break
        }
        offset += 1
      }
      if matches { return punctuator }
    }
    return nil
  }

  /// For each byte, the punctuators starting with it, longest first.
  private static let punctuatorsByFirstByte: [[Punctuator]] = {
    var table = Array(repeating: [Punctuator](), count: 256)
    for punctuator in Punctuator.allCases {
      table[Int(punctuator.rawValue.utf8.first!)].append(punctuator)
    }
    return table.map { $0.sorted { $0.rawValue.utf8.count > $1.rawValue.utf8.count } }
  }()

  private mutating func skipBlanksAndComments() {
    while let byte = peek() {
      if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C {
        position += 1
      } else if byte == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "/") {
        while let next = peek(), next != 0x0A { position += 1 }
      } else if byte == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "*") {
        skipBlockComment()
      } else {
        return
      }
    }
  }

  private mutating func skipBlockComment() {
    let start = position
    var depth = 0
    while position < bytes.count {
      if peek() == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "*") {
        depth += 1
        position += 2
      } else if peek() == UInt8(ascii: "*"), peek(1) == UInt8(ascii: "/") {
        depth -= 1
        position += 2
        if depth == 0 { return }
      } else {
        position += 1
      }
    }
    diagnostics.append(Diagnostic(code: .unterminatedComment, message: "this comment is never closed",
                                  range: SourceRange(start: start, end: start + 2),
                                  notes: [Diagnostic.Note("comments nest: each '/*' needs its own '*/'")]))
  }

  /// Keywords by spelling; only words of keyword length are looked up.
  private static let keywords = Dictionary(uniqueKeysWithValues: Keyword.allCases.map { (Array($0.rawValue.utf8), $0) })
  private static let keywordLengths = Keyword.allCases.map(\.rawValue.utf8.count)
  private static let shortestKeyword = keywordLengths.min()!
  private static let longestKeyword = keywordLengths.max()!

  private static func keyword(_ word: ArraySlice<UInt8>) -> Keyword? {
    guard word.count >= shortestKeyword, word.count <= longestKeyword else { return nil }
    return keywords[Array(word)]
  }

  private static func isIdentifierStart(_ byte: UInt8) -> Bool {
    (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || byte == 0x5F
  }

  private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

  private static func canStartToken(_ byte: UInt8) -> Bool {
    isIdentifierStart(byte) || isDigit(byte) || !punctuatorsByFirstByte[Int(byte)].isEmpty
      || byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }

  /// The offset of the first byte that is not part of well-formed UTF-8, or `nil`.
  static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    var offset = 0
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar): offset += UTF8.width(scalar)
      case .emptyInput: return nil
      case .error: return offset
      }
    }
  }
}
