// glibc's malloc tuning (mallopt), which the Glibc module does not bring into Swift. Used by
// ROPGStorage to have large temporary chunks given back to the system as soon as they are freed
// (see WorkspaceReader+Parts.swift).
#ifndef ROPG_CMALLOC_SHIM_H
#define ROPG_CMALLOC_SHIM_H
#if defined(__GLIBC__) || defined(__linux__)
#include <malloc.h>
#endif
#endif
