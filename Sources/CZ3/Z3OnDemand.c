// Z3 on demand: hophop's definitions of the Z3 functions it calls, each
// forwarding to libz3, which is opened (dlopen) the first time any of them runs.
//
// Why: linking libz3 (23 MB to map, relocate and initialise) slowed every
// start of hophop, although most runs never need Z3 (the prover's union-find
// decides the equality fragment alone). Decision 26 in docs/decisions.md has
// the measurements.
//
// The declarations come from <z3.h>, so the compiler checks every forwarder
// against Z3's own prototype. A Z3 function hophop starts to use must be added
// to Z3_FUNCTIONS below, or the link fails with "undefined reference".
//
// When the executable exports these symbols (the static build of
// Benchmarks/sl-comp.sh does), libz3's calls to its own API may land here;
// they go straight back to libz3's definitions, which dlsym finds on its
// handle. Nothing in libz3's initialisation calls its API, so the first call
// cannot re-enter the loading below (tested: the async examples, which need
// Z3, run in that build).
//
// Where libz3 is looked for: $HOPHOP_Z3_LIBRARY if set (and only there),
// else libz3.so.4, then libz3.so, by the dynamic linker's usual search. If it
// cannot be loaded, nothing here prints or exits: hophop_z3_load() returns the
// reason, the Swift side (Sources/HopSMT, SMTContext.init) turns it into a
// typed error, and the driver renders it (a diagnostic and exit status 2: there
// is no sound answer to give without Z3). The forwarders are called only after
// hophop_z3_load() succeeded; one called without libz3 is a bug in hophop.
#include "CZ3.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

