import Testing
@testable import HopContracts
@Test func HopContractsModuleLoads() { #expect(Bool(true)) }
