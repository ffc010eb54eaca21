import HopLogic

/// Folds xor-linked chains into `xlseg(l; l; a, b, c, d)` (a: first cell,
/// b: the cell after the last, c: the cell before the first, d: the last
/// cell; each cell's one link `l` holds next ^ previous): a cell or segment
/// followed, through an address no program variable holds, by a cell or
/// segment whose previous cell is the first one's last cell. Without it, a
/// walk along an xor-linked list (Smallfoot's xlseg.sf) adds a cell per
/// iteration and inference never ends.
///
/// A cell `a |-> l: L` is read against its neighbour `s`: when `L ^ s`
/// (xor-normalised) no longer mentions `s`, `L` is `s ^ c` and the cell is one
/// step `a |-> l: s ^ c` of the definition, with `c` its other neighbour.
/// An xlseg reads the same backwards (`xlseg(d, c, b, a)`), so both readings
/// are tried. As in `DoublyLinkedFolding`, each fold is a weakening: the
/// addresses that become inner cells are existentials nothing else mentions,
/// and the new segment's ends lie outside it (NULL or allocated by another atom).
struct XorLinkedFolding {
  /// A segment read in one direction: first cell, the cell after the last, the cell before the first, last cell.
  private struct Reading {
    var first, after, before, last: Term
    var isCell: Bool
    /// An xlseg read from its last cell to its first.
    var isBackwards = false
  }

  /// The heap with one xor-linked fold made, or nil when none applies.
  func foldOnce(_ heap: SymbolicHeap, isOutside: (Term, [SpatialAtom]) -> Bool) -> SymbolicHeap? {
    let atoms = heap.spatial
    let uses = Self.uses(in: atoms)
    for (i, first) in atoms.enumerated() {
      for (j, second) in atoms.enumerated() where j != i {
        guard let field = linkField(first), linkField(second) == field else { continue }
        for start in starts(second) {
          for left in readings(first, field: field, next: start) {
            guard let right = reading(second, field: field, first: start, before: left.last),
                  let middle = SegmentJoin.existential(left.after),
                  let inner = SegmentJoin.innerCells(middle: middle, rightIsCell: right.isCell, leftLast: left.last,
                                                     leftIsCell: left.isCell, uses: uses) else { continue }
            let rest = SegmentJoin.rest(atoms, without: i, j)
            guard right.after.isAtomic, left.before.isAtomic, isOutside(right.after, rest),
                  left.before.constantValue == BigInteger(0) || isOutside(left.before, rest) else { continue }
            // Written the way a segment it extends was written (a reader matches xlseg(f, ..) from f).
            let forwards = [left.first, right.after, left.before, right.last]
            let ends = (left.isBackwards || right.isBackwards ? forwards.reversed() : forwards)
              .map { $0.constantValue == BigInteger(0) ? Term.null : $0 }
            return SegmentJoin.joined(heap, rest: rest, folded: .predicate(.xlseg, fields: [field, field], arguments: ends),
                                      inner: inner)
          }
        }
      }
    }
    return nil
  }

  /// The one link field of an xlseg, or of a cell that has an `l` field (its other fields are data).
  private func linkField(_ atom: SpatialAtom) -> String? {
    switch atom {
    case .pointsTo(_, let values): values["l"] == nil ? nil : "l"
    case .predicate(.xlseg, let fields, let arguments) where arguments.count == 4 && fields.count == 2: fields[0]
    default: nil
    }
  }

  /// Where `atom` may begin: a cell's address; an xlseg's first or (read backwards) last cell.
  private func starts(_ atom: SpatialAtom) -> [Term] {
    switch atom {
    case .pointsTo(let address, _): [address]
    case .predicate(.xlseg, _, let a): [a[0], a[3]]
    default: []
    }
  }

  /// `atom` read as a segment followed by `next`: an xlseg forwards or backwards, or a cell whose
  /// link is `next ^ c` (then `c` is the cell before it).
  private func readings(_ atom: SpatialAtom, field: String, next: Term) -> [Reading] {
    switch atom {
    case .predicate(.xlseg, _, let a):
      return [Reading(first: a[0], after: a[1], before: a[2], last: a[3], isCell: false),
              Reading(first: a[3], after: a[2], before: a[1], last: a[0], isCell: false, isBackwards: true)].filter { $0.after == next }
    case .pointsTo(let address, let values):
      guard let link = values[field], let previous = Self.other(link, than: next) else { return [] }
      return [Reading(first: address, after: next, before: previous, last: address, isCell: true)]
    default:
      return []
    }
  }

  /// `atom` read as a segment that begins at `first` and whose cell before is `before`: an xlseg
  /// forwards or backwards, or a cell at `first` whose link is `before ^ s` (then `s` is the cell after).
  private func reading(_ atom: SpatialAtom, field: String, first: Term, before: Term) -> Reading? {
    switch atom {
    case .predicate(.xlseg, _, let a):
      return [Reading(first: a[0], after: a[1], before: a[2], last: a[3], isCell: false),
              Reading(first: a[3], after: a[2], before: a[1], last: a[0], isCell: false, isBackwards: true)]
        .first { $0.first == first && $0.before == before }
    case .pointsTo(let address, let values):
      guard address == first, let link = values[field], let after = Self.other(link, than: before) else { return nil }
      return Reading(first: address, after: after, before: before, last: address, isCell: true)
    default:
      return nil
    }
  }

  /// `link ^ neighbour`, when `link` is `neighbour ^ other` (the result no longer mentions the neighbour).
  static func other(_ link: Term, than neighbour: Term) -> Term? {
    guard neighbour.isAtomic else { return nil }
    let rest = Term.binary(.xor, link, neighbour).xorNormalised
    return rest.variables.isDisjoint(with: neighbour.variables) ? rest : nil
  }

  /// How often each existential occurs in the atoms: once per occurrence as an address, an argument, a
  /// field or an operand of an xor; twice per occurrence in any other compound term (never folded away).
  static func uses(in atoms: [SpatialAtom]) -> [Variable: Int] {
    var uses: [Variable: Int] = [:]
    func count(_ term: Term) {
      switch term {
      case .variable(let v): if v.isExistential { uses[v, default: 0] += 1 }
      case .null, .integer: break
      case .binary(.xor, let left, let right):
        count(left)
        count(right)
      default:
        for v in term.variables where v.isExistential { uses[v, default: 0] += 2 }
      }
    }
    for atom in atoms { atom.forEachTerm(count) }
    return uses
  }
}
