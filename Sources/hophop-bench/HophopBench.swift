import ArgumentParser

/// `hophop-bench`: performance measurements (release builds), never run as unit tests.
@main
struct HophopBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "hophop-bench",
    abstract: "Benchmarks of hophop's engines.",
    subcommands: [SLCompBenchmark.self, ContractsBenchmark.self, AsyncBenchmark.self, CheckBenchmark.self,
                  FlatSepBenchmark.self, ParseBenchmark.self, StartupBenchmark.self, RunBenchmark.self, CounterexampleBenchmark.self,
                  InferBenchmark.self, ScalingBenchmark.self])
}
