/**
 * How many suite workers a run gets when every party is bundled. Each worker runs its own
 * parties beside its own switch, so a worker per core uses the machine; vitest's default
 * (cores − 1) leaves one core of a 2-core runner idle. But a second worker on cores that are
 * already busy adds no speed and starves the scenario beside it: with two workers on a loaded
 * 2-core machine the 1,000-event backlog's /clock passed its 10 s control bound. So only the
 * cores other processes leave free get a worker, and at least one. `busyElsewhere`: the cores
 * other processes kept busy while the command started (busy-cores.ts), else the load average.
 */
export function suiteWorkers(cores: number, busyElsewhere: number): number {
  return Math.min(cores, Math.max(1, Math.round(cores - busyElsewhere)));
}