// F(return type, name, parameters, arguments) for a function with a result,
// V(name, parameters, arguments) for one without.
#define Z3_FUNCTIONS(F, V) \
  V(Z3_ast_vector_dec_ref, (Z3_context c, Z3_ast_vector v), (c, v)) \
  F(Z3_ast, Z3_ast_vector_get, (Z3_context c, Z3_ast_vector v, unsigned i), (c, v, i)) \
  V(Z3_ast_vector_inc_ref, (Z3_context c, Z3_ast_vector v), (c, v)) \
  F(unsigned, Z3_ast_vector_size, (Z3_context c, Z3_ast_vector v), (c, v)) \
  F(Z3_string, Z3_benchmark_to_smtlib_string, (Z3_context c, Z3_string name, Z3_string logic, Z3_string status, Z3_string attributes, unsigned num_assumptions, Z3_ast const assumptions[], Z3_ast formula), (c, name, logic, status, attributes, num_assumptions, assumptions, formula)) \
  V(Z3_del_config, (Z3_config c), (c)) \
  V(Z3_del_context, (Z3_context c), (c)) \
  F(Z3_func_decl, Z3_get_app_decl, (Z3_context c, Z3_app a), (c, a)) \
  F(Z3_ast, Z3_get_app_arg, (Z3_context c, Z3_app a, unsigned i), (c, a, i)) \
  F(unsigned, Z3_get_app_num_args, (Z3_context c, Z3_app a), (c, a)) \
  F(Z3_ast_kind, Z3_get_ast_kind, (Z3_context c, Z3_ast a), (c, a)) \
  F(Z3_lbool, Z3_get_bool_value, (Z3_context c, Z3_ast a), (c, a)) \
  F(Z3_decl_kind, Z3_get_decl_kind, (Z3_context c, Z3_func_decl d), (c, d)) \
  F(Z3_error_code, Z3_get_error_code, (Z3_context c), (c)) \
  F(Z3_string, Z3_get_numeral_string, (Z3_context c, Z3_ast a), (c, a)) \
  F(Z3_ast, Z3_get_quantifier_body, (Z3_context c, Z3_ast a), (c, a)) \
  F(bool, Z3_is_numeral_ast, (Z3_context c, Z3_ast a), (c, a)) \
  F(Z3_ast, Z3_mk_add, (Z3_context c, unsigned num_args, Z3_ast const args[]), (c, num_args, args)) \
  F(Z3_ast, Z3_mk_and, (Z3_context c, unsigned num_args, Z3_ast const args[]), (c, num_args, args)) \
  F(Z3_ast, Z3_mk_app, (Z3_context c, Z3_func_decl d, unsigned num_args, Z3_ast const args[]), (c, d, num_args, args)) \
  F(Z3_sort, Z3_mk_array_sort_n, (Z3_context c, unsigned n, Z3_sort const * domain, Z3_sort range), (c, n, domain, range)) \
  F(Z3_sort, Z3_mk_bool_sort, (Z3_context c), (c)) \
  F(Z3_config, Z3_mk_config, (void), ()) \
  F(Z3_ast, Z3_mk_const, (Z3_context c, Z3_symbol s, Z3_sort ty), (c, s, ty)) \
  F(Z3_context, Z3_mk_context, (Z3_config c), (c)) \
  F(Z3_ast, Z3_mk_div, (Z3_context c, Z3_ast arg1, Z3_ast arg2), (c, arg1, arg2)) \
  F(Z3_ast, Z3_mk_eq, (Z3_context c, Z3_ast l, Z3_ast r), (c, l, r)) \
  F(Z3_ast, Z3_mk_exists_const, (Z3_context c, unsigned weight, unsigned num_bound, Z3_app const bound[], unsigned num_patterns, Z3_pattern const patterns[], Z3_ast body), (c, weight, num_bound, bound, num_patterns, patterns, body)) \
  F(Z3_ast, Z3_mk_false, (Z3_context c), (c)) \
  F(Z3_ast, Z3_mk_forall_const, (Z3_context c, unsigned weight, unsigned num_bound, Z3_app const bound[], unsigned num_patterns, Z3_pattern const patterns[], Z3_ast body), (c, weight, num_bound, bound, num_patterns, patterns, body)) \
  F(Z3_func_decl, Z3_mk_func_decl, (Z3_context c, Z3_symbol s, unsigned domain_size, Z3_sort const domain[], Z3_sort range), (c, s, domain_size, domain, range)) \
  F(Z3_ast, Z3_mk_implies, (Z3_context c, Z3_ast t1, Z3_ast t2), (c, t1, t2)) \
  F(Z3_sort, Z3_mk_int_sort, (Z3_context c), (c)) \
  F(Z3_ast, Z3_mk_ite, (Z3_context c, Z3_ast t1, Z3_ast t2, Z3_ast t3), (c, t1, t2, t3)) \
  F(Z3_ast, Z3_mk_le, (Z3_context c, Z3_ast t1, Z3_ast t2), (c, t1, t2)) \
  F(Z3_ast, Z3_mk_lt, (Z3_context c, Z3_ast t1, Z3_ast t2), (c, t1, t2)) \
  F(Z3_ast, Z3_mk_mod, (Z3_context c, Z3_ast arg1, Z3_ast arg2), (c, arg1, arg2)) \
  F(Z3_ast, Z3_mk_mul, (Z3_context c, unsigned num_args, Z3_ast const args[]), (c, num_args, args)) \
  F(Z3_ast, Z3_mk_not, (Z3_context c, Z3_ast a), (c, a)) \
  F(Z3_ast, Z3_mk_numeral, (Z3_context c, Z3_string numeral, Z3_sort ty), (c, numeral, ty)) \
  F(Z3_ast, Z3_mk_or, (Z3_context c, unsigned num_args, Z3_ast const args[]), (c, num_args, args)) \
  F(Z3_params, Z3_mk_params, (Z3_context c), (c)) \
  F(Z3_ast, Z3_mk_select_n, (Z3_context c, Z3_ast a, unsigned n, Z3_ast const* idxs), (c, a, n, idxs)) \
  F(Z3_solver, Z3_mk_solver, (Z3_context c), (c)) \
  F(Z3_ast, Z3_mk_store_n, (Z3_context c, Z3_ast a, unsigned n, Z3_ast const* idxs, Z3_ast v), (c, a, n, idxs, v)) \
  F(Z3_symbol, Z3_mk_string_symbol, (Z3_context c, Z3_string s), (c, s)) \
  F(Z3_ast, Z3_mk_sub, (Z3_context c, unsigned num_args, Z3_ast const args[]), (c, num_args, args)) \
  F(Z3_ast, Z3_mk_true, (Z3_context c), (c)) \
  F(Z3_ast, Z3_mk_unary_minus, (Z3_context c, Z3_ast arg), (c, arg)) \
  V(Z3_model_dec_ref, (Z3_context c, Z3_model m), (c, m)) \
  F(Z3_bool, Z3_model_eval, (Z3_context c, Z3_model m, Z3_ast t, bool model_completion, Z3_ast * v), (c, m, t, model_completion, v)) \
  V(Z3_model_inc_ref, (Z3_context c, Z3_model m), (c, m)) \
  V(Z3_params_dec_ref, (Z3_context c, Z3_params p), (c, p)) \
  V(Z3_params_inc_ref, (Z3_context c, Z3_params p), (c, p)) \
  V(Z3_params_set_uint, (Z3_context c, Z3_params p, Z3_symbol k, unsigned v), (c, p, k, v)) \
  F(Z3_ast_vector, Z3_parse_smtlib2_string, (Z3_context c, Z3_string str, unsigned num_sorts, Z3_symbol const sort_names[], Z3_sort const sorts[], unsigned num_decls, Z3_symbol const decl_names[], Z3_func_decl const decls[]), (c, str, num_sorts, sort_names, sorts, num_decls, decl_names, decls)) \
  V(Z3_set_error_handler, (Z3_context c, Z3_error_handler h), (c, h)) \
  V(Z3_set_param_value, (Z3_config c, Z3_string param_id, Z3_string param_value), (c, param_id, param_value)) \
  V(Z3_solver_assert, (Z3_context c, Z3_solver s, Z3_ast a), (c, s, a)) \
  F(Z3_lbool, Z3_solver_check, (Z3_context c, Z3_solver s), (c, s)) \
  V(Z3_solver_dec_ref, (Z3_context c, Z3_solver s), (c, s)) \
  F(Z3_model, Z3_solver_get_model, (Z3_context c, Z3_solver s), (c, s)) \
  F(Z3_string, Z3_solver_get_reason_unknown, (Z3_context c, Z3_solver s), (c, s)) \
  V(Z3_solver_inc_ref, (Z3_context c, Z3_solver s), (c, s)) \
  V(Z3_solver_pop, (Z3_context c, Z3_solver s, unsigned n), (c, s, n)) \
  V(Z3_solver_push, (Z3_context c, Z3_solver s), (c, s)) \
  V(Z3_solver_set_params, (Z3_context c, Z3_solver s, Z3_params p), (c, s, p)) \
  F(Z3_app, Z3_to_app, (Z3_context c, Z3_ast a), (c, a))

