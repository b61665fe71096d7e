/**
 * allure-vitest's reporter, writing `<out>/allure-results` without an fsync per file. The stock
 * writer writes each of a run's ~1,700 result and attachment files to a temporary file, fsyncs
 * it and renames it; it does so for all of them at once when the run ends, on the run's critical
 * path: about 1 s on a quiet disk and 5-10 s on a disk shared with other work (bench/README.md,
 * "the default run"). Nothing reads these files after a power cut: the report and the manifest
 * are made from them seconds later, in this process, from the page cache. Same files, same names.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AllureVitestReporter from 'allure-vitest/reporter';
import { stringifyEnvInfo, type Writer } from 'allure-js-commons/sdk/reporter';
import type { Vitest } from 'vitest/node';

export class UnsyncedResultsWriter implements Writer {
  constructor(private readonly dir: string) {}

  private path(name: string): string {
    mkdirSync(this.dir, { recursive: true });
    return join(this.dir, name);
  }

  writeResult(result: Parameters<Writer['writeResult']>[0]): void { writeFileSync(this.path(`${result.uuid}-result.json`), JSON.stringify(result), 'utf8'); }
  writeGroup(result: Parameters<Writer['writeGroup']>[0]): void { writeFileSync(this.path(`${result.uuid}-container.json`), JSON.stringify(result), 'utf8'); }
  writeAttachment(distFileName: string, content: Buffer): void { writeFileSync(this.path(distFileName), content); }
  writeAttachmentFromPath(distFileName: string, from: string): void { copyFileSync(from, this.path(distFileName)); }
  writeEnvironmentInfo(info: Parameters<Writer['writeEnvironmentInfo']>[0]): void { writeFileSync(this.path('environment.properties'), stringifyEnvInfo(info), 'utf8'); }
  writeCategoriesDefinitions(categories: Parameters<Writer['writeCategoriesDefinitions']>[0]): void { writeFileSync(this.path('categories.json'), JSON.stringify(categories), 'utf8'); }
  writeGlobals(distFileName: string, info: Parameters<Writer['writeGlobals']>[1]): void { writeFileSync(this.path(distFileName), JSON.stringify(info), 'utf8'); }
}

export default class AllureResultsReporter extends AllureVitestReporter {
  constructor(private readonly resultsDir: string) {
    super({ resultsDir });
  }

  override onInit(vitest: Vitest): void {
    super.onInit(vitest);
    // allure-vitest builds its runtime with its own file writer and takes none from its config.
    const runtime = (this as unknown as { allureReporterRuntime?: { writer: Writer } }).allureReporterRuntime;
    if (!runtime) throw new Error('allure-vitest has no reporter runtime after onInit: its internals changed. Fix: pin allure-vitest to the version in package.json, or drop AllureResultsReporter for allure-vitest/reporter.');
    runtime.writer = new UnsyncedResultsWriter(this.resultsDir);
  }
}
