// Z3's C API, as hophop sees it: the declarations are Z3's own (<z3.h>, from
// Debian's libz3-dev); the definitions hophop links against are the
// forwarders in Z3OnDemand.c, which load libz3 the first time one is called.
#ifndef HOPHOP_CZ3_H
#define HOPHOP_CZ3_H
#include <z3.h>

// Loads libz3 if it is not loaded yet (once per process; thread-safe).
// Returns NULL when it is loaded, else the reason it cannot be ("what:
// detail"), which stays valid for the life of the process. Nothing is printed
// and the process goes on: the caller reports the failure (decision 63). Call
// it before any Z3 function.
const char *hophop_z3_load(void);

// The reason loading libz3 failed, if it was tried and failed; NULL if it was
// not tried yet or succeeded. Never loads.
const char *hophop_z3_failure(void);
#endif
