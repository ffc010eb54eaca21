/// One lexical token: its kind and where it is. Identifier and number text
/// is read back from the `SourceFile` through the range, so tokens stay small.
public struct Token: Hashable, Sendable {
  public var kind: TokenKind
  public var range: SourceRange
  public init(kind: TokenKind, range: SourceRange) {
    self.kind = kind
    self.range = range
  }
}

/// What a token is.
public enum TokenKind: Hashable, Sendable {
  case identifier
  case number
  case keyword(Keyword)
  case punctuator(Punctuator)
  case endOfFile

  /// Every keyword and punctuator spelling the lexer knows (the grammar test checks them against grammar/hop.ebnf).
  public static var allSpellings: [String] {
    Keyword.allCases.map(\.rawValue) + Punctuator.allCases.map(\.rawValue)
  }
}

/// The reserved words of Smallfoot 0.1. The extensions' words are contextual
/// (docs/language.md §1.1): they are identifiers to the lexer.
public enum Keyword: String, Hashable, Sendable, CaseIterable {
  case null = "NULL"
  case dispose, dlseg
  case `else`
  case emp
  case `false`
  case `if`
  case list, lseg, local, new, resource, then, tree
  case `true`
  case when
  case `while`
  case with, xlseg
}

/// Operators and punctuation, longest spelling first where one is a prefix of another.
public enum Punctuator: String, Hashable, Sendable, CaseIterable {
  case pointsTo = "|->"
  case implies = "==>"
  case arrow = "->"
  case equalEqual = "=="
  case bangEqual = "!="
  case lessEqual = "<="
  case greaterEqual = ">="
  case ampAmp = "&&"
  case barBar = "||"
  case comma = ","
  case leftBrace = "{"
  case rightBrace = "}"
  case leftBracket = "["
  case rightBracket = "]"
  case leftParen = "("
  case rightParen = ")"
  case semicolon = ";"
  case colon = ":"
  case equal = "="
  case less = "<"
  case greater = ">"
  case plus = "+"
  case minus = "-"
  case slash = "/"
  case percent = "%"
  case star = "*"
  case caret = "^"
  case bang = "!"
  case question = "?"
  case tilde = "~"
  case dot = "."

  /// The infix operator this punctuator spells, if any.
  var binaryOperator: BinaryOperator? {
    switch self {
    case .implies: .implies
    case .barBar: .or
    case .ampAmp: .and
    case .equalEqual: .equal
    case .bangEqual: .notEqual
    case .less: .less
    case .lessEqual: .lessEqual
    case .greater: .greater
    case .greaterEqual: .greaterEqual
    case .plus: .plus
    case .minus: .minus
    case .star: .times
    case .slash: .divide
    case .percent: .modulo
    case .caret: .xor
    default: nil
    }
  }
}
