import Testing
@testable import HopSMTLib
@Test func HopSMTLibModuleLoads() { #expect(Bool(true)) }