#define Z3_FIELD(R, name, params, args) __typeof__(&name) name;
#define Z3_VOID_FIELD(name, params, args) __typeof__(&name) name;
static struct {
  Z3_FUNCTIONS(Z3_FIELD, Z3_VOID_FIELD)
} z3;

static pthread_once_t z3_loaded = PTHREAD_ONCE_INIT;

// Why libz3 could not be loaded ("what: detail"); written once, by z3_load,
// before load_failed is set.
static char failure_reason[1024];
static atomic_int load_failed = 0;

static void z3_fail(const char *what, const char *detail) {
  if (atomic_load(&load_failed)) return;  // the first reason is the one reported
  snprintf(failure_reason, sizeof failure_reason, "%s: %s", what, detail ? detail : "unknown reason");
  atomic_store(&load_failed, 1);
}

static void *z3_open(void) {
  const char *chosen = getenv("HOPHOP_Z3_LIBRARY");
  if (chosen && *chosen) {
    void *library = dlopen(chosen, RTLD_NOW | RTLD_LOCAL);
    if (!library) z3_fail("cannot load the Z3 library named by HOPHOP_Z3_LIBRARY", dlerror());
    return library;
  }
  void *library = dlopen("libz3.so.4", RTLD_NOW | RTLD_LOCAL);
  if (!library) library = dlopen("libz3.so", RTLD_NOW | RTLD_LOCAL);
  if (!library) z3_fail("cannot load the Z3 library (libz3.so.4 or libz3.so)", dlerror());
  return library;
}

static void *z3_symbol(void *library, const char *name) {
  void *address = dlsym(library, name);
  if (!address) z3_fail("the Z3 library lacks a function hophop calls", name);
  return address;
}

#define Z3_RESOLVE(R, name, params, args) z3.name = (__typeof__(&name))z3_symbol(library, #name);
#define Z3_VOID_RESOLVE(name, params, args) z3.name = (__typeof__(&name))z3_symbol(library, #name);
static void z3_load(void) {
  void *library = z3_open();
  if (!library) return;
  Z3_FUNCTIONS(Z3_RESOLVE, Z3_VOID_RESOLVE)
}

const char *hophop_z3_load(void) {
  pthread_once(&z3_loaded, z3_load);
  return atomic_load(&load_failed) ? failure_reason : NULL;
}

const char *hophop_z3_failure(void) { return atomic_load(&load_failed) ? failure_reason : NULL; }

// A forwarder called although libz3 is not loaded: hophop skipped
// hophop_z3_load() (a bug, not a missing library), and there is no Z3 to
// forward to. Stop loudly rather than call through a null pointer.
static void z3_unavailable(const char *name) {
  fprintf(stderr, "hophop: internal error: %s called without libz3 (%s)\n", name, failure_reason);
  abort();
}

#define Z3_FORWARD(R, name, params, args) \
  R name params {                         \
    pthread_once(&z3_loaded, z3_load);    \
    if (!z3.name) z3_unavailable(#name);  \
    return z3.name args;                  \
  }
#define Z3_VOID_FORWARD(name, params, args) \
  void name params {                        \
    pthread_once(&z3_loaded, z3_load);      \
    if (!z3.name) z3_unavailable(#name);    \
    z3.name args;                           \
  }
Z3_FUNCTIONS(Z3_FORWARD, Z3_VOID_FORWARD)
