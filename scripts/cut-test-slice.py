#!/usr/bin/env python3
"""Cuts the Fashion-MNIST slice shipped with the tests (src/test/resources/fashion-mnist-slice/).

  scripts/fetch-data.sh && scripts/cut-test-slice.py [DATA_DIR] [OUT_DIR]

Keeps, from Fashion-MNIST's train files, the first PER_CLASS[c] examples of each class c in file
order (what IdxReader.read(images, labels, maxPerClass) keeps), in file order, and writes them as
gzipped IDX files with a zero gzip timestamp so that the same input gives the same bytes. Also
writes indices.txt: the 0-based train-file index of each kept example, one per line.
"""
import gzip
import struct
import sys

# Classes 0 'T-shirt/top' and 1 'Trouser' form a pair the paper searches on; class 9 'Ankle boot'
# makes (0, 9), a held-out pair, and (1, 9), another searchable one.
PER_CLASS = {0: 200, 1: 200, 9: 100}


def read_idx(path, magic):
    with gzip.open(path, "rb") as f:
        data = f.read()
    if struct.unpack(">i", data[:4])[0] != magic:
        sys.exit(f"{path}: not an IDX file with magic {magic}")
    return data


def main():
    data_dir = sys.argv[1] if len(sys.argv) > 1 else "data"
    out_dir = sys.argv[2] if len(sys.argv) > 2 else "src/test/resources/fashion-mnist-slice"
    images = read_idx(f"{data_dir}/fashion-mnist/train-images-idx3-ubyte.gz", 2051)
    labels = read_idx(f"{data_dir}/fashion-mnist/train-labels-idx1-ubyte.gz", 2049)
    count, rows, cols = struct.unpack(">iii", images[4:16])
    d = rows * cols
    taken = {c: 0 for c in PER_CLASS}
    kept = []
    for i in range(count):
        c = labels[8 + i]
        if c in PER_CLASS and taken[c] < PER_CLASS[c]:
            taken[c] += 1
            kept.append(i)
    pixels = b"".join(images[16 + i * d:16 + (i + 1) * d] for i in kept)
    kept_labels = bytes(labels[8 + i] for i in kept)
    for name, content in (
            ("train-images-idx3-ubyte.gz", struct.pack(">iiii", 2051, len(kept), rows, cols) + pixels),
            ("train-labels-idx1-ubyte.gz", struct.pack(">ii", 2049, len(kept)) + kept_labels)):
        with open(f"{out_dir}/{name}", "wb") as raw, gzip.GzipFile(
                filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as f:
            f.write(content)
    with open(f"{out_dir}/indices.txt", "w") as f:
        f.write("".join(f"{i}\n" for i in kept))
    print(f"kept {len(kept)} examples {taken}, last index {kept[-1]}")


if __name__ == "__main__":
    main()
