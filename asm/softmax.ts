// softmax kernels (in progress).
