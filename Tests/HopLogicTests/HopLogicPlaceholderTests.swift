import Testing
@testable import HopLogic
@Test func HopLogicModuleLoads() { #expect(Bool(true)) }
