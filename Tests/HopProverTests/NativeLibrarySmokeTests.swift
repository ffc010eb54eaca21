import CGMP
import CZ3
import Foundation
import Testing

/// Proves that the system libraries load and answer (Z3 through hophop's
/// on-demand forwarders), so a broken image fails here first.
@Suite struct NativeLibrarySmokeTests {
  @Test func z3FindsStrictIntegerIntervalEmpty() {
    let config = Z3_mk_config()
    let context = Z3_mk_context(config)
    Z3_del_config(config)
    defer { Z3_del_context(context) }
    let intSort = Z3_mk_int_sort(context)
    let x = Z3_mk_const(context, Z3_mk_string_symbol(context, "x"), intSort)
    let zero = Z3_mk_numeral(context, "0", intSort)
    let one = Z3_mk_numeral(context, "1", intSort)
    let solver = Z3_mk_solver(context)
    Z3_solver_inc_ref(context, solver)
    defer { Z3_solver_dec_ref(context, solver) }
    Z3_solver_assert(context, solver, Z3_mk_lt(context, zero, x))
    Z3_solver_push(context, solver)
    Z3_solver_assert(context, solver, Z3_mk_lt(context, x, one))
    #expect(Z3_solver_check(context, solver) == Z3_L_FALSE)
    // And the same solver finds a model once the upper bound is dropped.
    Z3_solver_pop(context, solver, 1)
    #expect(Z3_solver_check(context, solver) == Z3_L_TRUE)
  }

  @Test func gmpMultipliesThirtyDigitNumbersExactly() {
    var a = __mpz_struct()
    var b = __mpz_struct()
    var product = __mpz_struct()
    __gmpz_init(&a)
    __gmpz_init(&b)
    __gmpz_init(&product)
    defer {
      __gmpz_clear(&a)
      __gmpz_clear(&b)
      __gmpz_clear(&product)
    }
    #expect(__gmpz_set_str(&a, "123456789012345678901234567890", 10) == 0)
    #expect(__gmpz_set_str(&b, "987654321098765432109876543210", 10) == 0)
    __gmpz_mul(&product, &a, &b)
    let digits = __gmpz_get_str(nil, 10, &product)!
    defer { free(digits) }
    #expect(String(cString: digits) == "121932631137021795226185032733622923332237463801111263526900")
  }
}
