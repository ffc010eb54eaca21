import Testing
@testable import HopDriver
@Test func HopDriverModuleLoads() { #expect(Bool(true)) }
