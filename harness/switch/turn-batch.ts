/**
 * Collects what arrives during one turn of the event loop and hands it over as one batch, in
 * arrival order, once the turn's I/O is done. Messages judged back to back keep the XSD engine's
 * code and data in the processor's cache: between HTTP requests one validation costs about
 * twice what it costs in a run of them (bench/README.md).
 */
export function perTurn<T>(run: (batch: T[]) => void): (item: T) => void {
  let batch: T[] = [];
  const flush = (): void => {
    const taken = batch;
    batch = [];
    run(taken);
  };
  return (item) => {
    if (batch.push(item) === 1) setImmediate(flush);
  };
}
