#ifndef TIMELINE_CSQLITE_SHIM_H
#define TIMELINE_CSQLITE_SHIM_H

#include <sqlite3.h>

// SQLITE_TRANSIENT and SQLITE_STATIC are macros over function-pointer casts that Swift cannot import.
static inline sqlite3_destructor_type csqlite_transient(void) { return SQLITE_TRANSIENT; }
static inline sqlite3_destructor_type csqlite_static(void) { return SQLITE_STATIC; }

// sqlite3_config is variadic, which Swift cannot call. Memory statistics cost a mutex around
// every allocation; nothing here reads them. Must run before the library is initialised.
static inline int csqlite_disable_memory_statistics(void) { return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); }

// Hands SQLite its allocator (see SmallBlockAllocator); also before initialisation.
static inline int csqlite_use_memory_methods(const sqlite3_mem_methods *methods) { return sqlite3_config(SQLITE_CONFIG_MALLOC, methods); }

#endif
