import ArgumentParser
import HopContracts
import HopRuntime
import HopSyntax

/// `hophop-bench contracts`: lint time of random contracts of growing size.
///
/// Contracts are generated from a seed (same seed, same contracts): `n`
/// states, `edges` outgoing edges per state over 8 messages, one direction
/// per state (with a few mixed and duplicated edges so every check has work),
/// a spine `i → i+1` so most states are reachable, and about 10% final states.
/// Graph properties (determinism, uniform choice, synchronizing final states,
/// leak-freedom, every lint check) are timed together and should grow
/// linearly; product exploration of C ‖ ~C is timed separately with its
/// configuration count, since it is bounded rather than linear.
struct ContractsBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "contracts", abstract: "Lint time of random contracts of 10 to 10,000 states.")

  @Option(help: "Seed of the random contracts.") var seed: UInt64 = 42
  @Option(help: "Outgoing edges per state.") var edges = 4
  @Option(help: "Contract sizes (states).") var sizes: [Int] = [10, 100, 1_000, 10_000]
  @Option(help: "Timed repetitions per size (the fastest is reported).") var repetitions = 5
  @Option(help: "Configuration bound of the product exploration.") var maxConfigurations = 100_000

  func run() throws {
    print("size    edges   graph properties (ms)   product (ms)   configurations   exploration")
    for size in sizes {
      var generator = SeededRandom(seed: seed &+ UInt64(size))
      let contract = Self.randomContract(states: size, edgesPerState: edges, using: &generator)
      var graphBest = Duration.seconds(1_000_000)
      var productBest = Duration.seconds(1_000_000)
      var exploration: ProductExploration?
      for _ in 0..<max(1, repetitions) {
        graphBest = min(graphBest, ContinuousClock().measure { Self.graphProperties(contract) })
        productBest = min(productBest, ContinuousClock().measure {
          exploration = contract.exploreProduct(bounds: ExplorationBounds(maxConfigurations: maxConfigurations))
        })
      }
      let columns = [pad(size, 8), pad(contract.edges.count, 8), pad(milliseconds(graphBest), 24),
                     pad(milliseconds(productBest), 15), pad(exploration?.configurationCount ?? 0, 17),
                     exploration.map(Self.outcome) ?? ""]
      print(columns.joined())
    }
  }

  /// How an exploration ended.
  static func outcome(_ exploration: ProductExploration) -> String {
    if exploration.isComplete { return "complete" }
    if exploration.bothDirectionsPending != nil, exploration.deadlock != nil { return "stopped: both witnesses found" }
    return "bound hit"
  }

  /// Everything `lint` computes without the product.
  static func graphProperties(_ contract: ContractAutomaton) {
    var sink = 0
    if contract.nondeterminismWitness() != nil { sink += 1 }
    if contract.mixedChoiceWitness() != nil { sink += 1 }
    sink += contract.nonSynchronizingFinalStates().count
    if contract.leakFreedomFailure() != nil { sink += 1 }
    for check in ContractCheck.allCases { sink += check.run(on: contract, declaredMessages: ["m0"]).count }
    precondition(sink >= 0)
  }

  static func randomContract(states: Int, edgesPerState: Int, using generator: inout SeededRandom) -> ContractAutomaton {
    let messages = 8
    var edges: [ContractAutomaton.Edge] = []
    edges.reserveCapacity(states * edgesPerState)
    for source in 0..<states {
      let direction: Direction = generator.next() % 2 == 0 ? .send : .receive
      for k in 0..<edgesPerState {
        let target = k == 0 ? (source + 1) % states : Int(generator.next() % UInt64(states))
        // About 1 edge in 50 goes the other way, so uniform choice fails somewhere.
        let flipped = generator.next() % 50 == 0
        edges.append(ContractAutomaton.Edge(
          source: source, direction: flipped ? direction.dual : direction, message: Int(generator.next() % UInt64(messages)),
          target: target))
      }
    }
    return ContractAutomaton(
      name: "R\(states)", stateNames: (0..<states).map { "s\($0)" }, messageNames: (0..<messages).map { "m\($0)" },
      initialState: 0, isFinal: (0..<states).map { _ in generator.next() % 10 == 0 }, edges: edges)
  }

  /// `d` as milliseconds with three decimals.
  private func milliseconds(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    let micro = Int(seconds) * 1_000_000 + Int(attoseconds / 1_000_000_000_000)
    let fraction = String(micro % 1_000)
    return "\(micro / 1_000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
  }

  private func pad(_ value: Int, _ width: Int) -> String { pad(String(value), width) }
  private func pad(_ text: String, _ width: Int) -> String {
    text + String(repeating: " ", count: max(1, width - text.count))
  }
}
