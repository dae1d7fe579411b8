// GELU kernels (in progress).
