// swift-tools-version:6.0
// hophop: a proof checker for heap-manipulating, message-passing programs.
// The targets follow ../shared/DESIGN.md; each depends only on targets above it.
import PackageDescription

let package = Package(
  name: "hophop",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "hophop", targets: ["hophop"]),
    .executable(name: "hophop-bench", targets: ["hophop-bench"]),
    .library(name: "HopDriver", targets: ["HopDriver"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
  ],
  targets: [
    // MARK: System libraries (Debian's libz3-dev and libgmp-dev).
    // Z3 is declared by its own header and opened on first use (Sources/CZ3/Z3OnDemand.c, decision 26).
    .target(name: "CZ3"),
    .systemLibrary(name: "CGMP", pkgConfig: "gmp", providers: [.apt(["libgmp-dev"])]),

    // MARK: Stages. Each target depends only on targets listed above it.
    .target(name: "HopSyntax"),
    .target(name: "HopLogic", dependencies: ["HopSyntax", "CGMP"]),
    // The SMT binding beneath both checkers: `SMTContext`/`SMTTerm` over CZ3 (decision 63).
    .target(name: "HopSMT", dependencies: ["CZ3"]),
    .target(
      name: "HopProver",
      dependencies: ["HopLogic", "HopSMT", "CGMP", .product(name: "Collections", package: "swift-collections")]),
    // Loop invariants inferred by shape analysis: abstraction and join of symbolic heaps (issue 26).
    .target(name: "HopInference", dependencies: ["HopLogic", "HopProver"]),
    .target(name: "HopContracts", dependencies: ["HopSyntax"]),
    .target(name: "HopChecker", dependencies: ["HopLogic", "HopProver", "HopInference", "HopContracts"]),
    .target(
      name: "HopAsync",
      dependencies: ["HopLogic", "HopSMT", .product(name: "Collections", package: "swift-collections")]),
    .target(name: "HopSMTLib", dependencies: ["HopProver"]),
    .target(name: "HopRuntime", dependencies: ["HopSyntax", "HopLogic", "HopContracts"]),
    .target(
      name: "HopDriver", dependencies: ["HopSMT", "HopChecker", "HopAsync", "HopContracts", "HopSMTLib", "HopRuntime"],
      plugins: ["DiagnosticPagesPlugin"]),
    .executableTarget(
      name: "hophop",
      dependencies: ["HopDriver", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
    .executableTarget(
      name: "hophop-bench",
      dependencies: ["HopDriver", "HopChecker", "HopContracts", "HopSyntax", "HopLogic", "HopProver", "HopSMTLib", "HopRuntime", .product(name: "ArgumentParser", package: "swift-argument-parser")]),

    // MARK: The pages of `hophop explain`, built from docs/diagnostics into HopDriver (decision 62).
    .executableTarget(name: "DiagnosticPagesGenerator"),
    .plugin(name: "DiagnosticPagesPlugin", capability: .buildTool(), dependencies: ["DiagnosticPagesGenerator"]),

    // MARK: Tests mirror the targets.
    .target(name: "HopTestSupport", dependencies: ["HopSyntax", "HopLogic", "HopRuntime"], path: "Tests/HopTestSupport"),
    .testTarget(name: "HopSyntaxTests", dependencies: ["HopSyntax", "HopTestSupport"], exclude: ["Corpus"]),
    .testTarget(name: "HopLogicTests", dependencies: ["HopLogic", "HopTestSupport"]),
    .testTarget(name: "HopSMTTests", dependencies: ["HopSMT"]),
    .testTarget(name: "HopProverTests", dependencies: ["HopProver", "HopTestSupport"]),
    .testTarget(name: "HopInferenceTests", dependencies: ["HopInference", "HopProver", "HopLogic", "HopTestSupport"]),
    .testTarget(name: "HopContractsTests", dependencies: ["HopContracts", "HopTestSupport"]),
    .testTarget(name: "HopSMTLibTests", dependencies: ["HopSMTLib", "HopTestSupport"]),
    .testTarget(name: "HopDriverTests", dependencies: ["HopDriver", "HopTestSupport"]),
    .testTarget(name: "HopCheckerTests", dependencies: ["HopChecker", "HopSyntax", "HopTestSupport"]),
    .testTarget(name: "HopAsyncTests", dependencies: ["HopAsync", "HopSyntax", "HopTestSupport"]),
    .testTarget(
      name: "HopRuntimeTests",
      dependencies: ["HopRuntime", "HopChecker", "HopAsync", "HopProver", "HopLogic", "HopDriver", "HopSyntax", "HopTestSupport"]),
    .testTarget(name: "ExamplesTests", dependencies: ["HopDriver", "HopAsync", "HopSMT", "HopTestSupport"]),
  ]
)
