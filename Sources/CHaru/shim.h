#ifndef RELANCE_CHARU_SHIM_H
#define RELANCE_CHARU_SHIM_H
// libharu from Debian's libhpdf-dev; Debian ships no pkg-config file for it, so the module
// map links `hpdf` by name.
#include <hpdf.h>
#endif
