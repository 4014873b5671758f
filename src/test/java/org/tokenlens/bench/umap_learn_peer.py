"""umap-learn on the MiniLM rows UmapBench wrote (`UmapBench dump=FILE`), as a peer for our UMAP.

    python3 umap_learn_peer.py FILE.f32 FIRST N seeded|parallel [euclidean|cosine] > OUT.csv

Runs umap.UMAP(n_neighbors=15) — umap-learn's defaults otherwise (min_dist 0.1, spread 1, spectral start,
200/500 epochs) — on rows FIRST..FIRST+N-1, once to compile numba's code and once timed; writes x,y per row to
stdout and the time to stderr. `seeded` sets random_state=42, which makes umap-learn run single-threaded (its
only reproducible mode); `parallel` leaves it unseeded so that it uses every core. Score the CSV with
`UmapBench peer=OUT.csv first=FIRST` (the same trustworthiness as our rows). Debian: apt-get install umap-learn.
"""
import os
import sys
import time

import numpy as np
import umap

path, first, n, mode = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
metric = sys.argv[5] if len(sys.argv) > 5 else "euclidean"
x = np.fromfile(path, dtype="<f4").reshape(-1, 384)[first:first + n]
seed = 42 if mode == "seeded" else None
umap.UMAP(n_neighbors=15, random_state=seed, metric=metric).fit_transform(x)  # warm-up: numba compiles here
load = os.getloadavg()
wall, cpu = time.time(), time.process_time()
y = umap.UMAP(n_neighbors=15, random_state=seed, metric=metric).fit_transform(x)
print(f"umap-learn {getattr(umap, '__version__', '?')}, rows {first}-{first + n - 1}, {mode}, {metric}: "
      f"{time.time() - wall:.1f} s wall, {time.process_time() - cpu:.1f} s CPU, load {load[0]:.2f}",
      file=sys.stderr)
np.savetxt(sys.stdout, y, delimiter=",", fmt="%.6f")
