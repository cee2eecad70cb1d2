/*
 * CXLSXWriter: libxlsxwriter (Debian libxlsxwriter-dev), which writes Excel .xlsx workbooks with
 * number formats, frozen panes and native charts. Used by ROPGWorkbook only.
 */
#ifndef ROPG_CXLSXWRITER_SHIM_H
#define ROPG_CXLSXWRITER_SHIM_H
#include <xlsxwriter.h>
#endif
