#ifndef KTLO_CLIBGIT2_SHIM_H
#define KTLO_CLIBGIT2_SHIM_H

#include <git2.h>

/*
 * git_libgit2_opts() is variadic, and Swift cannot call variadic C functions.
 * These typed wrappers expose the few global options ktlo sets.
 */

static inline int ktlo_git_set_strict_hash_verification(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, enabled);
}

static inline int ktlo_git_set_cache_max_size(ssize_t bytes) {
    return git_libgit2_opts(GIT_OPT_SET_CACHE_MAX_SIZE, bytes);
}

static inline int ktlo_git_set_mwindow_mapped_limit(size_t bytes) {
    return git_libgit2_opts(GIT_OPT_SET_MWINDOW_MAPPED_LIMIT, bytes);
}

static inline int ktlo_git_set_mwindow_size(size_t bytes) {
    return git_libgit2_opts(GIT_OPT_SET_MWINDOW_SIZE, bytes);
}

#endif
