import HopInference
import HopLogic
import HopProver
import HopTestSupport

/// What every folding test asks of `ShapeFolding`: the folded heap as sorted
/// text, and whether folding was a weakening the prover confirms (the
/// original entails the folded heap: folding never describes fewer heaps).
struct FoldingChecks {
  let prover = Prover()

  func folded(_ formula: String) -> String {
    let result = ShapeFolding().fold(heap(formula))
    return (result.spatial.map(\.description).sorted() + result.pure.map(\.description).sorted()).joined(separator: " * ")
  }

  func isWeakening(_ formula: String) -> Bool {
    let original = heap(formula)
    return prover.entails(original, ShapeFolding().fold(original).closed).isProved
  }
}
