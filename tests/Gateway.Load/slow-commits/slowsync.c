// Slow commits on demand, for the load tool's latency figures (docs/performance-log.md, 2026-12-05 evening).
//
// Preloaded into PostgreSQL (slow-commits.sh), it delays each fsync/fdatasync of a WAL file (pg_wal/) by a
// log-normal amount with the median SLOWSYNC_P50_US and the 99th percentile SLOWSYNC_P99_US (microseconds), so a
// commit takes as long as on a slow disk while everything else runs at the machine's speed. Data files are not
// delayed (checkpoints stay as they are). Never for production.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static double median_us = 500, p99_us = 9000;
static int ready;

static void init(void) {
  const char *median = getenv("SLOWSYNC_P50_US"), *p99 = getenv("SLOWSYNC_P99_US");
  if (median) median_us = atof(median);
  if (p99) p99_us = atof(p99);
  srand48(getpid() ^ time(NULL));
  ready = 1;
}

static int is_wal(int fd) {
  char link[64], path[512];
  snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  ssize_t n = readlink(link, path, sizeof path - 1);
  if (n <= 0) return 0;
  path[n] = 0;
  return strstr(path, "pg_wal/") != NULL;
}

static void delay(int fd) {
  if (!ready) init();
  if (!is_wal(fd) || median_us <= 0 || p99_us <= median_us) return;
  // Box-Muller: z ~ N(0, 1); exp(sigma z) has its 99th percentile at exp(2.326 sigma).
  double sigma = log(p99_us / median_us) / 2.326;
  double u1 = drand48(), u2 = drand48();
  if (u1 < 1e-12) u1 = 1e-12;
  double us = median_us * exp(sigma * sqrt(-2 * log(u1)) * cos(2 * M_PI * u2));
  if (us > 200000) us = 200000;
  struct timespec wait = { (time_t)(us / 1e6), (long)(fmod(us, 1e6) * 1000) };
  nanosleep(&wait, NULL);
}

int fdatasync(int fd) {
  static int (*real)(int);
  if (!real) real = (int (*)(int))dlsym(RTLD_NEXT, "fdatasync");
  delay(fd);
  return real(fd);
}

int fsync(int fd) {
  static int (*real)(int);
  if (!real) real = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
  delay(fd);
  return real(fd);
}
