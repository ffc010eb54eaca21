/// Conditions that share one outcome and one way of being described, kept
/// as a rule instead of one entry each: condition 4 settled without a query
/// for a run of siblings (N² such conditions for N async procedures,
/// decision 85). A member's text is made only when it is read.
public protocol ConditionFamily: Sendable {
  /// How many conditions; never zero in a `ConditionList`.
  var count: Int { get }
  /// The outcome of every member.
  var outcome: ProofOutcome { get }
  /// The member at `offset` (0 ..< count), spelled out.
  func condition(at offset: Int) -> ProcedureVerdict.Condition
}

/// The conditions of one verdict, in the order they were recorded: written
/// out one by one, or as families (`ConditionFamily`) that are spelled out
/// only when read one by one (`check --format json`). Its outcome, count and
/// failing members are found without spelling out a family, so the text
/// report of N async procedures costs O(N), not O(N²) (decision 85).
public struct ConditionList: Collection, Hashable, Sendable {
  public typealias Condition = ProcedureVerdict.Condition

  /// A part of the list: conditions written out, or a family.
  public enum Piece: Sendable {
    case written([Condition])
    case family(any ConditionFamily)

    var count: Int {
      switch self {
      case .written(let conditions): conditions.count
      case .family(let family): family.count
      }
    }
  }

  /// The parts, none of them empty.
  public let pieces: [Piece]

  public init(pieces: [Piece]) {
    self.pieces = pieces.filter { $0.count > 0 }
  }

  public init(_ conditions: [Condition]) {
    self.init(pieces: [.written(conditions)])
  }

  /// The worst outcome of its conditions; nil when there are none.
  public var worstOutcome: ProofOutcome? {
    pieces.compactMap { piece -> ProofOutcome? in
      switch piece {
      case .written(let conditions): conditions.map(\.outcome).max()
      case .family(let family): family.outcome
      }
    }.max()
  }

  /// The conditions that are not valid, in order (a valid family is skipped whole).
  public var failing: [Condition] {
    pieces.flatMap { piece -> [Condition] in
      switch piece {
      case .written(let conditions): conditions.filter { $0.outcome != .valid }
      case .family(let family):
        family.outcome == .valid ? [] : (0..<family.count).map(family.condition(at:))
      }
    }
  }

  // MARK: Collection

  /// A condition's place: its piece and its offset in the piece.
  public struct Index: Comparable, Hashable, Sendable {
    let piece: Int
    let offset: Int

    public static func < (a: Index, b: Index) -> Bool { (a.piece, a.offset) < (b.piece, b.offset) }
  }

  public var startIndex: Index { Index(piece: 0, offset: 0) }
  public var endIndex: Index { Index(piece: pieces.count, offset: 0) }

  public func index(after i: Index) -> Index {
    i.offset + 1 < pieces[i.piece].count ? Index(piece: i.piece, offset: i.offset + 1) : Index(piece: i.piece + 1, offset: 0)
  }

  public subscript(position: Index) -> Condition {
    switch pieces[position.piece] {
    case .written(let conditions): conditions[position.offset]
    case .family(let family): family.condition(at: position.offset)
    }
  }

  public var count: Int { pieces.reduce(0) { $0 + $1.count } }
  public var isEmpty: Bool { pieces.isEmpty }

  // MARK: Hashable: the conditions, one by one

  public static func == (a: ConditionList, b: ConditionList) -> Bool {
    a.count == b.count && a.elementsEqual(b)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(count)
    for condition in self { hasher.combine(condition) }
  }
}
