// Z3's C API, as hophop sees it: the declarations are Z3's own (<z3.h>, from
// Debian's libz3-dev); the definitions hophop links against are the
// forwarders in Z3OnDemand.c, which load libz3 the first time one is called.
#ifndef HOPHOP_CZ3_H
#define HOPHOP_CZ3_H
#include <z3.h>
#endif
